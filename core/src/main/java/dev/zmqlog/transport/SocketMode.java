package dev.zmqlog.transport;

import java.util.Locale;

/**
 * Whether a socket binds its endpoints (and peers connect to it) or connects to them.
 */
public enum SocketMode {

	BIND, CONNECT;

	/** Parses {@code bind} or {@code connect} in any case. */
	public static SocketMode of(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}

}
