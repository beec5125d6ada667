package dev.zmqlog.viewer.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.zmqlog.viewer.history.EntryFilter;
import dev.zmqlog.viewer.history.ViewerEntry;

/**
 * The entries waiting to be sent to one browser. Bounded: when the browser falls behind,
 * the oldest waiting entries make room and are counted as skipped, so that a slow or
 * stalled browser costs the others and the subscriber nothing, sees the newest entries,
 * and the gap is always right before what is queued, where the count is sent. Thread-safe.
 */
final class SessionOutbox {

	private final EntryFilter filter;

	private final int capacity;

	private final ArrayDeque<ViewerEntry> queue = new ArrayDeque<>();

	private final AtomicBoolean sending = new AtomicBoolean();

	private long skipped;

	/** When the current send started or last put a frame out. */
	private volatile long lastProgressNanos = System.nanoTime();

	SessionOutbox(EntryFilter filter, int capacity) {
		this.filter = filter;
		this.capacity = capacity;
	}

	EntryFilter filter() {
		return this.filter;
	}

	/** Queues the entry if the browser wants it; when full, the oldest waiting one is skipped. */
	synchronized void offer(ViewerEntry entry) {
		if (this.filter.matches(entry)) {
			enqueue(entry);
		}
	}

	/** Queues entries the caller already filtered, e.g. from the history. */
	synchronized void offerAll(List<ViewerEntry> entries) {
		for (ViewerEntry entry : entries) {
			enqueue(entry);
		}
	}

	private void enqueue(ViewerEntry entry) {
		if (this.queue.size() >= this.capacity) {
			// dropping the newest instead would put the gap after entries sent as if after it
			this.queue.poll();
			this.skipped++;
		}
		this.queue.add(entry);
	}

	synchronized void skip(long count) {
		this.skipped += count;
	}

	/** Entries waiting now; never more than the capacity. */
	synchronized int queued() {
		return this.queue.size();
	}

	int capacity() {
		return this.capacity;
	}

	synchronized boolean hasPending() {
		return !this.queue.isEmpty() || this.skipped > 0;
	}

	/** Takes up to {@code max} entries and the count of entries skipped since the last take. */
	synchronized Batch take(int max) {
		List<ViewerEntry> entries = new ArrayList<>(Math.min(max, this.queue.size()));
		while (entries.size() < max && !this.queue.isEmpty()) {
			entries.add(this.queue.poll());
		}
		long skippedNow = this.skipped;
		this.skipped = 0;
		return new Batch(entries, skippedNow);
	}

	/** Claims the right to send; one sender at a time per browser. */
	boolean startSending() {
		if (!this.sending.compareAndSet(false, true)) {
			return false;
		}
		// a browser that had nothing to receive for a while is not behind
		this.lastProgressNanos = System.nanoTime();
		return true;
	}

	/** A frame went out: the browser reads, however long the whole send takes. */
	void progressed() {
		this.lastProgressNanos = System.nanoTime();
	}

	void doneSending() {
		this.lastProgressNanos = System.nanoTime();
		this.sending.set(false);
	}

	boolean isSending() {
		return this.sending.get();
	}

	long lastProgressNanos() {
		return this.lastProgressNanos;
	}

	/**
	 * @param entries entries to send, oldest first
	 * @param skipped entries the browser missed before these
	 */
	record Batch(List<ViewerEntry> entries, long skipped) {
	}

}
