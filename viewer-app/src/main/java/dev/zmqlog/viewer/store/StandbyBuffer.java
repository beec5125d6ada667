package dev.zmqlog.viewer.store;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.viewer.entry.HeapSize;
import dev.zmqlog.viewer.entry.ViewerEntry;
import org.jspecify.annotations.Nullable;

/**
 * What a standby viewer received while another viewer writes, kept to fill the gap when
 * it takes over: the newest entries, bounded by the heap they take (the oldest make room,
 * counted), and trimmed as the writer's commits pass them. The store writer's thread alone
 * changes it; the counts are read by any thread.
 */
final class StandbyBuffer {

	private final ArrayDeque<ViewerEntry> entries = new ArrayDeque<>();

	private final ArrayDeque<Long> sizes = new ArrayDeque<>();

	private final long maxBytes;

	private volatile long bytes;

	private volatile long dropped;

	StandbyBuffer(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	/** Keeps an entry; the oldest go while the buffer takes more than its budget. */
	void add(ViewerEntry entry, long size) {
		this.entries.addLast(entry);
		this.sizes.addLast(size);
		long held = this.bytes + size;
		long dropped = 0;
		while (held > this.maxBytes && this.entries.size() > 1) {
			this.entries.removeFirst();
			held -= this.sizes.removeFirst();
			dropped++;
		}
		this.bytes = held;
		if (dropped > 0) {
			this.dropped += dropped;
		}
	}

	void add(ViewerEntry entry) {
		add(entry, HeapSize.of(entry));
	}

	/** Forgets the entries received at or before {@code received}: the writer committed what it had of them. */
	void trimUpTo(Instant received) {
		long held = this.bytes;
		while (!this.entries.isEmpty() && !this.entries.peekFirst().received().isAfter(received)) {
			this.entries.removeFirst();
			held -= this.sizes.removeFirst();
		}
		this.bytes = held;
	}

	/** Everything kept, oldest first. */
	List<ViewerEntry> entries() {
		return new ArrayList<>(this.entries);
	}

	/** Everything kept, oldest first; the buffer is empty after. */
	List<ViewerEntry> drain() {
		List<ViewerEntry> all = new ArrayList<>(this.entries);
		this.entries.clear();
		this.sizes.clear();
		this.bytes = 0;
		return all;
	}

	/** When the oldest entry kept was received, if any. */
	@Nullable Instant oldestReceived() {
		ViewerEntry first = this.entries.peekFirst();
		return (first != null) ? first.received() : null;
	}

	long bytes() {
		return this.bytes;
	}

	long maxBytes() {
		return this.maxBytes;
	}

	/** Entries that made room for newer ones since the start. */
	long dropped() {
		return this.dropped;
	}

}
