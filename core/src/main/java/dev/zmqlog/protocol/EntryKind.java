package dev.zmqlog.protocol;

/**
 * What shape a received message had.
 */
public enum EntryKind {

	/** A JSON record: zmqlog's own, the logging cookbook's or Logbook's. */
	STRUCTURED,

	/** A topic and a text payload (pyzmq's PUBHandler, zmqlog's {@code text} payload). */
	TEXT,

	/** A one-frame text message with no topic (Log4j2's JeroMQ appender). */
	PLAIN,

	/** A malformed message shown as raw text: three or more frames, or invalid UTF-8. */
	RAW

}
