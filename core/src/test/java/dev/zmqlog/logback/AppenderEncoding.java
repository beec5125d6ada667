package dev.zmqlog.logback;

import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.zmqlog.protocol.PayloadFormat;
import dev.zmqlog.protocol.Source;
import dev.zmqlog.protocol.SubtopicPrefix;
import dev.zmqlog.transport.WireMessage;

/**
 * Test-support API (core's test-jar, for tests and benchmarks of other modules; not part
 * of zmqlog's product API): the appender's own encoding of an event into its wire
 * message, with the default format and subtopic delimiter, as the publishing thread does
 * it. Close it to stop its patterns.
 */
public final class AppenderEncoding implements AutoCloseable {

	private final LevelLayouts layouts;

	private final EventEncoder encoder;

	/**
	 * @param context a started Logback context
	 * @param rootTopic the first topic segment, or empty
	 * @param payload text or json
	 * @param source the publisher that JSON records name
	 */
	public AppenderEncoding(LoggerContext context, String rootTopic, PayloadFormat payload, Source source) {
		this.layouts = new LevelLayouts(context, ZmqLogAppender.DEFAULT_FORMAT, Map.of());
		this.encoder = new EventEncoder(rootTopic, new SubtopicResolver(SubtopicPrefix.DEFAULT_DELIMITER, null),
				this.layouts, payload, source);
	}

	/** The event's message as the appender publishes it with sequence number {@code seq}. */
	public WireMessage encode(ILoggingEvent event, long seq) {
		return this.encoder.encode(event, seq);
	}

	@Override
	public void close() {
		this.layouts.stop();
	}

}
