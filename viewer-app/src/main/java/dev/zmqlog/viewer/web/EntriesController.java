package dev.zmqlog.viewer.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.zmqlog.protocol.Source;
import dev.zmqlog.transport.ShedMessages;
import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.EntryJson;
import dev.zmqlog.viewer.entry.TextQuery;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.RecentWindow;
import dev.zmqlog.viewer.history.SourceTable;
import dev.zmqlog.viewer.history.TopicCounts;
import dev.zmqlog.viewer.ingest.IngestStats;
import dev.zmqlog.viewer.ingest.SupervisedSubscriber;
import dev.zmqlog.viewer.store.EntryHistory;
import dev.zmqlog.viewer.store.HistoryStore;
import dev.zmqlog.viewer.store.StoreReport;
import dev.zmqlog.viewer.store.StoreWriter;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The HTTP API (PRODUCT.md §5.4): entries from the recent window and the store, their
 * context, histogram and facets, topics, sources and counters. Queries run on the request's thread and read the window without a lock; a
 * query takes at most {@value #QUERY_LIMIT_MILLIS} ms, and says so in the header
 * {@value #INCOMPLETE_HEADER} when it was cut short.
 */
@RestController
public class EntriesController {

	static final int DEFAULT_LIMIT = 500;

	static final int MAX_LIMIT = 10_000;

	static final int DEFAULT_CONTEXT_LINES = 10;

	static final int DEFAULT_BUCKETS = 60;

	static final long QUERY_LIMIT_MILLIS = 5_000;

	static final String INCOMPLETE_HEADER = "Zmqlog-Incomplete";

	private final RecentWindow window;

	private final EntryHistory history;

	private final HistoryStore store;

	private final StoreWriter storeWriter;

	private final Clock clock;

	private final TopicCounts topics;

	private final SourceTable sources;

	private final IngestStats stats;

	private final SupervisedSubscriber subscriber;

	private final LiveStreamHandler stream;

	private final EntryJson json;

	public EntriesController(RecentWindow window, EntryHistory history, HistoryStore store, StoreWriter storeWriter,
			TopicCounts topics, SourceTable sources, IngestStats stats, SupervisedSubscriber subscriber,
			LiveStreamHandler stream, EntryJson json, Clock viewerClock) {
		this.window = window;
		this.history = history;
		this.store = store;
		this.storeWriter = storeWriter;
		this.clock = viewerClock;
		this.topics = topics;
		this.sources = sources;
		this.stats = stats;
		this.subscriber = subscriber;
		this.stream = stream;
		this.json = json;
	}

	/**
	 * Entries, oldest first, from the recent window and the store as one list: the last
	 * {@code limit} that match (before an id), or the first after an id.
	 */
	@GetMapping(path = "/api/entries", produces = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<StreamingResponseBody> entries(@RequestParam MultiValueMap<String, String> parameters,
			@RequestParam(required = false) @Nullable Long before, @RequestParam(required = false) @Nullable Long after,
			@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
		EntryFilter filter = EntryFilter.of(parameters, this.clock);
		long deadline = deadline();
		long beforeId = (before != null) ? before : Long.MAX_VALUE;
		RecentWindow.Selection selection = (after != null) ? this.history.first(filter, limit, after, beforeId, deadline)
				: this.history.last(filter, limit, beforeId, deadline);
		return entryList(selection);
	}

	private ResponseEntity<StreamingResponseBody> entryList(RecentWindow.Selection selection) {
		List<ViewerEntry> entries = selection.entries();
		return ResponseEntity.ok()
			.header(INCOMPLETE_HEADER, String.valueOf(!selection.complete()))
			.contentType(MediaType.APPLICATION_JSON)
			.body((out) -> this.json.writeArray(out, entries));
	}

	private static long deadline() {
		return System.nanoTime() + QUERY_LIMIT_MILLIS * 1_000_000L;
	}

	@GetMapping(path = "/api/entries/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<StreamingResponseBody> entry(@PathVariable long id) {
		ViewerEntry entry = this.history.get(id);
		if (entry == null) {
			return notKept(id);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body((out) -> out.write(this.json.bytes(entry)));
	}

	private static ResponseEntity<StreamingResponseBody> notKept(long id) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
			.body((out) -> out.write(("{\"status\":404,\"error\":\"no entry " + id + " is kept\"}").getBytes()));
	}

	/** The entry and the {@code lines} entries before and after it from the same source, oldest first. */
	@GetMapping(path = "/api/entries/{id}/context", produces = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<StreamingResponseBody> context(@PathVariable long id,
			@RequestParam(defaultValue = "" + DEFAULT_CONTEXT_LINES) int lines) {
		if (lines < 0 || lines > MAX_LIMIT) {
			throw new IllegalArgumentException("lines must be between 0 and " + MAX_LIMIT + ", was " + lines);
		}
		RecentWindow.Selection context = this.history.context(id, lines, deadline());
		return (context != null) ? entryList(context) : notKept(id);
	}

	/** Entries per level per time bucket over the range, with the filters of {@code /api/entries}. */
	@GetMapping("/api/histogram")
	public EntryHistory.Histogram histogram(@RequestParam MultiValueMap<String, String> parameters,
			@RequestParam(defaultValue = "" + DEFAULT_BUCKETS) int buckets) {
		return this.history.histogram(EntryFilter.of(parameters, this.clock), buckets, deadline());
	}

	/** The most frequent values of logger, thread, source.app and each MDC key, with the filters of {@code /api/entries}. */
	@GetMapping("/api/fields")
	public EntryHistory.Fields fields(@RequestParam MultiValueMap<String, String> parameters) {
		return this.history.fields(EntryFilter.of(parameters, this.clock), deadline());
	}

	@GetMapping("/api/topics")
	public List<TopicCounts.TopicCount> topics() {
		return this.topics.snapshot();
	}

	@GetMapping("/api/sources")
	public List<SourceTable.SourceRow> sources() {
		return this.sources.snapshot();
	}

	@GetMapping("/api/stats")
	public Stats stats() {
		List<SourceTable.SourceRow> rows = this.sources.snapshot();
		Map<String, Long> lostBySource = new LinkedHashMap<>();
		long lost = 0;
		for (SourceTable.SourceRow row : rows) {
			lost += row.lost();
			lostBySource.put(new Source(row.app(), row.host(), row.pid(), row.instance()).key(), row.lost());
		}
		return new Stats(this.stats.received(), this.stats.rejected(), this.stats.rejectedByReason(), this.stats.raw(),
				lost, lostBySource, this.stats.rate(), this.window.size(), this.window.capacity(), this.window.bytes(),
				this.window.maxBytes(), this.topics.bytes(), this.sources.bytes(), this.stream.sessionCount(),
				this.stats.lastRejection(), TextQuery.timedOut(), this.subscriber.state(),
				this.stats.peerRefusals().byReason(), ShedReport.of(this.stats.shedMessages()), storeStats());
	}

	private StoreReport storeStats() {
		return StoreReport.of(this.store, this.storeWriter);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(ex.getMessage())));
	}

	/**
	 * @param received messages accepted as entries
	 * @param rejected messages that could not be shown (empty, oversized, ...)
	 * @param rejectedByReason the same by reason
	 * @param raw malformed messages shown as raw text
	 * @param lost events lost on the way, from sequence gaps, in all (evicted sources included)
	 * @param lostBySource the same per source ({@code app@host/pid#instance}), as {@code /api/sources} lists them
	 * @param rate entries per second, recently
	 * @param history entries kept in the recent window
	 * @param historyCapacity entries the window can keep
	 * @param historyBytes heap the window's entries take
	 * @param historyMaxBytes heap the window's entries may take
	 * @param topicsBytes heap the topic table takes
	 * @param sourcesBytes heap the source table takes
	 * @param browsers browsers streaming now
	 * @param lastRejection why the last message was rejected
	 * @param filterTimeouts filter evaluations cut short by their time limit
	 * @param subscriber whether the subscriber receives, its restarts and last failure
	 * @param refusedPeers peers refused and cut off, by reason (malformed ZMTP, oversized, CURVE)
	 * @param receiveBufferFull messages dropped whole because the subscriber's receive queue
	 * held {@code receive-buffer} bytes
	 * @param store the history store: size, oldest entry, write lag, entries not stored, last error
	 */
	public record Stats(long received, long rejected, Map<String, Long> rejectedByReason, long raw, long lost,
			Map<String, Long> lostBySource, double rate, int history, int historyCapacity, long historyBytes,
			long historyMaxBytes, long topicsBytes, long sourcesBytes, int browsers, String lastRejection,
			long filterTimeouts, SupervisedSubscriber.State subscriber, Map<String, Long> refusedPeers,
			ShedReport receiveBufferFull, StoreReport store) {
	}

	/**
	 * @param messages messages dropped, since the viewer started
	 * @param bytes their bytes, all frames together
	 */
	public record ShedReport(long messages, long bytes) {

		static ShedReport of(ShedMessages shed) {
			return new ShedReport(shed.messages(), shed.bytes());
		}

	}

}
