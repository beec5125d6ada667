package dev.zmqlog.viewer.store;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import dev.zmqlog.viewer.entry.ViewerEntry;
import org.jspecify.annotations.Nullable;

/**
 * A store that several viewers share (PRODUCT.md §5.6), one of them writing at a time:
 * the others stand by with what they received, and one of them takes over when the
 * writer goes. The {@link StoreWriter}'s thread is the only caller of the methods that
 * touch the database; the others read volatile fields.
 */
public interface SharedStore {

	/** Whether this viewer holds the writer's lock now. */
	boolean writing();

	/**
	 * Takes the writer's lock if no viewer holds it, and prepares to write after what the
	 * store holds. Writer thread only.
	 * @return whether this viewer writes now
	 */
	boolean tryTakeOver() throws IOException;

	/**
	 * Reads how far the writing viewer has committed: the time its newest committed entry
	 * was received ({@code null} when nothing was). Writer thread only; kept for
	 * {@link #othersCommittedUpTo()}.
	 */
	@Nullable Instant readCommittedUpTo() throws IOException;

	/**
	 * What {@link #readCommittedUpTo()} last read while another viewer wrote: that
	 * viewer's progress as this one last saw it; {@code null} before it committed anything.
	 */
	@Nullable Committed othersCommitted();

	/**
	 * Of entries this viewer received while another viewer wrote, those the store does not
	 * hold, oldest first: structured entries whose source instance and {@code seq} are not
	 * stored, and entries without a {@code seq} received after the dead writer's last commit.
	 * Writer thread only, after {@link #tryTakeOver()}.
	 */
	GapFill unstored(List<ViewerEntry> received) throws IOException;

	/**
	 * The highest id of this viewer's own numbering that it committed itself; below
	 * {@link #firstOwnId()} when it committed none.
	 */
	long committedOwnId();

	/** The first id this viewer numbered an entry with in this run. */
	long firstOwnId();

	/** The first id this viewer stored with its own numbering ({@code Long.MAX_VALUE} until it writes). */
	long firstWrittenOwnId();

	/** The lowest stored id of an entry received at or after {@code received}; {@code Long.MAX_VALUE} when none. */
	long firstIdReceivedFrom(Instant received);

	/**
	 * Whether every entry this viewer numbered is stored under its own id (it wrote from its
	 * start and never lost the lock): its window and the store then join by id alone.
	 */
	boolean ownIdsStored();

	/**
	 * A writer's last commit, read in one snapshot.
	 *
	 * @param upTo when the newest entry it committed was received
	 * @param nextId every id stored up to that commit is below it; later commits store above it
	 */
	record Committed(Instant upTo, long nextId) {
	}

	/**
	 * @param entries what to write, oldest first
	 * @param alreadyStored structured entries the store held already (the dead writer had them)
	 * @param beforeCommit entries without a {@code seq} received up to the dead writer's last commit, taken as stored
	 * @param committedUpTo the dead writer's last commit, as the received time of its newest entry
	 */
	record GapFill(List<ViewerEntry> entries, long alreadyStored, long beforeCommit, @Nullable Instant committedUpTo) {
	}

}
