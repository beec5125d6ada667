package dev.zmqlog.viewer.web;

import java.util.List;
import java.util.Map;

import dev.zmqlog.viewer.history.EntryFilter;
import dev.zmqlog.viewer.history.EntryHistory;
import dev.zmqlog.viewer.history.SequenceGaps;
import dev.zmqlog.viewer.history.TopicCounts;
import dev.zmqlog.viewer.history.ViewerEntry;
import dev.zmqlog.viewer.ingest.IngestStats;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP API: entries from the history, topics seen, and counters.
 */
@RestController
public class EntriesController {

	private static final int DEFAULT_LIMIT = 1_000;

	private final EntryHistory history;

	private final TopicCounts topics;

	private final SequenceGaps gaps;

	private final IngestStats stats;

	private final LiveStreamHandler stream;

	public EntriesController(EntryHistory history, TopicCounts topics, SequenceGaps gaps, IngestStats stats,
			LiveStreamHandler stream) {
		this.history = history;
		this.topics = topics;
		this.gaps = gaps;
		this.stats = stats;
		this.stream = stream;
	}

	/**
	 * Entries, oldest first: the last {@code limit} that match.
	 */
	@GetMapping("/api/entries")
	public List<ViewerEntry> entries(@RequestParam(name = "topic", required = false) @Nullable List<String> topic,
			@RequestParam(required = false) @Nullable String level, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1, was " + limit);
		}
		return this.history.last(EntryFilter.of(topic, level, q), Math.min(limit, this.history.capacity()));
	}

	@GetMapping("/api/topics")
	public List<TopicCounts.TopicCount> topics() {
		return this.topics.snapshot();
	}

	@GetMapping("/api/stats")
	public Stats stats() {
		return new Stats(this.stats.received(), this.stats.rejected(), this.stats.raw(), this.gaps.totalLost(),
				this.gaps.lost(), this.stats.rate(), this.history.size(), this.history.capacity(), this.history.bytes(),
				this.stream.sessionCount(), this.stats.lastRejection(), this.stats.peerRefusals().byReason());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(ex.getMessage())));
	}

	/**
	 * @param received messages accepted as entries
	 * @param rejected messages that could not be shown (empty, oversized, ...)
	 * @param raw malformed messages shown as raw text
	 * @param lost events lost on the way, from sequence gaps, in all
	 * @param lostBySource the same per publisher
	 * @param rate entries per second, recently
	 * @param history entries kept
	 * @param historyCapacity entries the history can keep
	 * @param historyBytes estimated memory the history takes
	 * @param browsers browsers streaming now
	 * @param lastRejection why the last message was rejected
	 * @param refusedPeers peers refused and cut off, by reason (malformed ZMTP, oversized, CURVE)
	 */
	public record Stats(long received, long rejected, long raw, long lost, Map<String, Long> lostBySource, double rate,
			int history, int historyCapacity, long historyBytes, int browsers, String lastRejection,
			Map<String, Long> refusedPeers) {
	}

}
