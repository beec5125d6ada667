package dev.zmqlog.viewer.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.zmqlog.protocol.Source;
import dev.zmqlog.viewer.entry.HeapSize;
import org.jspecify.annotations.Nullable;

/**
 * Every publisher instance seen (PRODUCT.md §5.4 {@code /api/sources}), bounded by the
 * heap it takes: a source seen once waits on probation, one seen again is kept; the source
 * on probation seen least recently makes room for a new one (a kept one only when none is
 * on probation), and its counts go to one row of evicted sources, so no loss is ever
 * forgotten. A flood of sources that each send once (invented instance ids) therefore
 * pushes out only each other, never the real publishers. {@code lost} counts gaps
 * in a source's {@code seq}; a number at or below one already seen (a late or replayed
 * event) is ignored, so {@code lost} never decreases. Fields are cut to
 * {@value TableText#MAX_CHARS} characters. Written by the ingest thread only; read by
 * anyone without a lock.
 */
public final class SourceTable {

	/** The app name of the row that holds evicted sources' counts. */
	public static final String EVICTED = "(evicted sources)";

	/** A row besides its text: the row, its key, both maps' nodes and table slots, the restart index. */
	static final int ROW_BYTES = 96 + 32 + 16 + 40 + 32 + 16 + 56;

	/** How far back the rate looks. */
	static final Duration RATE_WINDOW = Duration.ofSeconds(10);

	private final Clock clock;

	private final long maxBytes;

	/** The ingest thread's view of sources seen once, least recently seen first. */
	private final LinkedHashMap<Source, Row> probation = new LinkedHashMap<>(16, 0.75f, true);

	/** The ingest thread's view of sources seen more than once, least recently seen first. */
	private final LinkedHashMap<Source, Row> kept = new LinkedHashMap<>(16, 0.75f, true);

	/** The readers' view of the same rows. */
	private final Map<Source, Row> rows = new ConcurrentHashMap<>();

	/** The newest instance of each app and host, for {@code restartOf}. */
	private final Map<String, String> newestInstance = new HashMap<>();

	private final Row evicted;

	private long heldBytes;

	private volatile long bytes;

	public SourceTable(long maxBytes, Clock clock) {
		this.maxBytes = maxBytes;
		this.clock = clock;
		this.evicted = new Row(new Source(EVICTED, null, null, null), Instant.EPOCH, null, 0);
	}

	/**
	 * Counts an entry of a source. Called by the ingest thread only.
	 * @return the source the entry should keep: the table's own, equal to the one given,
	 * which every entry of the source can share instead of a copy each; the one given when
	 * the table keeps its fields cut short
	 */
	public Source record(Source source, @Nullable Long seq, Instant received) {
		Row row = find(source);
		Source shared = (row != null) ? row.source : source;
		if (row == null) {
			Source key = cut(source);
			row = (key != source) ? find(key) : null;
			if (row == null) {
				row = add(key, received);
			}
		}
		row.count(seq, received);
		return shared;
	}

	private @Nullable Row find(Source source) {
		Row row = this.kept.get(source);
		if (row != null) {
			return row;
		}
		row = this.probation.remove(source);
		if (row != null) {
			this.kept.put(row.source, row);
		}
		return row;
	}

	private static Source cut(Source source) {
		String app = TableText.cutOrNull(source.app());
		String host = TableText.cutOrNull(source.host());
		String instance = TableText.cutOrNull(source.instance());
		if (app == source.app() && host == source.host() && instance == source.instance()) {
			return source;
		}
		return new Source(app, host, source.pid(), instance);
	}

	private Row add(Source key, Instant received) {
		long rowBytes = ROW_BYTES + HeapSize.of(key);
		while (this.heldBytes + rowBytes > this.maxBytes && !(this.probation.isEmpty() && this.kept.isEmpty())) {
			evictLeastRecent(this.probation.isEmpty() ? this.kept : this.probation);
		}
		String appHost = key.app() + "@" + key.host();
		String previous = this.newestInstance.put(appHost, String.valueOf(key.instance()));
		Row row = new Row(key, received, previous, rowBytes + HeapSize.of(appHost));
		this.probation.put(key, row);
		this.rows.put(key, row);
		this.heldBytes += row.bytes;
		this.bytes = this.heldBytes;
		return row;
	}

