package dev.zmqlog.viewer.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.zmqlog.protocol.Level;
import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.RecentWindow;
import dev.zmqlog.viewer.history.RecentWindow.Selection;
import org.jspecify.annotations.Nullable;

/**
 * The recent window and the store as one list of entries, by id: the window answers for
 * the ids it still holds, the store for those before. Which is which is decided once per
 * query, from the window's oldest id at that moment; entries are immutable and ids never
 * change, so the two parts join without a seam.
 */
public final class EntryHistory {

	/** Entries the facets of {@code /api/fields} are counted over: the newest that match. */
	public static final int FIELDS_SAMPLE = 5_000;

	/** Values listed per field. */
	public static final int FIELD_VALUES = 10;

	/** MDC keys listed. */
	public static final int MDC_KEYS = 20;

	/** Buckets of a histogram at most. */
	public static final int MAX_BUCKETS = 1_000;

	private final RecentWindow window;

	private final HistoryStore store;

	private final Clock clock;

	private final IdSeam sharedSeam;

	public EntryHistory(RecentWindow window, HistoryStore store, Clock clock) {
		this.window = window;
		this.store = store;
		this.clock = clock;
		this.sharedSeam = (store instanceof SharedStore shared) ? new SharedIdSeam(shared, window) : IdSeam.EXACT;
	}

	/** How ids join now: exactly, unless this viewer shares the store and did not write all it numbered. */
	private IdSeam seam() {
		return (this.store instanceof SharedStore shared && !shared.ownIdsStored()) ? this.sharedSeam : IdSeam.EXACT;
	}

	/** Whether ids and entries survive a restart. */
	public boolean durable() {
		return this.store.durable();
	}

	/** The newest {@code limit} entries that match below {@code beforeId}, oldest first. */
	public Selection last(EntryFilter filter, int limit, long beforeId, long deadlineNanos) {
		IdSeam seam = seam();
		long boundary = seam.windowFrom(this.window.oldestId());
		Selection recent = this.window.last(filter, limit, boundary - 1, beforeId - 1, deadlineNanos);
		if (recent.entries().size() >= limit || !recent.complete() || !this.store.durable()) {
			return recent;
		}
		Selection stored = this.store.newest(filter, Long.MIN_VALUE, seam.storeBefore(beforeId, boundary),
				limit - recent.entries().size(), deadlineNanos);
		return join(stored, recent);
	}

	/** The oldest {@code limit} entries that match after {@code afterId} and below {@code beforeId}, oldest first. */
	public Selection first(EntryFilter filter, int limit, long afterId, long beforeId, long deadlineNanos) {
		if (!this.store.durable()) {
			return this.window.first(filter, limit, afterId, beforeId - 1, deadlineNanos);
		}
		IdSeam seam = seam();
		long boundary = seam.windowFrom(this.window.oldestId());
		Selection stored = new Selection(List.of(), true, 0);
		if (afterId + 1 < boundary) {
			stored = this.store.oldest(filter, seam.storeAfter(afterId), seam.storeBefore(beforeId, boundary), limit,
					deadlineNanos);
			if (stored.entries().size() >= limit || !stored.complete() || beforeId <= boundary) {
				return stored;
			}
		}
		Selection recent = this.window.first(filter, limit - stored.entries().size(), Math.max(afterId, boundary - 1),
				beforeId - 1, deadlineNanos);
		return join(stored, recent);
	}

	/**
	 * What a browser missed after {@code afterId} up to {@code upToId}: from the store at most
	 * the newest {@code maxStored} (those before are counted as unread, by id), then the window.
	 */
	public Selection resume(EntryFilter filter, long afterId, long upToId, int maxStored, long deadlineNanos) {
		if (!this.store.durable()) {
			return this.window.first(filter, Integer.MAX_VALUE, afterId, upToId, deadlineNanos);
		}
		IdSeam seam = seam();
		long boundary = seam.windowFrom(this.window.oldestId());
		Selection stored = new Selection(List.of(), true, 0);
		if (afterId + 1 < boundary) {
			long storeAfter = seam.storeAfter(afterId);
			stored = this.store.newest(filter, storeAfter, seam.storeBefore(upToId + 1, boundary), maxStored,
					deadlineNanos);
			if (stored.entries().size() >= maxStored) {
				long skipped = stored.entries().get(0).id() - storeAfter - 1;
				stored = new Selection(stored.entries(), stored.complete(), skipped);
			}
		}
		Selection recent = this.window.first(filter, Integer.MAX_VALUE, Math.max(afterId, boundary - 1), upToId,
				deadlineNanos);
		return join(stored, recent);
	}

