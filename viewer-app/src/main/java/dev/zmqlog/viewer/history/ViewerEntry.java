package dev.zmqlog.viewer.history;

import java.time.Instant;
import java.util.Map;

import dev.zmqlog.protocol.Source;
import org.jspecify.annotations.Nullable;

/**
 * An entry as the API and the browsers see it.
 *
 * @param id viewer-assigned, increasing
 * @param time the event's own time when the record carries one, else when received
 * @param topic the topic
 * @param level TRACE, DEBUG, INFO, WARN, ERROR or FATAL, or {@code null}
 * @param logger the logger name, or {@code null}
 * @param message the message
 * @param exception the stack trace, or {@code null}
 * @param thread the thread name, or {@code null}
 * @param mdc the MDC
 * @param seq the publisher's sequence number, or {@code null}
 * @param source the publisher, or {@code null}
 * @param kind the shape it had on the wire: STRUCTURED, TEXT, PLAIN or RAW
 */
public record ViewerEntry(long id, Instant time, String topic, @Nullable String level, @Nullable String logger,
		String message, @Nullable String exception, @Nullable String thread, Map<String, String> mdc,
		@Nullable Long seq, @Nullable Source source, String kind) {
}
