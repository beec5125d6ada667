package dev.zmqlog.logback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.zmqlog.transport.PublisherSocket;

/**
 * The appender's I/O thread: the only thread that touches the socket. It holds the first
 * events until a subscriber joins (or {@code awaitSubscriber} passes), then drains the
 * queue in batches; on stop it sends what is queued within the linger time and closes.
 */
final class PublishingWorker implements Runnable {

	private static final long IDLE_POLL_MILLIS = 50;

	private static final int BATCH_SIZE = 256;

	private static final int MAX_REPORTED_ERRORS = 10;

	private final BlockingQueue<ILoggingEvent> queue;

	private final PublisherSocket socket;

	private final EventEncoder encoder;

	private final LongAdder dropped;

	private final AtomicLong published = new AtomicLong();

	private final long holdUntilNanos;

	private final ContextAwareBase status;

	private final List<ILoggingEvent> batch = new ArrayList<>(BATCH_SIZE);

	private volatile boolean stopping;

	private volatile long stopDeadlineNanos;

	private long seq;

	private long droppedAccounted;

	private int reportedErrors;

	PublishingWorker(BlockingQueue<ILoggingEvent> queue, PublisherSocket socket, EventEncoder encoder,
			LongAdder dropped, Duration awaitSubscriber, ContextAwareBase status) {
		this.queue = queue;
		this.socket = socket;
		this.encoder = encoder;
		this.dropped = dropped;
		this.holdUntilNanos = System.nanoTime() + awaitSubscriber.toNanos();
		this.status = status;
	}

	long publishedCount() {
		return this.published.get();
	}

	/** Asks the thread to send what is queued within {@code linger}, then close. */
	void requestStop(Duration linger) {
		this.stopDeadlineNanos = System.nanoTime() + linger.toNanos();
		this.stopping = true;
	}

	@Override
	public void run() {
		try {
			holdForFirstSubscriber();
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

	private void holdForFirstSubscriber() {
		while (!this.socket.hasSubscriber()) {
			long until = this.stopping ? Math.min(this.holdUntilNanos, this.stopDeadlineNanos) : this.holdUntilNanos;
			long remaining = until - System.nanoTime();
			if (remaining <= 0) {
				return;
			}
			this.socket.awaitSubscription(Duration.ofNanos(Math.min(remaining, IDLE_POLL_MILLIS * 1_000_000L)));
		}
	}

	private void drainUntilStopped() throws InterruptedException {
		while (true) {
			ILoggingEvent first = this.queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
			if (first == null) {
				if (this.stopping) {
					return;
				}
				this.socket.awaitSubscription(Duration.ZERO);
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
		for (ILoggingEvent event : this.batch) {
			publish(event);
		}
		this.batch.clear();
	}

	private void publish(ILoggingEvent event) {
		// events dropped at the queue take their numbers too, so receivers see the gap
		long droppedNow = this.dropped.sum();
		this.seq += 1 + (droppedNow - this.droppedAccounted);
		this.droppedAccounted = droppedNow;
		try {
			this.socket.send(this.encoder.encode(event, this.seq));
			this.published.incrementAndGet();
		}
		catch (RuntimeException ex) {
			this.dropped.increment();
			this.droppedAccounted++;
			if (this.reportedErrors++ < MAX_REPORTED_ERRORS) {
				this.status.addError("Cannot publish an event of logger " + event.getLoggerName(), ex);
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
