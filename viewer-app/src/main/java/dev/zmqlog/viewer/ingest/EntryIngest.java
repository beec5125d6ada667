package dev.zmqlog.viewer.ingest;

import java.time.Instant;
import java.util.function.Consumer;

import dev.zmqlog.protocol.DecodeResult;
import dev.zmqlog.protocol.EntryKind;
import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.transport.ReceivedMessage;
import dev.zmqlog.viewer.history.SequenceGaps;
import dev.zmqlog.viewer.history.TopicCounts;
import dev.zmqlog.viewer.history.ViewerEntry;
import dev.zmqlog.viewer.web.LiveStream;
import org.jspecify.annotations.Nullable;

/**
 * Takes every message the subscriber receives: counts it, numbers it, keeps it in the
 * history and hands it to the browsers and the relay. Runs on the subscriber's thread.
 */
public final class EntryIngest implements Consumer<ReceivedMessage> {

	private final LiveStream liveStream;

	private final TopicCounts topics;

	private final SequenceGaps gaps;

	private final IngestStats stats;

	private final @Nullable Consumer<ViewerEntry> relay;

	public EntryIngest(LiveStream liveStream, TopicCounts topics, SequenceGaps gaps, IngestStats stats,
			@Nullable Consumer<ViewerEntry> relay) {
		this.liveStream = liveStream;
		this.topics = topics;
		this.gaps = gaps;
		this.stats = stats;
		this.relay = relay;
	}

	@Override
	public void accept(ReceivedMessage message) {
		DecodeResult decoded = message.decoded();
		LogEntry entry = decoded.entry();
		if (entry == null) {
			this.stats.countRejected(String.valueOf(decoded.rejection()));
			return;
		}
		this.stats.countReceived(entry.kind() == EntryKind.RAW);
		this.topics.count(entry.topic());
		if (entry.source() != null && entry.seq() != null) {
			this.gaps.record(entry.source(), entry.seq());
		}
		ViewerEntry published = this.liveStream.publish((id) -> toViewerEntry(id, entry, message.receivedAt()));
		if (this.relay != null) {
			this.relay.accept(published);
		}
	}

	static ViewerEntry toViewerEntry(long id, LogEntry entry, Instant receivedAt) {
		return new ViewerEntry(id, (entry.time() != null) ? entry.time() : receivedAt, entry.topic(),
				(entry.level() != null) ? entry.level().name() : null, entry.logger(), message(entry),
				entry.exception(), entry.thread(), entry.mdc(), entry.seq(), entry.source(), entry.kind().name());
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
