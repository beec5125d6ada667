package dev.zmqlog.viewer.ingest;

import java.util.List;
import java.util.function.Consumer;

import dev.zmqlog.protocol.DecodeResult;
import dev.zmqlog.protocol.EntryKind;
import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.protocol.Source;
import dev.zmqlog.transport.ReceivedMessage;
import dev.zmqlog.viewer.entry.EntrySink;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.SourceTable;
import dev.zmqlog.viewer.history.TopicCounts;

/**
 * Takes every message the subscriber receives: counts it, makes it an entry, numbers it
 * and hands it to the sinks in order (the recent window first, then the broadcaster, and
 * the store when there is one). Runs on the subscriber's thread, the only writer of
 * everything it touches; it takes no lock a reader holds.
 */
public final class EntryIngest implements Consumer<ReceivedMessage> {

	private final TopicCounts topics;

	private final SourceTable sources;

	private final IngestStats stats;

	private final List<EntrySink> sinks;

	private long nextId;

	/**
	 * @param firstId the id of the first entry (a store continues its own numbering)
	 * @param sinks where numbered entries go, in this order
	 */
	public EntryIngest(TopicCounts topics, SourceTable sources, IngestStats stats, long firstId, List<EntrySink> sinks) {
		this.topics = topics;
		this.sources = sources;
		this.stats = stats;
		this.nextId = firstId;
		this.sinks = List.copyOf(sinks);
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
		Source source = entry.source();
		if (source != null) {
			// the window and the store then hold one source per publisher, not one per entry
			source = this.sources.record(source, entry.seq(), message.receivedAt());
		}
		this.topics.count((source != null) ? source.app() : null, entry.topic());
		ViewerEntry numbered = ViewerEntry.of(this.nextId++, entry, source, message.receivedAt());
		for (EntrySink sink : this.sinks) {
			sink.accept(numbered);
		}
	}

}
