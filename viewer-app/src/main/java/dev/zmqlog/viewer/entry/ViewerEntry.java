package dev.zmqlog.viewer.entry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.zmqlog.protocol.EntryKind;
import dev.zmqlog.protocol.Level;
import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.protocol.Source;
import org.jspecify.annotations.Nullable;

/**
 * An entry as the viewer keeps it and every client sees it (PRODUCT.md §5.2). Immutable,
 * so it is shared between threads without a lock.
 *
 * @param id viewer-assigned, increasing
 * @param time the event's own time when the record carries one, else when received
 * @param received when the viewer received it
 * @param topic the topic
 * @param level the normalised level, or {@code null}
 * @param logger the logger name, or {@code null}
 * @param thread the thread name, or {@code null}
 * @param message the message
 * @param exception the stack trace, causes included, or {@code null}
 * @param mdc the MDC (empty when none)
 * @param markers marker names (empty when none)
 * @param seq the publisher's sequence number, or {@code null}
 * @param source the publisher, or {@code null}
 * @param kind the shape it had on the wire
 */
public record ViewerEntry(long id, Instant time, Instant received, String topic, @Nullable Level level,
		@Nullable String logger, @Nullable String thread, String message, @Nullable String exception,
		Map<String, String> mdc, List<String> markers, @Nullable Long seq, @Nullable Source source, EntryKind kind) {

	/** The entry a decoded message makes. */
	public static ViewerEntry of(long id, LogEntry entry, Instant receivedAt) {
		return of(id, entry, entry.source(), receivedAt);
	}

	/**
	 * The entry a decoded message makes, with a source equal to its own that it shares
	 * with the publisher's other entries, or none.
	 */
	public static ViewerEntry of(long id, LogEntry entry, @Nullable Source source, Instant receivedAt) {
		return new ViewerEntry(id, (entry.time() != null) ? entry.time() : receivedAt, receivedAt, entry.topic(),
				entry.level(), entry.logger(), entry.thread(), message(entry), entry.exception(),
				entry.mdc().isEmpty() ? Map.of() : entry.mdc(), entry.markers().isEmpty() ? List.of() : entry.markers(),
				entry.seq(), source, entry.kind());
	}

	/**
	 * The message without the line break that ends pyzmq's formats ({@code "%(message)s\n"}),
	 * as pyzmq's own watcher shows it; records and raw messages are kept as they came.
	 */
	private static String message(LogEntry entry) {
		String message = entry.message();
		if (entry.kind() != EntryKind.TEXT && entry.kind() != EntryKind.PLAIN) {
			return message;
		}
		int end = message.length();
		while (end > 0 && (message.charAt(end - 1) == '\n' || message.charAt(end - 1) == '\r')) {
			end--;
		}
		return message.substring(0, end);
	}

}
