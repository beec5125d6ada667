package dev.zmqlog.logback;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jctools.queues.MpscBlockingConsumerArrayQueue;
import org.jspecify.annotations.Nullable;

/**
 * The bounded hand-off between logging threads and the one I/O thread: a lock-free
 * multi-producer, single-consumer ring (JCTools). An offer is one CAS and one store; the
 * consumer parks when it announces it has nothing to do, and only then does a producer
 * pay for waking it. The capacity is the requested size rounded up to a power of two.
 */
final class EventQueue {

	/** A waiting producer first retries after this long, then backs off doubling. */
	private static final long MIN_ROOM_PAUSE_NANOS = 1_000;

	private static final long MAX_ROOM_PAUSE_NANOS = 1_000_000;

	private final MpscBlockingConsumerArrayQueue<ILoggingEvent> ring;

	/** The consumer will take nothing ever again. */
	private volatile boolean consumerGone;

	EventQueue(int requestedCapacity) {
		this.ring = new MpscBlockingConsumerArrayQueue<>(requestedCapacity);
	}

	/** The number of events the queue holds: the requested size rounded up to a power of two. */
	int capacity() {
		return this.ring.capacity();
	}

	/** Takes the event if there is room; never waits. */
	boolean offer(ILoggingEvent event) {
		return this.ring.offer(event);
	}

	/**
	 * Takes the event, waiting for room at most {@code timeoutNanos}. The ring has no
	 * waiting producers, so a producer backs off in growing pauses; an interrupt ends the
	 * wait (the flag stays set for the caller's code), and so does a consumer that is gone:
	 * no room can come.
	 */
	boolean offer(ILoggingEvent event, long timeoutNanos) {
		if (this.ring.offer(event)) {
			return true;
		}
		long deadline = System.nanoTime() + timeoutNanos;
		long pause = MIN_ROOM_PAUSE_NANOS;
		while (!this.consumerGone && !Thread.currentThread().isInterrupted()) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				return false;
			}
			LockSupport.parkNanos(this, Math.min(pause, remaining));
			if (this.ring.offer(event)) {
				return true;
			}
			pause = Math.min(pause * 2, MAX_ROOM_PAUSE_NANOS);
		}
		return false;
	}

	/** The consumer ends: from now on a full queue fails producers at once. I/O thread only. */
	void consumerGone() {
		this.consumerGone = true;
	}

	/** The next event, or {@code null} at once when there is none. I/O thread only. */
	@Nullable ILoggingEvent poll() {
		return this.ring.poll();
	}

	/**
	 * The next event, parking up to {@code timeoutMillis} for one: the next producer wakes
	 * this thread. I/O thread only.
	 */
	@Nullable ILoggingEvent poll(long timeoutMillis) throws InterruptedException {
		return this.ring.poll(timeoutMillis, TimeUnit.MILLISECONDS);
	}

	/** Hands at most {@code limit} waiting events to {@code sink}, without waiting. I/O thread only. */
	int drain(Consumer<ILoggingEvent> sink, int limit) {
		return this.ring.drain(sink::accept, limit);
	}

	/** Events waiting; exact when nobody is offering or polling at the same moment. */
	int size() {
		return this.ring.size();
	}

	/** Discards what is waiting. I/O thread only. */
	int clear() {
		int discarded = 0;
		while (this.ring.poll() != null) {
			discarded++;
		}
		return discarded;
	}

}
