package dev.zmqlog.logback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.zmqlog.transport.PublisherSocket;
import org.jspecify.annotations.Nullable;

/**
 * The appender's I/O thread: the only thread that touches the socket. While nobody is
 * subscribed it holds the events in the queue as {@link SubscriberHold} decides: at start
 * until subscribers join or {@code awaitSubscriber} passes (the slow joiner), and after the
 * last subscriber left until one comes back or {@code awaitResubscribe} passes (a viewer
 * restarting, a network blip). A hold that outlasts the
 * queue drops and counts, and so does a hold that ran out: what nobody receives is
 * counted, and subscribers see it as a gap in the sequence numbers. Otherwise it drains
 * the queue in batches, numbering the events as it sends them. With nothing to do it naps a few milliseconds, then parks until a
 * logging thread wakes it: producers pay for a wake-up only after a quiet spell. On stop it
 * sends what is queued within the linger time and closes.
 */
final class PublishingWorker implements Runnable {

	private static final long IDLE_POLL_MILLIS = 50;

	private static final int BATCH_SIZE = 256;

	/** Naps while events are likely to come soon, before parking; each is this long. */
	private static final long NAP_NANOS = 1_000_000;

	private static final int NAPS_BEFORE_PARKING = 10;

	private static final int MAX_REPORTED_ERRORS = 10;

	private final EventQueue queue;

	private final PublisherSocket socket;

	private EventEncoder encoder;

	/** The encoder of the appender that took this thread over after a reconfiguration, until this thread uses it. */
	private volatile @Nullable EventEncoder nextEncoder;

	/** Stops the layouts of the encoder that {@link #nextEncoder} replaces, once it is out of use. */
	private volatile @Nullable Runnable retireEncoder;

	/** When a reconfiguration stopped the appender: the time to stop unless another takes over; 0 otherwise. */
	private volatile long handoverDeadlineNanos;

	private volatile Duration handoverLinger = Duration.ZERO;

	private final LongAdder dropped;

	private final SequenceNumbering numbering;

	/** Written by the I/O thread only. */
	private volatile long published;

	private final SubscriberHold hold;

	/** How long a send waits for a full subscriber ({@code overflow=block}); zero drops. */
	private final long sendWaitMillis;

	/** Whether the last send gave up waiting: a stalled subscriber makes the next ones try once only. */
	private boolean subscriberStalled;

	private final ContextAwareBase status;

	private final List<ILoggingEvent> batch = new ArrayList<>(BATCH_SIZE);

	private final Consumer<ILoggingEvent> addToBatch = this.batch::add;

	private volatile boolean stopping;

	private volatile long stopDeadlineNanos;

	private int reportedErrors;

	PublishingWorker(EventQueue queue, PublisherSocket socket, EventEncoder encoder,
			LongAdder dropped, Duration awaitSubscriber, Duration awaitResubscribe, Duration sendWait,
			ContextAwareBase status) {
		this.queue = queue;
		this.socket = socket;
		this.encoder = encoder;
		this.dropped = dropped;
		this.numbering = new SequenceNumbering(dropped);
		this.hold = new SubscriberHold(awaitSubscriber, awaitResubscribe, System::nanoTime);
		this.sendWaitMillis = sendWait.toMillis();
		this.status = status;
	}

	long publishedCount() {
		return this.published;
	}

	/**
	 * A reconfiguration stopped the appender: goes on publishing for {@code grace}, for the
	 * appender it starts to take over, then sends what is queued within {@code linger} and
	 * closes.
	 */
	void awaitHandover(Duration grace, Duration linger) {
		this.handoverLinger = linger;
		this.handoverDeadlineNanos = System.nanoTime() + grace.toNanos();
	}

