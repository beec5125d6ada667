package dev.zmqlog.viewer.history;

import java.util.ArrayList;
import java.util.List;

/**
 * The last entries received, in a ring of fixed size: the oldest is forgotten when a new
 * one comes. Thread-safe.
 */
public final class EntryHistory {

	private final ViewerEntry[] ring;

	private long nextId = 1;

	/** Index the next entry goes to. */
	private int head;

	private int size;

	public EntryHistory(int capacity) {
		this.ring = new ViewerEntry[capacity];
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
		this.ring[this.head] = entry;
		this.head = (this.head + 1) % this.ring.length;
		this.size = Math.min(this.size + 1, this.ring.length);
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
