package dev.zmqlog.viewer.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.zmqlog.transport.LogSubscriber;
import dev.zmqlog.transport.ReceivedMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the subscriber while the viewer runs, and starts it again whenever it ends for any
 * reason: an exception of the socket, an {@link OutOfMemoryError} or any other error on
 * its thread. A watchdog looks every {@value #WATCH_MILLIS} ms, so a failed subscriber
 * receives again within a second; each restart is counted, logged and shown
 * ({@link #state()}). What the sinks already hold (the recent window) is not touched.
 * An endpoint that cannot be used at the first start stops the viewer's start with the
 * reason: a viewer that receives nothing is no use.
 */
public final class SupervisedSubscriber implements SmartLifecycle {

	static final long WATCH_MILLIS = 100;

	private static final Logger logger = LoggerFactory.getLogger(SupervisedSubscriber.class);

	private final Supplier<LogSubscriber.Builder> settings;

	private final Consumer<ReceivedMessage> ingest;

	private final Clock clock;

	private final AtomicLong restarts = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private volatile @Nullable Failure lastFailure;

	private volatile @Nullable LogSubscriber subscriber;

	private volatile boolean running;

	private @Nullable ScheduledExecutorService watchdog;

	/**
	 * @param settings a builder with endpoints, mode, topics, keys and limits set
	 * @param ingest receives every message, on the subscriber's thread
	 */
	public SupervisedSubscriber(Supplier<LogSubscriber.Builder> settings, Consumer<ReceivedMessage> ingest,
			Clock clock) {
		this.settings = settings;
		this.ingest = ingest;
		this.clock = clock;
	}

	@Override
	public synchronized void start() {
		this.subscriber = subscribe();
		this.running = true;
		ScheduledExecutorService watching = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "zmqlog-subscriber-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		watching.scheduleWithFixedDelay(this::restartIfEnded, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
		this.watchdog = watching;
	}

	private LogSubscriber subscribe() {
		return this.settings.get()
			.threadName("zmqlog-viewer-subscriber")
			.listener(this.ingest)
			.errorHandler((ex) -> failed(ex, false))
			.failureHandler((ex) -> failed(ex, true))
			.start();
	}

	private void failed(Throwable failure, boolean ended) {
		this.failures.incrementAndGet();
		this.lastFailure = new Failure(this.clock.instant(), failure.toString());
		if (ended) {
			logger.error("Subscriber failed, restarting it: {}", failure.toString());
		}
		else {
			logger.warn("Subscriber: {}", failure.toString());
		}
	}

	private void restartIfEnded() {
		LogSubscriber current = this.subscriber;
		if (!this.running || (current != null && current.isAlive())) {
			return;
		}
		try {
			synchronized (this) {
				if (this.running) {
					this.subscriber = subscribe();
					this.restarts.incrementAndGet();
					logger.warn("Subscriber restarted ({} restarts so far)", this.restarts.get());
				}
			}
		}
		catch (RuntimeException | Error ex) {
			// the next look tries again: a port that is still being released, memory still short
			this.subscriber = null;
			failed(ex, false);
		}
	}

	/** How the subscriber does: for {@code /api/stats}. */
	public State state() {
		LogSubscriber current = this.subscriber;
		boolean receiving = current != null && current.isAlive();
		return new State(receiving, this.restarts.get(), this.failures.get(), this.lastFailure);
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.watchdog != null) {
			this.watchdog.shutdownNow();
			this.watchdog = null;
		}
		LogSubscriber current = this.subscriber;
		this.subscriber = null;
		if (current != null) {
			current.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// after the web server, so that browsers can connect before entries arrive
		return SmartLifecycle.DEFAULT_PHASE;
	}

	/**
	 * @param receiving whether the subscriber receives now
	 * @param restarts how often it was started again after it ended
	 * @param failures failures seen: errors that ended it and errors it survived
	 * @param lastFailure the last of them, or {@code null}
	 */
	public record State(boolean receiving, long restarts, long failures, @Nullable Failure lastFailure) {
	}

	/**
	 * @param time when it happened
	 * @param error what it was
	 */
	public record Failure(Instant time, String error) {
	}

}
