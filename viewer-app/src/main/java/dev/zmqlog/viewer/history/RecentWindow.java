package dev.zmqlog.viewer.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.EntrySink;
import dev.zmqlog.viewer.entry.HeapSize;
import dev.zmqlog.viewer.entry.ViewerEntry;
import org.jspecify.annotations.Nullable;

/**
 * The last entries received, for new browsers, resuming ones and the API. Bounded twice:
 * by count, in a ring, and by the heap its entries take ({@link HeapSize}); the oldest go
 * first.
 * <p>
 * One writer, the ingest thread, and any number of readers, without a lock: the writer
 * stores an entry in its slot, then publishes its id in a volatile field; a reader reads
 * that id, then the slots, and takes a slot's entry only if its id is the one it expects,
 * so an entry overwritten meanwhile reads as gone. Readers never delay the writer.
 */
public final class RecentWindow implements EntrySink {

	private final ViewerEntry[] ring;

	/** Heap of the entry in the same slot; the writer's alone. */
	private final long[] sizes;

	private final long maxBytes;

	/** The writer's running total; {@link #bytes} publishes it. */
	private long heldBytes;

	private volatile long bytes;

	private volatile long newestId;

	/** The oldest id still kept; {@code newestId + 1} when empty. */
	private volatile long oldestId;

	/**
	 * @param capacity the most entries kept
	 * @param maxBytes the most heap they may take
	 * @param firstId the id the first entry will have
	 */
	public RecentWindow(int capacity, long maxBytes, long firstId) {
		this.ring = new ViewerEntry[capacity];
		this.sizes = new long[capacity];
		this.maxBytes = maxBytes;
		this.newestId = firstId - 1;
		this.oldestId = firstId;
	}

	/** Keeps an entry, whose id must follow the newest one's. Called by the one writer only. */
	@Override
	public void accept(ViewerEntry entry) {
		long id = entry.id();
		if (id != this.newestId + 1) {
			throw new IllegalArgumentException("entry " + id + " does not follow " + this.newestId);
		}
		long oldest = this.oldestId;
		if (id - oldest >= this.ring.length) {
			oldest = forget(oldest);
		}
		long size = HeapSize.of(entry);
		int slot = slot(id);
		this.ring[slot] = entry;
		this.sizes[slot] = size;
		this.heldBytes += size;
		// the newest is kept whatever its size: an entry larger than the budget is shown until the next
		while (this.heldBytes > this.maxBytes && oldest < id) {
			oldest = forget(oldest);
		}
		this.oldestId = oldest;
		this.bytes = this.heldBytes;
		this.newestId = id;
	}

	private long forget(long id) {
		int slot = slot(id);
		this.heldBytes -= this.sizes[slot];
		this.ring[slot] = null;
		this.sizes[slot] = 0;
		return id + 1;
	}

	private int slot(long id) {
		return (int) Math.floorMod(id, (long) this.ring.length);
	}

	/** The entry with this id, or {@code null} when it is not (or no longer) kept. */
	public @Nullable ViewerEntry get(long id) {
		if (id < this.oldestId || id > this.newestId) {
			return null;
		}
		ViewerEntry entry = this.ring[slot(id)];
		return (entry != null && entry.id() == id) ? entry : null;
	}

	/** The id of the newest entry: one less than the first id when none came yet. */
	public long newestId() {
		return this.newestId;
	}

	/** The id of the oldest entry kept: {@code newestId() + 1} when none is. */
	public long oldestId() {
		return this.oldestId;
	}

	public int size() {
		return (int) Math.max(0, this.newestId - this.oldestId + 1);
	}

	public int capacity() {
		return this.ring.length;
	}

	/** Heap the kept entries take. */
	public long bytes() {
		return this.bytes;
	}

	public long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * The entries still kept after {@code afterId} up to {@code upToId}, oldest first. Those
	 * before were forgotten: the caller counts them from the first id it gets.
	 */
	public List<ViewerEntry> range(long afterId, long upToId) {
		long from = Math.max(afterId + 1, this.oldestId);
		List<ViewerEntry> entries = new ArrayList<>((int) Math.max(0, Math.min(upToId - from + 1, this.ring.length)));
		for (long id = upToId; id >= from; id--) {
			ViewerEntry entry = get(id);
			if (entry == null) {
				break;
			}
			entries.add(entry);
		}
		Collections.reverse(entries);
		return entries;
	}

	/**
	 * The last {@code limit} entries up to {@code upToId} that match, oldest first, looking
	 * no further back than {@code afterId}, and no longer than until {@code deadlineNanos}
	 * ({@link System#nanoTime()}).
	 */
	public Selection last(EntryFilter filter, int limit, long afterId, long upToId, long deadlineNanos) {
		List<ViewerEntry> newestFirst = new ArrayList<>(Math.min(limit, 1024));
		boolean complete = true;
		for (long id = Math.min(upToId, this.newestId); id > afterId && newestFirst.size() < limit; id--) {
			ViewerEntry entry = get(id);
			if (entry == null) {
				break;
			}
			if (filter.matches(entry)) {
				newestFirst.add(entry);
			}
			if ((id & 63) == 0 && System.nanoTime() > deadlineNanos) {
				complete = false;
				break;
			}
		}
		Collections.reverse(newestFirst);
		return new Selection(newestFirst, complete, 0);
	}

	/**
	 * The first {@code limit} entries after {@code afterId} up to {@code upToId} that match,
	 * oldest first, looking no longer than until {@code deadlineNanos}. Those the window no
	 * longer has, and those left unread when time ran out, are counted in
	 * {@link Selection#unread()}.
	 */
	public Selection first(EntryFilter filter, int limit, long afterId, long upToId, long deadlineNanos) {
		List<ViewerEntry> kept = range(afterId, Math.min(upToId, this.newestId));
		long firstKept = kept.isEmpty() ? Math.min(upToId, this.newestId) + 1 : kept.get(0).id();
		long forgotten = Math.max(0, firstKept - afterId - 1);
		List<ViewerEntry> wanted = new ArrayList<>();
		for (int i = 0; i < kept.size() && wanted.size() < limit; i++) {
			if ((i & 63) == 63 && System.nanoTime() > deadlineNanos) {
				return new Selection(wanted, false, forgotten + kept.size() - i);
			}
			if (filter.matches(kept.get(i))) {
				wanted.add(kept.get(i));
			}
		}
		return new Selection(wanted, true, forgotten);
	}

	/**
	 * Entries picked from the window.
	 *
	 * @param entries oldest first
	 * @param complete whether the whole range was searched, not cut short by the time limit
	 * @param unread entries of the range not looked at: no longer kept, or left by the time limit
	 */
	public record Selection(List<ViewerEntry> entries, boolean complete, long unread) {
	}

}
