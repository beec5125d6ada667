package dev.zmqlog.transport;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the messages a subscriber's receive queue dropped whole because it already held
 * its byte budget ({@link LogSubscriber.Builder#receiveBuffer(long)}), and reports them at
 * most once every {@value #REPORT_SECONDS} seconds. Outlives the sockets that count into
 * it, so that a restarted subscriber goes on counting. Thread-safe.
 */
public final class ShedMessages {

	private static final Logger logger = LoggerFactory.getLogger(ShedMessages.class);

	static final int REPORT_SECONDS = 10;

	private final AtomicLong messages = new AtomicLong();

	private final AtomicLong bytes = new AtomicLong();

	private final Clock clock;

	private final Consumer<String> reporter;

	private long reported;

	private long lastReportMillis;

	/**
	 * Shed messages reported as warnings of this class's logger.
	 * @param role what the socket is, for the report (e.g. {@code "Subscriber"})
	 */
	public ShedMessages(String role) {
		this(Clock.systemUTC(), (line) -> logger.warn("{}: {}", role, line));
	}

	/**
	 * Shed messages reported to the given consumer.
	 * @param clock the time source of the report interval
	 * @param reporter receives each report line
	 */
	public ShedMessages(Clock clock, Consumer<String> reporter) {
		this.clock = clock;
		this.reporter = reporter;
		this.lastReportMillis = clock.millis() - Duration.ofSeconds(REPORT_SECONDS).toMillis();
	}

	/** Counts a message whose first frame was dropped; called by ZeroMQ's I/O thread. */
	void messageShed() {
		this.messages.incrementAndGet();
	}

	/** Counts the bytes of a dropped frame; called by ZeroMQ's I/O thread. */
	void bytesShed(long frameBytes) {
		this.bytes.addAndGet(frameBytes);
	}

	/** Messages dropped because the receive queue was full. */
	public long messages() {
		return this.messages.get();
	}

	/** Their bytes, all frames together, as received. */
	public long bytes() {
		return this.bytes.get();
	}

	/**
	 * Reports the messages shed since the last report, unless it was less than
	 * {@value #REPORT_SECONDS} seconds ago. Called by the subscriber's thread: reporting
	 * is no work for ZeroMQ's I/O thread.
	 */
	synchronized void report(long budgetBytes) {
		long shed = this.messages.get();
		long now = this.clock.millis();
		if (shed == this.reported || now - this.lastReportMillis < Duration.ofSeconds(REPORT_SECONDS).toMillis()) {
			return;
		}
		this.reporter.accept("dropped " + (shed - this.reported) + " messages: the receive queue held its "
				+ budgetBytes + " bytes (" + shed + " in all, " + bytes() + " bytes)");
		this.reported = shed;
		this.lastReportMillis = now;
	}

}