	/**
	 * The appender that a reconfiguration started takes this thread over: its events are
	 * encoded its way from the next batch on, and the old encoder's layouts are stopped then.
	 * @return whether the thread is still publishing; {@code false} when it closed already
	 */
	synchronized boolean handOver(EventEncoder encoder, Runnable stopPreviousEncoder) {
		this.retireEncoder = stopPreviousEncoder;
		this.nextEncoder = encoder;
		this.handoverDeadlineNanos = 0;
		return !this.stopping;
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
			if (!this.stopping) {
				this.status.addError("Publishing thread interrupted; events are no longer published");
			}
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException | Error ex) {
			this.status.addError("Publishing thread failed; events are no longer published", ex);
		}
		finally {
			// callers that would wait for room give up at once from now on
			this.queue.consumerGone();
			this.socket.close(remainingLinger());
		}
	}

	/** Holds the queue for subscribers while {@link SubscriberHold} says so, reading their subscriptions. */
	private void holdWhileNobodyListens() {
		boolean subscribed = this.socket.awaitSubscription(Duration.ZERO);
		if (!this.hold.applies(subscribed, this.socket.subscriptionsReceived())) {
			return;
		}
		while (true) {
			if (this.stopping) {
				this.hold.endBy(this.stopDeadlineNanos);
			}
			long remaining = this.hold.remainingNanos(this.socket.hasSubscriber(), this.socket.subscriptionsReceived());
			if (remaining <= 0) {
				break;
			}
			// at least a millisecond: less would poll without waiting, a busy loop to the deadline
			long wait = Math.max(1_000_000L, Math.min(remaining, IDLE_POLL_MILLIS * 1_000_000L));
			this.socket.awaitSubscription(Duration.ofNanos(wait));
		}
		this.hold.end(this.socket.hasSubscriber());
	}

	private void drainUntilStopped() throws InterruptedException {
		while (true) {
			takeOverOrGiveUp();
			holdWhileNobodyListens();
			ILoggingEvent first = nextEvent();
			if (first == null) {
				if (this.stopping) {
					return;
				}
				continue;
			}
			this.numbering.observeLosses(this.queue.size() + 1);
			this.batch.add(first);
			this.queue.drain(this.addToBatch, BATCH_SIZE - 1);
			publishBatch();
			if (this.stopping && System.nanoTime() - this.stopDeadlineNanos > 0) {
				discardQueued();
				return;
			}
		}
	}

	/** Uses the encoder of the appender that took over, or stops when none did in time. */
	private void takeOverOrGiveUp() {
		EventEncoder next = this.nextEncoder;
		if (next != null) {
			this.nextEncoder = null;
			this.encoder = next;
			Runnable stopPrevious = this.retireEncoder;
			if (stopPrevious != null) {
				stopPrevious.run();
			}
		}
		if (this.handoverDeadlineNanos != 0) {
			giveUpWhenNobodyTookOver();
		}
	}

	/** Under the lock of {@link #handOver}: an appender takes over before the deadline or never. */
	private synchronized void giveUpWhenNobodyTookOver() {
		long deadline = this.handoverDeadlineNanos;
		if (deadline != 0 && !this.stopping && System.nanoTime() - deadline > 0) {
			requestStop(this.handoverLinger);
		}
	}

	/**
	 * The next event, or {@code null} after the idle poll time. Naps first while events
	 * are likely to follow soon, so that a steady stream never pays for waking this thread.
	 */
	private @Nullable ILoggingEvent nextEvent() throws InterruptedException {
		ILoggingEvent event = this.queue.poll();
		for (int nap = 0; event == null && nap < NAPS_BEFORE_PARKING && !this.stopping; nap++) {
			LockSupport.parkNanos(this, NAP_NANOS);
			event = this.queue.poll();
		}
		if (event != null || this.stopping) {
			return event;
		}
		return this.queue.poll(IDLE_POLL_MILLIS);
	}

	private void publishBatch() {
		// read what came while this thread waited for events: JeroMQ applies an unsubscription
		// in the first call on the socket after it arrived, and in a send the message then goes
		// to nobody, sent as far as the count knew (one event each time a last subscriber left)
		if (!this.socket.awaitSubscription(Duration.ZERO)) {
			// the hold ran out: nobody would receive them, and what nobody receives is lost
			this.dropped.add(this.batch.size());
			this.numbering.skipLost(this.batch.size());
			this.batch.clear();
			return;
		}
		long sent = this.published;
		for (ILoggingEvent event : this.batch) {
			if (publish(event)) {
				sent++;
			}
		}
		// one volatile write a batch, not one an event
		this.published = sent;
		this.batch.clear();
	}

	private boolean publish(ILoggingEvent event) {
		try {
			if (this.socket.send(this.encoder.encode(event, this.numbering.next()), sendWaitMillis())) {
				this.subscriberStalled = false;
				return true;
			}
			this.subscriberStalled = true;
			lost(event, null);
			return false;
		}
		catch (RuntimeException | LinkageError | StackOverflowError ex) {
			// an application's converter or argument that fails in its own way loses its event only
			lost(event, ex);
			return false;
		}
	}

	/** How long a full subscriber may keep this send waiting: bounded by the linger when stopping. */
	private long sendWaitMillis() {
		if (this.sendWaitMillis == 0 || this.subscriberStalled) {
			return 0;
		}
		if (!this.stopping) {
			return this.sendWaitMillis;
		}
		return Math.min(this.sendWaitMillis, Math.max(0, (this.stopDeadlineNanos - System.nanoTime()) / 1_000_000));
	}

	private void lost(ILoggingEvent event, @Nullable Throwable cause) {
		this.dropped.increment();
		this.numbering.lastNumberLost();
		if (this.reportedErrors++ < MAX_REPORTED_ERRORS) {
			if (cause != null) {
				this.status.addError("Cannot publish an event of logger " + event.getLoggerName(), cause);
			}
			else {
				this.status.addWarn("A subscriber read nothing for " + this.sendWaitMillis
						+ " ms: events are dropped until it reads again (overflow=block)");
			}
		}
	}

	private void discardQueued() {
		int left = this.queue.clear();
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
