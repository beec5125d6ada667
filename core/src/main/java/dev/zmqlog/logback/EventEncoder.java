package dev.zmqlog.logback;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.zmqlog.protocol.Level;
import dev.zmqlog.protocol.PayloadFormat;
import dev.zmqlog.protocol.Source;
import dev.zmqlog.protocol.Topic;
import dev.zmqlog.transport.WireMessage;

/**
 * Turns a Logback event into its wire message: topic {@code [root.]LEVEL[.subtopic]} and
 * a {@code text} or {@code json} payload. Used by the publishing thread only.
 */
final class EventEncoder {

	private static final int INITIAL_FORMATTED_CAPACITY = 256;

	/** A builder grown larger than this by an exceptional event is not kept. */
	private static final int MAX_RETAINED_FORMATTED_CAPACITY = 64 * 1024;

	private final String rootTopic;

	private final SubtopicResolver subtopics;

	private final LevelLayouts layouts;

	private final JsonPayloadWriter json;

	private final PayloadFormat payload;

	/** Topics of events without a subtopic, by level index: most events need no new string. */
	private final String[] plainTopics = new String[Level.values().length];

	private final byte[][] plainTopicBytes = new byte[Level.values().length][];

	/** The formatted text of the event being encoded, reused from event to event. */
	private StringBuilder formatted = new StringBuilder(INITIAL_FORMATTED_CAPACITY);

	EventEncoder(String rootTopic, SubtopicResolver subtopics, LevelLayouts layouts, PayloadFormat payload,
			Source source) {
		this.rootTopic = rootTopic;
		for (Level level : Level.values()) {
			this.plainTopics[level.ordinal()] = Topic.build(rootTopic, level.name(), null);
			this.plainTopicBytes[level.ordinal()] = this.plainTopics[level.ordinal()].getBytes(StandardCharsets.UTF_8);
		}
		this.subtopics = subtopics;
		this.layouts = layouts;
		this.payload = payload;
		this.json = new JsonPayloadWriter(source);
	}

	/**
	 * @param event the event
	 * @param seq its sequence number
	 * @return the message to send
	 */
	WireMessage encode(ILoggingEvent event, long seq) {
		SubtopicResolver.Resolved resolved = this.subtopics.resolve(event);
		ILoggingEvent view = resolved.event();
		Level level = toProtocolLevel(view.getLevel());
		String subtopic = resolved.subtopic();
		String topic = (subtopic == null) ? this.plainTopics[level.ordinal()]
				: Topic.build(this.rootTopic, level.name(), subtopic);
		byte[] topicBytes = (subtopic == null) ? this.plainTopicBytes[level.ordinal()]
				: topic.getBytes(StandardCharsets.UTF_8);
		StringBuilder text = format(view);
		byte[] payloadBytes = (this.payload == PayloadFormat.JSON) ? this.json.write(view, level, topic, text, seq)
				: text.toString().getBytes(StandardCharsets.UTF_8);
		return new WireMessage(topicBytes, payloadBytes);
	}

	/**
	 * Formats into the reused builder. For {@code text} the builder then becomes a String
	 * and its UTF-8 bytes: both are vectorised copies of a Latin-1 array, faster than any
	 * char-by-char encoder (measured: 58 ns against 80 ns per event). For {@code json} the
	 * generator reads the builder's chars directly.
	 */
	private StringBuilder format(ILoggingEvent event) {
		if (this.formatted.capacity() > MAX_RETAINED_FORMATTED_CAPACITY) {
			this.formatted = new StringBuilder(INITIAL_FORMATTED_CAPACITY);
		}
		this.formatted.setLength(0);
		this.layouts.format(event, this.formatted);
		return this.formatted;
	}

	static Level toProtocolLevel(ch.qos.logback.classic.Level level) {
		return switch (level.toInt()) {
			case ch.qos.logback.classic.Level.TRACE_INT -> Level.TRACE;
			case ch.qos.logback.classic.Level.DEBUG_INT -> Level.DEBUG;
			case ch.qos.logback.classic.Level.INFO_INT -> Level.INFO;
			case ch.qos.logback.classic.Level.WARN_INT -> Level.WARN;
			default -> Level.ERROR;
		};
	}

}
