package dev.zmqlog.viewer.store;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import dev.zmqlog.protocol.Level;
import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.RecentWindow.Selection;
import dev.zmqlog.viewer.history.SourceTable.SavedSource;
import org.jspecify.annotations.Nullable;

/**
 * Where entries are kept beyond the recent window. Written by one thread, the
 * {@link StoreWriter}'s, in batches; read by any number of request threads, which see
 * what was committed. Ranges of ids are exclusive at both ends.
 */
public interface HistoryStore extends AutoCloseable {

	/** Which kind of store this is. */
	StoreType type();

	/** What was done at start about a damaged store (moved aside), if anything. */
	default @Nullable String recovery() {
		return null;
	}

	/** Whether entries outlive the viewer; {@code false} for {@code memory}. */
	boolean durable();

	/** The id the next entry gets: one after the highest ever stored, 1 for a new store. */
	long nextId();

	/** The sources' counts as last committed, for the source table. */
	List<SavedSource> savedSources();

	/** Adds entries, in id order; visible to readers after {@link #commit}. Writer thread only. */
	void write(List<ViewerEntry> entries) throws IOException;

	/** Makes what was written durable and visible, with the next id and the sources' counts. */
	void commit(long nextId, List<SavedSource> sources) throws IOException;

	/**
	 * Removes the oldest entries while the store takes more than {@code maxBytes} on disk,
	 * and those received before {@code oldestReceived}. Writer thread only.
	 * @return entries removed, when the engine can tell; else 0
	 */
	long retain(long maxBytes, Instant oldestReceived) throws IOException;

	/** The newest {@code limit} entries that match between the ids, oldest first. */
	Selection newest(EntryFilter filter, long afterId, long beforeId, int limit, long deadlineNanos);

	/** The oldest {@code limit} entries that match between the ids, oldest first. */
	Selection oldest(EntryFilter filter, long afterId, long beforeId, int limit, long deadlineNanos);

	/**
	 * What {@code /api/fields} counts of the newest {@code limit} entries that match below
	 * {@code beforeId}, oldest first: by default those of {@link #newest}'s entries.
	 */
	default FacetSample newestFacets(EntryFilter filter, long beforeId, int limit, long deadlineNanos) {
		Selection newest = newest(filter, Long.MIN_VALUE, beforeId, limit, deadlineNanos);
		return new FacetSample(newest.entries().stream().map(EntryFacets::of).toList(), newest.complete());
	}

	/** The entry of this id, if stored. */
	@Nullable ViewerEntry get(long id);

	/**
	 * Hands the time and level of every entry that matches below {@code beforeId} to the
	 * counter.
	 * @return whether every entry was counted before the deadline
	 */
	boolean count(EntryFilter filter, long beforeId, EntryCounter counter, long deadlineNanos);

	/** What the store holds now. */
	StoreSize size();

	@Override
	void close();

	/** Takes the entries a histogram counts. */
	@FunctionalInterface
	interface EntryCounter {

		void count(long timeMillis, @Nullable Level level);

		/**
		 * Counts {@code entries} entries of one level whose times all lie between
		 * {@code firstMillis} and {@code lastMillis}, if the counter counts them all alike
		 * (one bucket); else counts nothing, and the store hands them one by one. The answer
		 * depends on the times alone.
		 * @return whether they were counted
		 */
		default boolean countAll(long firstMillis, long lastMillis, @Nullable Level level, long entries) {
			return false;
		}

	}

	/**
	 * @param entries what is counted of each entry, oldest first
	 * @param complete whether the entries were searched within the time limit
	 */
	record FacetSample(List<EntryFacets> entries, boolean complete) {
	}

	/**
	 * @param bytes space taken on disk (or in the database)
	 * @param entries entries kept
	 * @param oldest the time of the oldest entry, {@code null} when empty
	 */
	record StoreSize(long bytes, long entries, @Nullable Instant oldest) {

		public static final StoreSize EMPTY = new StoreSize(0, 0, null);

	}

}