	private void evictLeastRecent(LinkedHashMap<Source, Row> segment) {
		Iterator<Map.Entry<Source, Row>> oldest = segment.entrySet().iterator();
		Row row = oldest.next().getValue();
		oldest.remove();
		this.rows.remove(row.source);
		this.newestInstance.remove(row.source.app() + "@" + row.source.host(), String.valueOf(row.source.instance()));
		this.evicted.absorb(row);
		this.heldBytes -= row.bytes;
		this.bytes = this.heldBytes;
	}

	/** Heap the table takes. */
	public long bytes() {
		return this.bytes;
	}

	/** Events lost by every source seen, evicted ones included. */
	public long totalLost() {
		long lost = this.evicted.lost;
		for (Row row : this.rows.values()) {
			lost += row.lost;
		}
		return lost;
	}

	/**
	 * The table as a store keeps it: the {@code maxRows} sources seen most recently, the
	 * others' counts folded into the evicted sources' row, so that no loss is forgotten.
	 * Read on any thread.
	 */
	public List<SavedSource> saved(int maxRows) {
		List<Row> recent = new ArrayList<>(this.rows.values());
		recent.sort(Comparator.comparingLong((Row row) -> row.lastSeenMillis).reversed());
		List<SavedSource> saved = new ArrayList<>(Math.min(recent.size(), maxRows) + 1);
		long foldedReceived = this.evicted.received;
		long foldedLost = this.evicted.lost;
		long foldedLastSeen = this.evicted.lastSeenMillis;
		for (Row row : recent) {
			if (saved.size() < maxRows) {
				saved.add(row.toSaved());
			}
			else {
				foldedReceived += row.received;
				foldedLost += row.lost;
				foldedLastSeen = Math.max(foldedLastSeen, row.lastSeenMillis);
			}
		}
		if (foldedReceived > 0) {
			saved.add(new SavedSource(this.evicted.source, this.evicted.firstSeen, Instant.ofEpochMilli(foldedLastSeen),
					foldedReceived, foldedLost, 0, null));
		}
		return saved;
	}

	/**
	 * Puts back what {@link #saved} gave before a restart, ahead of any entry received. The
	 * sources come back as sources seen more than once.
	 */
	public void restore(List<SavedSource> saved) {
		for (SavedSource source : saved) {
			if (EVICTED.equals(source.source().app()) && source.source().instance() == null) {
				this.evicted.absorb(new Row(source));
				continue;
			}
			Source key = cut(source.source());
			if (this.rows.containsKey(key)) {
				continue;
			}
			Row row = new Row(source);
			long rowBytes = row.bytes;
			while (this.heldBytes + rowBytes > this.maxBytes && !(this.probation.isEmpty() && this.kept.isEmpty())) {
				evictLeastRecent(this.probation.isEmpty() ? this.kept : this.probation);
			}
			this.kept.put(key, row);
			this.rows.put(key, row);
			this.newestInstance.put(key.app() + "@" + key.host(), String.valueOf(key.instance()));
			this.heldBytes += rowBytes;
			this.bytes = this.heldBytes;
		}
	}

	/** The sources, most recently seen first, then the evicted sources' row if any was evicted. */
	public List<SourceRow> snapshot() {
		Instant now = this.clock.instant();
		List<SourceRow> snapshot = new ArrayList<>(this.rows.size() + 1);
		for (Row row : this.rows.values()) {
			snapshot.add(row.toSourceRow(now));
		}
		snapshot.sort(Comparator.comparing(SourceRow::lastSeen).reversed());
		if (this.evicted.received > 0) {
			snapshot.add(this.evicted.toSourceRow(now));
		}
		return snapshot;
	}

	/** One source's counts; written by the ingest thread, read by anyone. */
	private static final class Row {

		private final Source source;

		private final Instant firstSeen;

		private final @Nullable String restartOf;

		private final long bytes;

		private volatile long lastSeenMillis;

		private volatile long received;

		private volatile long lost;

		/** The next seq expected; 0 before the first. Written by the ingest thread only. */
		private volatile long expectedSeq;

