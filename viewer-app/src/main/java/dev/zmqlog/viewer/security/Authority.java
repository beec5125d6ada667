package dev.zmqlog.viewer.security;

import org.jspecify.annotations.Nullable;

/**
 * {@code host[:port]} as a {@code Host} header or an origin carries it, split where the
 * port starts: after the last colon, or after the bracket of an IPv6 literal. Nothing is
 * checked here.
 *
 * @param host the host as written, brackets included
 * @param port the text after the colon, or {@code null} when there is no colon
 */
record Authority(String host, @Nullable String port) {

	static Authority of(String authority) {
		int colon = authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
		return (colon > 0) ? new Authority(authority.substring(0, colon), authority.substring(colon + 1))
				: new Authority(authority, null);
	}

}
