package dev.zmqlog.viewer.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What waits to be sent to one browser: batches the broadcaster handed on (shared with
 * the other browsers) and, first, the backlog to look up. Bounded by the entries and the
 * bytes held: when the browser falls behind, the oldest waiting entries make room and are
 * counted as skipped, so that a slow or stalled browser costs the others and the
 * subscriber nothing, sees the newest entries, and the gap is right before what is queued,
 * where the count is sent.
 * <p>
 * The broadcaster offers without waiting for the sender: the lock is this browser's
 * alone, held for a few field updates. One send at a time: the first offer while no send
 * is under way claims it and the caller wakes the sender; what is queued during a send is
 * sent by that sender when it asks whether to {@link #continueSending() continue}.
 */
final class BrowserOutbox {

	private final int maxEntries;

	private final long maxBytes;

	private final ArrayDeque<Object> queue = new ArrayDeque<>();

	private int entries;

	private long bytes;

	private long skipped;

	private boolean sending;

	/** Frames sent: the stall watch sees progress when it changes. */
	private volatile long progress;

	/**
	 * @param maxEntries the most entries held
	 * @param maxBytes the most bytes of batches held
	 */
	BrowserOutbox(int maxEntries, long maxBytes) {
		this.maxEntries = maxEntries;
		this.maxBytes = maxBytes;
	}

	/**
	 * Queues a batch; when full, the oldest waiting entries are skipped.
	 * @return whether this claimed the send, so the caller wakes the sender
	 */
	synchronized boolean offer(LiveBatch batch) {
		int count = batch.entries().size();
		this.queue.add(new Part(batch, 0));
		this.entries += count;
		this.bytes += batch.bytes();
		while ((this.entries > this.maxEntries || this.bytes > this.maxBytes) && dropOldest()) {
			// dropping the newest instead would put the gap after entries sent as if after it
		}
		return claim();
	}

	/** Drops the oldest queued entries, a whole batch or down to the limit; false when nothing can go. */
	private boolean dropOldest() {
		Object first = this.queue.peek();
		if (!(first instanceof Part part)) {
			return false;
		}
		int left = part.batch.entries().size() - part.from;
		int excess = this.entries - this.maxEntries;
		if (this.bytes <= this.maxBytes && excess < left) {
			this.queue.poll();
			this.queue.addFirst(new Part(part.batch, part.from + excess));
			this.entries -= excess;
			this.skipped += excess;
			return true;
		}
		this.queue.poll();
		this.entries -= left;
		this.bytes -= part.batch.bytes();
		this.skipped += left;
		return true;
	}

	/**
	 * Queues a backlog to look up before the live batches.
	 * @return whether this claimed the send
	 */
	synchronized boolean backlog(Backlog backlog) {
		this.queue.addFirst(backlog);
		return claim();
	}

	/** @return whether this claimed the send */
	synchronized boolean skip(long count) {
		this.skipped += count;
		return claim();
	}

	private boolean claim() {
		if (this.sending) {
			return false;
		}
		this.sending = true;
		// a browser that had nothing to receive for a while is not behind
		this.progress++;
		return true;
	}

	/** Entries waiting now; never more than the limit. */
	synchronized int queued() {
		return this.entries;
	}

	/** Takes everything waiting and the count of entries skipped since the last take. */
	synchronized Taken take() {
		List<Object> parts = new ArrayList<>(this.queue);
		this.queue.clear();
		this.entries = 0;
		this.bytes = 0;
		long skippedNow = this.skipped;
		this.skipped = 0;
		return new Taken(parts, skippedNow);
	}

	/**
	 * Called by the sender after a send: whether more is waiting, in which case it keeps
	 * the send, or the send is over and the next offer claims it again.
	 */
	synchronized boolean continueSending() {
		this.progress++;
		this.sending = !this.queue.isEmpty() || this.skipped > 0;
		return this.sending;
	}

	/** A frame went out: the browser reads, however long the whole send takes. */
	void progressed() {
		this.progress++;
	}

	synchronized boolean isSending() {
		return this.sending;
	}

	long progress() {
		return this.progress;
	}

	/**
	 * A batch, or what is left of it after its oldest entries were skipped.
	 *
	 * @param batch the batch
	 * @param from the first entry still to send
	 */
	record Part(LiveBatch batch, int from) {
	}

	/**
	 * The entries a browser gets from the recent window before the live ones: those after
	 * {@code afterId} up to {@code upToId}, or, for a browser that saw none, the last ones.
	 *
	 * @param afterId the last id the browser saw, or a negative number for none
	 * @param upToId the last entry of the backlog: the next live batch starts after it
	 */
	record Backlog(long afterId, long upToId) {
	}

	/**
	 * @param parts backlogs and batch parts, in the order to send
	 * @param skipped entries the browser missed before these
	 */
	record Taken(List<Object> parts, long skipped) {
	}

}
