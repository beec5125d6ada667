package dev.zmqlog.logback;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jctools.queues.MpscBlockingConsumerArrayQueue;
import org.jspecify.annotations.Nullable;

/**
 * The bounded hand-off between logging threads and the one I/O thread: a lock-free
 * multi-producer, single-consumer ring (JCTools). An offer is one CAS and one store; the
 * consumer parks when it announces it has nothing to do, and only then does a producer
 * pay for waking it. The capacity is the requested size rounded up to a power of two.
 * Producers that wait for room ({@code overflow=block}) sleep on a condition that the
 * consumer signals as soon as it has taken events out; while none waits, that costs the
 * consumer one volatile read a batch.
 */
final class EventQueue {

	private final MpscBlockingConsumerArrayQueue<ILoggingEvent> ring;

	/** The consumer will take nothing ever again. */
	private volatile boolean consumerGone;

	private final AtomicInteger waitingProducers = new AtomicInteger();

	private final ReentrantLock roomLock = new ReentrantLock();

	private final Condition roomMade = this.roomLock.newCondition();

	EventQueue(int requestedCapacity) {
		this.ring = new MpscBlockingConsumerArrayQueue<>(requestedCapacity);
	}

	/** The number of events the queue holds: the requested size rounded up to a power of two. */
	int capacity() {
		return this.ring.capacity();
	}

	/** Takes the event if there is room and a consumer to take it out; never waits. */
	boolean offer(ILoggingEvent event) {
		return !this.consumerGone && this.ring.offer(event);
	}

	/**
	 * Takes the event, waiting for room at most {@code timeoutNanos}: the consumer wakes the
	 * waiting producers as soon as it has taken events out. An interrupt ends the wait (the
	 * flag stays set for the caller's code), and so does a consumer that is gone: no room
	 * can come.
	 */
	boolean offer(ILoggingEvent event, long timeoutNanos) {
		if (offer(event)) {
			return true;
		}
		if (this.consumerGone) {
			return false;
		}
		long deadline = System.nanoTime() + timeoutNanos;
		this.waitingProducers.incrementAndGet();
		this.roomLock.lock();
		try {
			// the consumer signals under this lock: a drain between an offer and the wait is seen by the offer
			while (!this.ring.offer(event)) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0 || this.consumerGone || Thread.currentThread().isInterrupted()) {
					return false;
				}
				this.roomMade.awaitNanos(remaining);
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.roomLock.unlock();
			this.waitingProducers.decrementAndGet();
		}
	}

	/** Wakes the producers waiting for room, if any. I/O thread only, after taking events out. */
	private void signalRoom() {
		if (this.waitingProducers.get() > 0) {
			this.roomLock.lock();
			try {
				this.roomMade.signalAll();
			}
			finally {
				this.roomLock.unlock();
			}
		}
	}

	/** The consumer ends: from now on a full queue fails producers at once. I/O thread only. */
	void consumerGone() {
		this.consumerGone = true;
		signalRoom();
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
		int drained = this.ring.drain(sink::accept, limit);
		signalRoom();
		return drained;
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
		signalRoom();
		return discarded;
	}

}