	private static Selection join(Selection older, Selection newer) {
		if (older.entries().isEmpty()) {
			return new Selection(newer.entries(), older.complete() && newer.complete(), older.unread() + newer.unread());
		}
		List<ViewerEntry> entries = new ArrayList<>(older.entries().size() + newer.entries().size());
		entries.addAll(older.entries());
		entries.addAll(newer.entries());
		return new Selection(entries, older.complete() && newer.complete(), older.unread() + newer.unread());
	}

	public @Nullable ViewerEntry get(long id) {
		ViewerEntry entry = this.window.get(id);
		return (entry != null || id >= this.window.oldestId() || !this.store.durable()) ? entry : this.store.get(id);
	}

	/**
	 * The entry and up to {@code lines} entries before and after it from the same source (an
	 * entry without a source: from any), oldest first; {@code null} when the entry is not kept.
	 */
	public @Nullable Selection context(long id, int lines, long deadlineNanos) {
		ViewerEntry entry = get(id);
		if (entry == null) {
			return null;
		}
		EntryFilter sameSource = EntryFilter.ALL;
		if (entry.source() != null && entry.source().instance() != null) {
			sameSource = new EntryFilter(List.of(), null, null, List.of(entry.source().instance()), null, null, Map.of(),
					null, null, null);
		}
		Selection before = last(sameSource, lines, id, deadlineNanos);
		Selection after = first(sameSource, lines, id, Long.MAX_VALUE, deadlineNanos);
		List<ViewerEntry> entries = new ArrayList<>(before.entries());
		entries.add(entry);
		entries.addAll(after.entries());
		return new Selection(entries, before.complete() && after.complete(), 0);
	}

	/**
	 * Entries that match per level per time bucket, over {@code from}–{@code to} of the
	 * filter (by default from the oldest entry kept to now).
	 */
	public Histogram histogram(EntryFilter filter, int buckets, long deadlineNanos) {
		if (buckets < 1 || buckets > MAX_BUCKETS) {
			throw new IllegalArgumentException("buckets must be between 1 and " + MAX_BUCKETS + ", was " + buckets);
		}
		Instant to = (filter.to() != null) ? filter.to() : this.clock.instant();
		Instant from = (filter.from() != null) ? filter.from() : oldestTime(to);
		long start = from.toEpochMilli();
		long span = Math.max(1, to.toEpochMilli() - start + 1);
		long width = Math.max(1, (span + buckets - 1) / buckets);
		int levels = Level.values().length;
		BucketCounter counter = new BucketCounter(start, width, buckets);
		long[][] counts = counter.counts;
		EntryFilter bounded = new EntryFilter(filter.topics(), filter.level(), filter.query(), filter.sources(),
				filter.logger(), filter.thread(), filter.mdc(), filter.marker(), from, to);
		long boundary = seam().windowFrom(this.window.oldestId());
		boolean complete = !this.store.durable() || this.store.count(bounded, boundary, counter, deadlineNanos);
		List<ViewerEntry> recent = this.window.range(boundary - 1, this.window.newestId());
		for (int i = 0; i < recent.size() && complete; i++) {
			ViewerEntry entry = recent.get(i);
			if (bounded.matches(entry)) {
				counter.count(entry.time().toEpochMilli(), entry.level());
			}
			complete = (i & 255) != 255 || System.nanoTime() <= deadlineNanos;
		}
		List<Bucket> rows = new ArrayList<>(buckets);
		for (int bucket = 0; bucket < buckets; bucket++) {
			Map<String, Long> byLevel = new LinkedHashMap<>();
			long total = 0;
			for (int level = 0; level <= levels; level++) {
				long count = counts[bucket][level];
				if (count > 0) {
					byLevel.put((level < levels) ? Level.values()[level].name() : Histogram.NO_LEVEL, count);
					total += count;
				}
			}
			rows.add(new Bucket(Instant.ofEpochMilli(start + bucket * width), total, byLevel));
		}
		return new Histogram(from, to, Duration.ofMillis(width), rows, complete);
	}

