package dev.zmqlog.protocol;

import java.util.Locale;

/**
 * How the second frame of a message carries the event.
 */
public enum PayloadFormat {

	/** The event formatted with its level's pattern, as pyzmq's PUBHandler sends it. */
	TEXT,

	/** One JSON object per event, readable by Python's {@code logging.makeLogRecord}. */
	JSON;

	/** Parses {@code text} or {@code json} in any case. */
	public static PayloadFormat of(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}

}
