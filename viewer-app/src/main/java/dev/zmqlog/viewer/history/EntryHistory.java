package dev.zmqlog.viewer.history;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The last entries received, bounded twice: by count, in a ring of fixed size, and by the
 * memory their text takes, so that a stream of large messages cannot exhaust the heap.
 * The oldest are forgotten first. Thread-safe.
 */
public final class EntryHistory {

	/** What an entry costs beyond its text: the record, its strings' headers, the MDC map. */
	private static final int ENTRY_OVERHEAD_BYTES = 256;

	private final ViewerEntry[] ring;

	private final long maxBytes;

	private long bytes;

	private long nextId = 1;

	/** Index the next entry goes to. */
	private int head;

	private int size;

	/**
	 * @param capacity the most entries kept
	 * @param maxBytes the most memory the entries' text may take, estimated
	 */
	public EntryHistory(int capacity, long maxBytes) {
		this.ring = new ViewerEntry[capacity];
		this.maxBytes = maxBytes;
	}

	/** The id the next appended entry gets. */
	public synchronized long nextId() {
		return this.nextId;
	}

	/** Adds an entry, whose id must be {@link #nextId()}. */
	public synchronized void append(ViewerEntry entry) {
		if (entry.id() != this.nextId) {
			throw new IllegalArgumentException("entry " + entry.id() + " is not the next, " + this.nextId);
		}
		this.nextId++;
		if (this.size == this.ring.length) {
			forgetOldest();
		}
		this.ring[this.head] = entry;
		this.head = (this.head + 1) % this.ring.length;
		this.size++;
		this.bytes += estimatedBytes(entry);
		while (this.bytes > this.maxBytes && this.size > 1) {
			forgetOldest();
		}
	}

	private void forgetOldest() {
		int oldest = Math.floorMod(this.head - this.size, this.ring.length);
		this.bytes -= estimatedBytes(this.ring[oldest]);
		this.ring[oldest] = null;
		this.size--;
	}

	/** Estimated heap taken by an entry: two bytes a character of its text, plus overhead. */
	static long estimatedBytes(ViewerEntry entry) {
		long chars = entry.message().length() + entry.topic().length() + length(entry.logger())
				+ length(entry.exception()) + length(entry.thread());
		for (java.util.Map.Entry<String, String> mdc : entry.mdc().entrySet()) {
			chars += mdc.getKey().length() + length(mdc.getValue());
		}
		return ENTRY_OVERHEAD_BYTES + 2 * chars;
	}

	private static int length(@Nullable String text) {
		return (text != null) ? text.length() : 0;
	}

	/** Estimated memory the kept entries take. */
	public synchronized long bytes() {
		return this.bytes;
	}

	public synchronized int size() {
		return this.size;
	}

	public int capacity() {
		return this.ring.length;
	}

	/**
	 * The last {@code limit} entries that match, oldest first.
	 */
	public synchronized List<ViewerEntry> last(EntryFilter filter, int limit) {
		List<ViewerEntry> newestFirst = new ArrayList<>(Math.min(limit, this.size));
		for (int i = 0; i < this.size && newestFirst.size() < limit; i++) {
			ViewerEntry entry = this.ring[Math.floorMod(this.head - 1 - i, this.ring.length)];
			if (filter.matches(entry)) {
				newestFirst.add(entry);
			}
		}
		return reversed(newestFirst);
	}

	/**
	 * The matching entries after the given id, oldest first, at most the last
	 * {@code limit} of them.
	 */
	public synchronized List<ViewerEntry> after(long id, EntryFilter filter, int limit) {
		List<ViewerEntry> newestFirst = new ArrayList<>();
		for (int i = 0; i < this.size && newestFirst.size() < limit; i++) {
			ViewerEntry entry = this.ring[Math.floorMod(this.head - 1 - i, this.ring.length)];
			if (entry.id() <= id) {
				break;
			}
			if (filter.matches(entry)) {
				newestFirst.add(entry);
			}
		}
		return reversed(newestFirst);
	}

	private static List<ViewerEntry> reversed(List<ViewerEntry> newestFirst) {
		List<ViewerEntry> oldestFirst = new ArrayList<>(newestFirst.size());
		for (int i = newestFirst.size() - 1; i >= 0; i--) {
			oldestFirst.add(newestFirst.get(i));
		}
		return oldestFirst;
	}

}