	private Instant oldestTime(Instant to) {
		Instant oldest = this.store.durable() ? this.store.size().oldest() : null;
		if (oldest == null) {
			ViewerEntry first = this.window.get(this.window.oldestId());
			oldest = (first != null) ? first.time() : to.minus(Duration.ofHours(1));
		}
		return oldest.isAfter(to) ? to : oldest;
	}

	/**
	 * The most frequent values of {@code logger}, {@code thread}, {@code source.app} and
	 * each MDC key among the newest {@value #FIELDS_SAMPLE} entries that match.
	 */
	public Fields fields(EntryFilter filter, long deadlineNanos) {
		IdSeam seam = seam();
		long boundary = seam.windowFrom(this.window.oldestId());
		Selection recent = this.window.last(filter, FIELDS_SAMPLE, boundary - 1, Long.MAX_VALUE - 1, deadlineNanos);
		FieldCounts counts = new FieldCounts();
		int sampled = recent.entries().size();
		boolean complete = recent.complete();
		if (sampled < FIELDS_SAMPLE && complete && this.store.durable()) {
			HistoryStore.FacetSample stored = this.store.newestFacets(filter, seam.storeBefore(Long.MAX_VALUE, boundary),
					FIELDS_SAMPLE - sampled, deadlineNanos);
			stored.entries().forEach(counts::add);
			sampled += stored.entries().size();
			complete = stored.complete();
		}
		recent.entries().forEach((entry) -> counts.add(EntryFacets.of(entry)));
		return new Fields(sampled, complete, counts.top(FIELD_VALUES, MDC_KEYS));
	}

	/** Counts entries per bucket of {@code width} milliseconds from {@code start}, per level (no level last). */
	private static final class BucketCounter implements HistoryStore.EntryCounter {

		private final long start;

		private final long width;

		private final long[][] counts;

		BucketCounter(long start, long width, int buckets) {
			this.start = start;
			this.width = width;
			this.counts = new long[buckets][Level.values().length + 1];
		}

		@Override
		public void count(long timeMillis, @Nullable Level level) {
			long bucket = (timeMillis - this.start) / this.width;
			if (timeMillis >= this.start && bucket < this.counts.length) {
				this.counts[(int) bucket][(level != null) ? level.ordinal() : Level.values().length]++;
			}
		}

		@Override
		public boolean countAll(long firstMillis, long lastMillis, @Nullable Level level, long entries) {
			if (firstMillis < this.start) {
				return false;
			}
			long bucket = (firstMillis - this.start) / this.width;
			if (bucket >= this.counts.length || (lastMillis - this.start) / this.width != bucket) {
				return false;
			}
			this.counts[(int) bucket][(level != null) ? level.ordinal() : Level.values().length] += entries;
			return true;
		}

	}

	/**
	 * @param from the start of the first bucket
	 * @param to the end of the range
	 * @param interval each bucket's width
	 * @param buckets oldest first
	 * @param complete whether every entry was counted within the time limit
	 */
	public record Histogram(Instant from, Instant to, Duration interval, List<Bucket> buckets, boolean complete) {

		/** The key of entries without a level. */
		public static final String NO_LEVEL = "NONE";

	}

	/**
	 * @param start the bucket's start
	 * @param total entries in it
	 * @param levels entries per level (NONE for those without one), only levels with any
	 */
	public record Bucket(Instant start, long total, Map<String, Long> levels) {
	}

	/**
	 * @param sampled entries counted
	 * @param complete whether the sample was taken within the time limit
	 * @param fields per field ({@code logger}, {@code thread}, {@code source.app}, {@code mdc.KEY}), the most frequent values
	 */
	public record Fields(int sampled, boolean complete, Map<String, List<FieldValue>> fields) {
	}

	/**
	 * @param value the value
	 * @param count entries with it
	 */
	public record FieldValue(String value, long count) {
	}

}
