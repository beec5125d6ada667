package dev.zmqlog.transport;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import zmq.Msg;

/**
 * The bytes a subscriber's socket holds for all its publishers together: ZeroMQ's I/O
 * thread adds each data frame as it queues it ({@link InboundFrames}), the subscriber's
 * thread takes it back as it reads it. A message that begins while the queue holds its
 * budget is dropped whole and counted ({@link ShedMessages}); the connection stays. From
 * half the budget on, only a connection behind which little waits (under 1/32 of the
 * budget) is still queued: a publisher that floods loses its own messages, not the
 * others'. The queue thus holds at most its budget plus one message per connection.
 * <p>
 * JeroMQ may drop queued frames nobody reads (an incomplete message rolled back when its
 * connection ends), so the socket's count could only drift upward: the subscriber
 * declares the queue drained whenever a receive finds it empty, which leaves an error of
 * at most the frames on their way through the I/O thread at that moment. A connection's
 * own count ends with it.
 * <p>
 * Each counter is written by one thread only (the shared context has one I/O thread), so
 * that neither side pays for an atomic update per frame; the socket's two lie a cache
 * line apart.
 */
final class ReceiveQueue {

	/** What a queued frame costs beyond its bytes: the {@code Msg} object, its array's header. */
	static final int FRAME_OVERHEAD = 64;

	/** A connection holding this part of the budget or more is shed from half the budget on. */
	private static final int SMALL_SHARE_DIVISOR = 32;

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

	/** Whether a message that begins now on the given connection is dropped; I/O thread. */
	boolean sheds(Share connection) {
		long queued = this.counters.getPlain(ADDED) - this.counters.getAcquire(TAKEN);
		if (queued < this.budgetBytes / 2) {
			return false;
		}
		return queued >= this.budgetBytes || connection.queued() >= this.budgetBytes / SMALL_SHARE_DIVISOR;
	}

	/** Counts a frame JeroMQ queues; I/O thread. */
	void added(Share connection, CheckedFrame frame) {
		long bytes = frame.size() + FRAME_OVERHEAD;
		connection.added += bytes;
		this.counters.setRelease(ADDED, this.counters.getPlain(ADDED) + bytes);
		frame.queuedIn(connection);
	}

	/** Counts a frame dropped; I/O thread. */
	void shed(int frameBytes, boolean firstFrame) {
		if (firstFrame) {
			this.shed.messageShed();
		}
		this.shed.bytesShed(frameBytes);
	}

	/** Takes back a frame the subscriber read (one not counted, decrypted by CURVE, is let be); subscriber's thread. */
	void taken(Msg frame) {
		if (frame instanceof CheckedFrame checked && checked.share() != null) {
			long bytes = frame.size() + FRAME_OVERHEAD;
			checked.share().take(bytes);
			this.counters.setRelease(TAKEN, this.counters.getPlain(TAKEN) + bytes);
		}
	}

	/** A receive found the socket empty: nothing is queued but what is on its way; subscriber's thread. */
	void drained() {
		this.counters.setRelease(TAKEN, this.counters.getAcquire(ADDED));
	}

	/** The bytes queued now, as far as the counters know. */
	long queuedBytes() {
		return Math.max(0, this.counters.getAcquire(ADDED) - this.counters.getAcquire(TAKEN));
	}

	/** Reports what was shed lately; subscriber's thread. */
	void report() {
		this.shed.report(this.budgetBytes);
	}

	/** What one connection has queued: added by the I/O thread, taken back by the subscriber's. */
	static final class Share {

		private long added;

		private final AtomicLong taken = new AtomicLong();

		/** I/O thread. */
		long queued() {
			return this.added - this.taken.getAcquire();
		}

		/** Subscriber's thread, the only writer. */
		void take(long bytes) {
			this.taken.setRelease(this.taken.getPlain() + bytes);
		}

	}

}
