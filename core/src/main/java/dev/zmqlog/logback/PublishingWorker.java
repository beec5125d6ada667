package dev.zmqlog.logback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.core.spi.ContextAwareBase;
import dev.zmqlog.transport.PublisherSocket;

/**
 * The appender's I/O thread: the only thread that touches the socket. While nobody is
 * subscribed it holds the events in the queue: at start until the first subscriber joins
 * or {@code awaitSubscriber} passes (the slow joiner), and after the last subscriber left
 * until one comes back or {@code awaitResubscribe} passes (a viewer restarting, a network
 * blip). A hold that outlasts the queue drops and counts, which subscribers see as a gap
 * in the sequence numbers. Otherwise it drains the queue in batches. On stop it sends what
 * is queued within the linger time and closes.
 */
final class PublishingWorker implements Runnable {

	private static final long IDLE_POLL_MILLIS = 50;

	private static final int BATCH_SIZE = 256;

	private static final int MAX_REPORTED_ERRORS = 10;

	private final BlockingQueue<QueuedEvent> queue;

	private final PublisherSocket socket;

	private final EventEncoder encoder;

	private final LongAdder dropped;

	/** Written by the I/O thread only. */
	private volatile long published;

	private final long resubscribeHoldNanos;

	/** When the current hold ends, while nobody is subscribed. */
	private long holdUntilNanos;

	/** Whether the current period without subscriber has had its hold. */
	private boolean holdSpent;

	private boolean hadSubscriber;

	private final ContextAwareBase status;

	private final List<QueuedEvent> batch = new ArrayList<>(BATCH_SIZE);

	private volatile boolean stopping;

	private volatile long stopDeadlineNanos;

	private int reportedErrors;

	PublishingWorker(BlockingQueue<QueuedEvent> queue, PublisherSocket socket, EventEncoder encoder,
			LongAdder dropped, Duration awaitSubscriber, Duration awaitResubscribe, ContextAwareBase status) {
		this.queue = queue;
		this.socket = socket;
		this.encoder = encoder;
		this.dropped = dropped;
		this.holdUntilNanos = System.nanoTime() + awaitSubscriber.toNanos();
		this.resubscribeHoldNanos = awaitResubscribe.toNanos();
		this.status = status;
	}

	long publishedCount() {
		return this.published;
	}

	/** Asks the thread to send what is queued within {@code linger}, then close. */
	void requestStop(Duration linger) {
		this.stopDeadlineNanos = System.nanoTime() + linger.toNanos();
		this.stopping = true;
	}

	@Override
	public void run() {
		try {
			drainUntilStopped();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			this.status.addError("Publishing thread failed; events are no longer published", ex);
		}
		finally {
			this.socket.close(remainingLinger());
		}
	}

	/** Holds the queue while nobody is subscribed, once per such period, within its deadline. */
	private void holdWhileNobodyListens() {
		boolean present = this.socket.awaitSubscription(Duration.ZERO);
		if (present) {
			this.hadSubscriber = true;
			this.holdSpent = false;
			return;
		}
		if (this.hadSubscriber) {
			// the last subscriber just left: give it time to come back
			this.hadSubscriber = false;
			this.holdSpent = false;
			this.holdUntilNanos = System.nanoTime() + this.resubscribeHoldNanos;
		}
		while (!this.holdSpent && !this.socket.hasSubscriber()) {
			long until = this.stopping ? Math.min(this.holdUntilNanos, this.stopDeadlineNanos) : this.holdUntilNanos;
			long remaining = until - System.nanoTime();
			if (remaining <= 0) {
				this.holdSpent = true;
				return;
			}
			this.socket.awaitSubscription(Duration.ofNanos(Math.min(remaining, IDLE_POLL_MILLIS * 1_000_000L)));
		}
		if (this.socket.hasSubscriber()) {
			this.hadSubscriber = true;
			this.holdSpent = false;
		}
	}

	private void drainUntilStopped() throws InterruptedException {
		while (true) {
			holdWhileNobodyListens();
			QueuedEvent first = this.queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
			if (first == null) {
				if (this.stopping) {
					return;
				}
				continue;
			}
			this.batch.add(first);
			this.queue.drainTo(this.batch, BATCH_SIZE - 1);
			publishBatch();
			if (this.stopping && System.nanoTime() - this.stopDeadlineNanos > 0) {
				discardQueued();
				return;
			}
		}
	}

	private void publishBatch() {
		for (QueuedEvent queued : this.batch) {
			publish(queued);
		}
		this.batch.clear();
	}

	private void publish(QueuedEvent queued) {
		try {
			this.socket.send(this.encoder.encode(queued.event(), queued.seq()));
			this.published++;
		}
		catch (RuntimeException ex) {
			this.dropped.increment();
			if (this.reportedErrors++ < MAX_REPORTED_ERRORS) {
				this.status.addError("Cannot publish an event of logger " + queued.event().getLoggerName(), ex);
			}
		}
	}

	private void discardQueued() {
		int left = this.queue.size();
		this.queue.clear();
		this.dropped.add(left);
		if (left > 0) {
			this.status.addWarn(left + " events were not published: the linger time ran out");
		}
	}

	private Duration remainingLinger() {
		if (!this.stopping) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(Math.max(0, this.stopDeadlineNanos - System.nanoTime()));
	}

}
