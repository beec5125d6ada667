package dev.zmqlog.transport;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The bytes a subscriber's socket holds for all its publishers together: ZeroMQ's I/O
 * thread adds each data frame as it queues it ({@link InboundFrames}), the subscriber's
 * thread takes it back as it reads it. A message that begins while the queue holds its
 * budget or more is dropped whole and counted ({@link ShedMessages}); the connection stays.
 * <p>
 * JeroMQ may drop queued frames nobody reads (an incomplete message rolled back when its
 * connection ends), so the count could only drift upward: the subscriber declares the
 * queue drained whenever a receive finds it empty, which leaves an error of at most the
 * frames on their way through the I/O thread at that moment.
 * <p>
 * Two counters, each written by one thread only (the shared context has one I/O thread),
 * so that neither side pays for an atomic update per frame; they lie a cache line apart.
 */
final class ReceiveQueue {

	/** What a queued frame costs beyond its bytes: the {@code Msg} object, its array's header. */
	static final int FRAME_OVERHEAD = 64;

	private static final int ADDED = 0;

	/** 16 longs on: another cache line than {@link #ADDED}'s, whatever the array's alignment. */
	private static final int TAKEN = 16;

	private final AtomicLongArray counters = new AtomicLongArray(TAKEN + 1);

	private final long budgetBytes;

	private final ShedMessages shed;

	ReceiveQueue(long budgetBytes, ShedMessages shed) {
		if (budgetBytes <= 0) {
			throw new IllegalArgumentException("the receive buffer must be positive: " + budgetBytes + " bytes");
		}
		this.budgetBytes = budgetBytes;
		this.shed = shed;
	}

	/** Whether a message that begins now is dropped; I/O thread. */
	boolean full() {
		return this.counters.getPlain(ADDED) - this.counters.getAcquire(TAKEN) >= this.budgetBytes;
	}

	/** Counts a frame JeroMQ queues; I/O thread. */
	void added(int frameBytes) {
		this.counters.setRelease(ADDED, this.counters.getPlain(ADDED) + frameBytes + FRAME_OVERHEAD);
	}

	/** Counts a frame dropped; I/O thread. */
	void shed(int frameBytes, boolean firstFrame) {
		if (firstFrame) {
			this.shed.messageShed();
		}
		this.shed.bytesShed(frameBytes);
	}

	/** Takes back a frame the subscriber read; subscriber's thread. */
	void taken(int frameBytes) {
		this.counters.setRelease(TAKEN, this.counters.getPlain(TAKEN) + frameBytes + FRAME_OVERHEAD);
	}

	/** A receive found the socket empty: nothing is queued but what is on its way; subscriber's thread. */
	void drained() {
		this.counters.setRelease(TAKEN, this.counters.getAcquire(ADDED));
	}

	/** The bytes queued now, as far as the counters know. */
	long queuedBytes() {
		return Math.max(0, this.counters.getAcquire(ADDED) - this.counters.getAcquire(TAKEN));
	}

	long budgetBytes() {
		return this.budgetBytes;
	}

	/** Reports what was shed lately; subscriber's thread. */
	void report() {
		this.shed.report(this.budgetBytes);
	}

}
