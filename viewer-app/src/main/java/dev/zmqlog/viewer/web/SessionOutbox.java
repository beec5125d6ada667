package dev.zmqlog.viewer.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.viewer.history.EntryFilter;
import dev.zmqlog.viewer.history.ViewerEntry;

/**
 * The entries waiting to be sent to one browser. Bounded: when the browser falls behind,
 * the oldest waiting entries make room and are counted as skipped, so that a slow or
 * stalled browser costs the others and the subscriber nothing, sees the newest entries,
 * and the gap is always right before what is queued, where the count is sent.
 * <p>
 * One sender at a time: the first entry queued while no send is under way claims the
 * send and calls the wake-up; entries queued during a send are sent by that sender when
 * it asks whether to {@link #continueSending() continue}. Thread-safe.
 */
final class SessionOutbox {

	private final EntryFilter filter;

	private final int capacity;

	private final Runnable wakeSender;

	private final ArrayDeque<StreamedEntry> queue = new ArrayDeque<>();

	private boolean sending;

	private long skipped;

	/** When the current send started or last put a frame out. */
	private volatile long lastProgressNanos = System.nanoTime();

	/**
	 * @param filter the entries the browser wants
	 * @param capacity the most entries held
	 * @param wakeSender starts a send; called when entries arrive while none is under way
	 */
	SessionOutbox(EntryFilter filter, int capacity, Runnable wakeSender) {
		this.filter = filter;
		this.capacity = capacity;
		this.wakeSender = wakeSender;
	}

	EntryFilter filter() {
		return this.filter;
	}

	/** Queues the entry if the browser wants it; when full, the oldest waiting one is skipped. */
	void offer(StreamedEntry entry) {
		if (this.filter.matches(entry.entry()) && enqueue(entry)) {
			this.wakeSender.run();
		}
	}

	/** Queues entries the caller already filtered, e.g. from the history. */
	void offerAll(List<ViewerEntry> entries) {
		boolean wake = false;
		for (ViewerEntry entry : entries) {
			wake |= enqueue(new StreamedEntry(entry));
		}
		if (wake) {
			this.wakeSender.run();
		}
	}

	/** @return whether this claimed the send */
	private synchronized boolean enqueue(StreamedEntry entry) {
		if (this.queue.size() >= this.capacity) {
			// dropping the newest instead would put the gap after entries sent as if after it
			this.queue.poll();
			this.skipped++;
		}
		this.queue.add(entry);
		return claim();
	}

	void skip(long count) {
		boolean wake;
		synchronized (this) {
			this.skipped += count;
			wake = claim();
		}
		if (wake) {
			this.wakeSender.run();
		}
	}

	private boolean claim() {
		if (this.sending) {
			return false;
		}
		this.sending = true;
		// a browser that had nothing to receive for a while is not behind
		this.lastProgressNanos = System.nanoTime();
		return true;
	}

	/** Entries waiting now; never more than the capacity. */
	synchronized int queued() {
		return this.queue.size();
	}

	/** Takes up to {@code max} entries and the count of entries skipped since the last take. */
	synchronized Batch take(int max) {
		List<StreamedEntry> entries = new ArrayList<>(Math.min(max, this.queue.size()));
		while (entries.size() < max && !this.queue.isEmpty()) {
			entries.add(this.queue.poll());
		}
		long skippedNow = this.skipped;
		this.skipped = 0;
		return new Batch(entries, skippedNow);
	}

	/**
	 * Called by the sender after a send: whether more is waiting, in which case it keeps
	 * the send, or the send is over and the next entry wakes a sender again.
	 */
	synchronized boolean continueSending() {
		this.lastProgressNanos = System.nanoTime();
		this.sending = !this.queue.isEmpty() || this.skipped > 0;
		return this.sending;
	}

	/** A frame went out: the browser reads, however long the whole send takes. */
	void progressed() {
		this.lastProgressNanos = System.nanoTime();
	}

	synchronized boolean isSending() {
		return this.sending;
	}

	long lastProgressNanos() {
		return this.lastProgressNanos;
	}

	/**
	 * @param entries entries to send, oldest first
	 * @param skipped entries the browser missed before these
	 */
	record Batch(List<StreamedEntry> entries, long skipped) {
	}

}
