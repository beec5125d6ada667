package dev.zmqlog.benchmarks.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.zmqlog.logback.ZmqLogAppender;
import org.slf4j.MDC;

/**
 * Publishers as applications run them: each a thread logging through Logback into its
 * own {@link ZmqLogAppender} (JSON payload, so each entry carries the time of the logging
 * call; default queue, overflow and high-water mark), connected to the viewer. Together
 * they log at a given rate, spread evenly; the rate can change while they run. All their
 * sockets share zmqlog's JeroMQ context, as any sockets of one JVM must.
 */
final class PacedPublishers implements AutoCloseable {

	/** How long a publisher sleeps between catching up with its schedule. */
	private static final long TICK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

	private final LoggerContext context = new LoggerContext();

	private final List<ZmqLogAppender> appenders = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private final LongAdder logged = new LongAdder();

	/** Entries per second, all publishers together. */
	private volatile double rate;

	private volatile boolean running = true;

	PacedPublishers(String endpoint, int count) {
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		this.context.setName("bench-publishers");
		this.context.start();
		for (int i = 1; i <= count; i++) {
			Logger logger = this.context.getLogger("bench.publisher" + i);
			logger.setLevel(Level.INFO);
			logger.setAdditive(false);
			logger.addAppender(appender(endpoint));
			Thread thread = new Thread(() -> publish(logger, count), "publisher-" + i);
			thread.setDaemon(true);
			this.threads.add(thread);
		}
		this.threads.forEach(Thread::start);
	}

	private ZmqLogAppender appender(String endpoint) {
		ZmqLogAppender appender = new ZmqLogAppender();
		appender.setContext(this.context);
		appender.setName("ZMQ-" + (this.appenders.size() + 1));
		appender.addEndpoint(endpoint);
		appender.setMode("connect");
		appender.setRootTopic("bench");
		appender.setPayload("json");
		appender.start();
		if (!appender.isStarted()) {
			throw new IllegalStateException("Publisher not started: " + appender.getStartFailure());
		}
		this.appenders.add(appender);
		return appender;
	}

	/** Logs on schedule: after each pause, as many entries as the rate says are due. */
	private void publish(Logger logger, int publishers) {
		double currentRate = -1;
		long segmentStart = 0;
		long sentInSegment = 0;
		long n = 0;
		while (this.running) {
			double wanted = this.rate / publishers;
			long now = System.nanoTime();
			if (wanted != currentRate) {
				currentRate = wanted;
				segmentStart = now;
				sentInSegment = 0;
			}
			long due = (long) ((now - segmentStart) * currentRate / 1e9);
			while (sentInSegment < due) {
				logger.info("entry {} of {}", ++n, logger.getName());
				sentInSegment++;
				this.logged.increment();
			}
			LockSupport.parkNanos(TICK_NANOS);
		}
	}

	/** Sets the rate of all publishers together, entries per second. */
	void rate(double entriesPerSecond) {
		this.rate = entriesPerSecond;
	}

	long logged() {
		return this.logged.sum();
	}

	/** Events the publishers' queues dropped. */
	long dropped() {
		return this.appenders.stream().mapToLong(ZmqLogAppender::getDroppedCount).sum();
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		for (Thread thread : this.threads) {
			thread.join();
		}
		this.context.stop();
	}

}
