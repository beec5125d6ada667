package dev.zmqlog.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A log event as a receiver decoded it, whatever its shape on the wire.
 *
 * @param kind the shape it had on the wire
 * @param topic the topic frame (empty for one-frame messages that carry none)
 * @param level the level, or {@code null} when neither topic nor record names one
 * @param time the event's own time, or {@code null} when the message does not carry it
 * @param logger the logger name, or {@code null}
 * @param message the message: the record's message, or the whole text payload
 * @param exception the stack trace text, or {@code null}
 * @param formatted the text a terminal shows: the text payload, or the record's formatted
 * text
 * @param thread the thread name, or {@code null}
 * @param mdc the mapped diagnostic context (empty when none)
 * @param markers marker names (empty when none)
 * @param seq the publisher's sequence number, or {@code null}
 * @param source the publisher, or {@code null}
 */
public record LogEntry(EntryKind kind, String topic, @Nullable Level level, @Nullable Instant time,
		@Nullable String logger, String message, @Nullable String exception, String formatted,
		@Nullable String thread, Map<String, String> mdc, List<String> markers, @Nullable Long seq,
		@Nullable Source source) {

	/** A text entry: a topic and the text pyzmq's watcher would print. */
	public static LogEntry text(EntryKind kind, String topic, String text) {
		return new LogEntry(kind, topic, Topic.levelOf(topic), null, null, text, null, text, null, Map.of(), List.of(),
				null, null);
	}

}
