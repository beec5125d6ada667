package dev.zmqlog.logback;

import java.util.Locale;

/**
 * What the calling thread does when the appender's queue is full.
 */
public enum Overflow {

	/** Drop the event and count it: the caller never waits. */
	DROP,

	/** Wait for room up to the appender's block timeout, then drop and count. */
	BLOCK;

	/** Parses {@code drop} or {@code block} in any case. */
	public static Overflow of(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}

}