		/** Received when the current rate window started, and when it started. */
		private volatile long windowReceived;

		private volatile long windowStartMillis;

		private volatile double previousRate;

		Row(Source source, Instant firstSeen, @Nullable String restartOf, long bytes) {
			this.source = source;
			this.firstSeen = firstSeen;
			this.restartOf = restartOf;
			this.bytes = bytes;
			this.lastSeenMillis = firstSeen.toEpochMilli();
			this.windowStartMillis = this.lastSeenMillis;
		}

		Row(SavedSource saved) {
			this(cut(saved.source()), saved.firstSeen(), saved.restartOf(), ROW_BYTES + HeapSize.of(cut(saved.source()))
					+ HeapSize.of(saved.source().app() + "@" + saved.source().host()));
			this.lastSeenMillis = saved.lastSeen().toEpochMilli();
			this.windowStartMillis = this.lastSeenMillis;
			this.received = saved.received();
			this.windowReceived = saved.received();
			this.lost = saved.lost();
			this.expectedSeq = saved.nextSeq();
		}

		SavedSource toSaved() {
			return new SavedSource(this.source, this.firstSeen, Instant.ofEpochMilli(this.lastSeenMillis), this.received,
					this.lost, this.expectedSeq, this.restartOf);
		}

		void count(@Nullable Long seq, Instant received) {
			long now = received.toEpochMilli();
			this.lastSeenMillis = now;
			this.received++;
			if (now - this.windowStartMillis >= RATE_WINDOW.toMillis()) {
				this.previousRate = (this.received - this.windowReceived) * 1000.0 / (now - this.windowStartMillis);
				this.windowReceived = this.received;
				this.windowStartMillis = now;
			}
			if (seq == null) {
				return;
			}
			if (this.expectedSeq > 0 && seq > this.expectedSeq) {
				this.lost += seq - this.expectedSeq;
			}
			if (seq >= this.expectedSeq) {
				this.expectedSeq = seq + 1;
			}
		}

		void absorb(Row other) {
			this.received += other.received;
			this.lost += other.lost;
			this.lastSeenMillis = Math.max(this.lastSeenMillis, other.lastSeenMillis);
		}

		SourceRow toSourceRow(Instant now) {
			long lastSeen = this.lastSeenMillis;
			double rate;
			if (now.toEpochMilli() - lastSeen > RATE_WINDOW.toMillis()) {
				rate = 0;
			}
			else {
				long elapsed = now.toEpochMilli() - this.windowStartMillis;
				rate = (elapsed >= 1000) ? (this.received - this.windowReceived) * 1000.0 / elapsed : this.previousRate;
			}
			return new SourceRow(this.source.app(), this.source.host(), this.source.pid(), this.source.instance(),
					this.firstSeen, Instant.ofEpochMilli(lastSeen), this.received, this.lost, rate, this.restartOf);
		}

	}

	/**
	 * A source's counts as a store keeps them across restarts.
	 *
	 * @param source the publisher instance
	 * @param firstSeen when its first entry arrived
	 * @param lastSeen when its last entry arrived
	 * @param received entries received
	 * @param lost events lost on the way
	 * @param nextSeq the next {@code seq} expected, 0 when none came
	 * @param restartOf the previous instance of the same app and host, if any
	 */
	public record SavedSource(Source source, Instant firstSeen, Instant lastSeen, long received, long lost, long nextSeq,
			@Nullable String restartOf) {
	}

	/**
	 * A row of {@code /api/sources}.
	 *
	 * @param app the application name
	 * @param host the host name
	 * @param pid the process id
	 * @param instance the instance id, new at every publisher start
	 * @param firstSeen when its first entry arrived
	 * @param lastSeen when its last entry arrived
	 * @param received entries received
	 * @param lost events lost on the way (gaps in {@code seq}); never decreases
	 * @param rate entries per second, recently
	 * @param restartOf the previous instance of the same app and host, if any
	 */
	public record SourceRow(@Nullable String app, @Nullable String host, @Nullable Long pid,
			@Nullable String instance, Instant firstSeen, Instant lastSeen, long received, long lost, double rate,
			@Nullable String restartOf) {
	}

}
