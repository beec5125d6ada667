package dev.zmqlog.protocol;

import org.jspecify.annotations.Nullable;

/**
 * Who published an event: the application, its host and process, and an id that is new
 * each time the publisher starts, so that a restart restarts the sequence.
 *
 * @param app the application name
 * @param host the host name
 * @param pid the process id
 * @param instance a random id per publisher start
 */
public record Source(@Nullable String app, @Nullable String host, @Nullable Long pid, @Nullable String instance) {

	/** A key that tells publishers apart, for per-source sequence accounting. */
	public String key() {
		return (this.app == null ? "" : this.app) + "@" + (this.host == null ? "" : this.host) + "/"
				+ (this.pid == null ? "" : this.pid) + "#" + (this.instance == null ? "" : this.instance);
	}

}
