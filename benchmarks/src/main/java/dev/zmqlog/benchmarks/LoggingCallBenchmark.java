package dev.zmqlog.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.zmqlog.logback.ZmqLogAppender;
import dev.zmqlog.transport.SharedContextSockets;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.slf4j.MDC;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * What a logging call costs the calling thread: {@code log.info("Order {} placed", n)}
 * with a new {@code n} each call, through
 * <ul>
 * <li>{@code zmqlog}: zmqlog's appender, bound on a free port of 127.0.0.1 with one SUB
 * socket subscribed that never reads (its I/O thread encodes and sends every event; ZeroMQ
 * drops at the SUB's high-water mark), {@code awaitSubscriber=0};</li>
 * <li>{@code async}: Logback's AsyncAppender ({@code neverBlock}, same queue size) into the
 * {@code noop} appender;</li>
 * <li>{@code log4j2}: Log4j2's async logger (all loggers async, Disruptor, queue-full
 * policy {@code Discard}) into Log4j2's JeroMQ appender with the same format, called
 * through the Log4j2 API;</li>
 * <li>{@code noop}: an appender that hands the event to a Blackhole, so that the JIT
 * cannot drop its construction: the floor, Logback's own cost of making the event;</li>
 * <li>{@code empty}: an appender that does nothing at all, for reference only (the JIT may
 * remove work the floor has to pay).</li>
 * </ul>
 * The queues drop when full, so the figure is the caller's cost, not the consumer's speed;
 * zmqlog's published and dropped counts are printed at the end of each trial. Unpaced,
 * the callers outrun every consumer and most calls meet a full queue; {@code -p pace=N}
 * spends {@code Blackhole.consumeCPU(N)} after each call, a rate the consumers keep up
 * with, where a queue's cost of waking its consumer shows: compare each row's excess over
 * the {@code noop} row of the same pace.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoggingCallBenchmark {

	private static final String LOGGER_NAME = "bench.Orders";

	@Param({ "zmqlog", "async", "log4j2", "noop", "empty" })
	public String appender;

	/** Work between two calls, in {@code Blackhole.consumeCPU} tokens; 0 calls flat out. */
	@Param("0")
	public long pace;

	private LoggerContext context;

	private ZmqLogAppender zmq;

	private ZMQ.Socket subscriber;

	private OrderLog log;

	/** The call under test, bound to one logging library per trial (so the call site stays monomorphic). */
	@FunctionalInterface
	interface OrderLog {

		void placed(long order);

	}

	/** Each benchmark thread's order numbers: a new argument each call, boxed as the application would. */
	@State(Scope.Thread)
	public static class Orders {

		private long last;

		long next() {
			return ++this.last;
		}

	}

	@Setup(org.openjdk.jmh.annotations.Level.Trial)
	public void start(Blackhole blackhole) {
		this.log = "log4j2".equals(this.appender) ? log4j2() : logback(blackhole);
	}

	private OrderLog logback(Blackhole blackhole) {
		this.context = new LoggerContext();
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		this.context.start();
		Logger logger = this.context.getLogger(LOGGER_NAME);
		logger.setLevel(ch.qos.logback.classic.Level.INFO);
		logger.setAdditive(false);
		logger.addAppender(appender(this.appender, blackhole));
		return (order) -> logger.info("Order {} placed", order);
	}

	private Appender<ILoggingEvent> appender(String kind, Blackhole blackhole) {
		return switch (kind) {
			case "zmqlog" -> zmqlog();
			case "async" -> async(blackhole);
			case "noop" -> started(new BlackholeAppender(blackhole));
			case "empty" -> started(new EmptyAppender());
			default -> throw new IllegalArgumentException("No appender " + kind);
		};
	}

	private Appender<ILoggingEvent> zmqlog() {
		String endpoint = "tcp://127.0.0.1:" + freePort();
		this.zmq = new ZmqLogAppender();
		this.zmq.addEndpoint(endpoint);
		this.zmq.setRootTopic("bench");
		this.zmq.setAwaitSubscriber("0");
		Appender<ILoggingEvent> started = started(this.zmq);
		// a subscriber: with nobody, the I/O thread would count the events lost without encoding them
		this.subscriber = SharedContextSockets.open(SocketType.SUB);
		this.subscriber.subscribe(new byte[0]);
		this.subscriber.connect(endpoint);
		return started;
	}

	private static int freePort() {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Appender<ILoggingEvent> async(Blackhole blackhole) {
		AsyncAppender async = new AsyncAppender();
		async.setNeverBlock(true);
		async.setQueueSize(ZmqLogAppender.DEFAULT_QUEUE_SIZE);
		async.setContext(this.context);
		async.addAppender(started(new BlackholeAppender(blackhole)));
		return started(async);
	}

	private Appender<ILoggingEvent> started(Appender<ILoggingEvent> appender) {
		appender.setContext(this.context);
		appender.setName(this.appender);
		appender.start();
		return appender;
	}

	/** Log4j2 as its manual recommends for speed: every logger async. */
	private static OrderLog log4j2() {
		System.setProperty("log4j2.contextSelector", "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector");
		System.setProperty("log4j2.configurationFile", "log4j2-call-benchmark.xml");
		// drop when full, as the other rows do (zmqlog overflow=drop, AsyncAppender neverBlock)
		System.setProperty("log4j2.asyncQueueFullPolicy", "Discard");
		org.apache.logging.log4j.Logger logger = LogManager.getLogger(LOGGER_NAME);
		if (!(logger instanceof AsyncLogger)) {
			throw new IllegalStateException("Log4j2 logger is not async: " + logger.getClass());
		}
		return (order) -> logger.info("Order {} placed", order);
	}

	@TearDown(org.openjdk.jmh.annotations.Level.Trial)
	public void stop() {
		if (this.subscriber != null) {
			SharedContextSockets.close(this.subscriber);
		}
		if (this.zmq != null) {
			System.out.printf("%nzmqlog: published %d, dropped %d%n", this.zmq.getPublishedCount(),
					this.zmq.getDroppedCount());
		}
		if (this.context != null) {
			this.context.stop();
		}
		else {
			LogManager.shutdown();
		}
	}

	@Benchmark
	@Threads(1)
	public void oneThread(Orders orders) {
		placeOrder(orders);
	}

	@Benchmark
	@Threads(2)
	public void twoThreads(Orders orders) {
		placeOrder(orders);
	}

	private void placeOrder(Orders orders) {
		this.log.placed(orders.next());
		if (this.pace > 0) {
			Blackhole.consumeCPU(this.pace);
		}
	}

	/** Hands the event to a Blackhole: what is left is Logback's cost of making it. */
	static final class BlackholeAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

		private final Blackhole blackhole;

		BlackholeAppender(Blackhole blackhole) {
			this.blackhole = blackhole;
		}

		@Override
		protected void append(ILoggingEvent event) {
			this.blackhole.consume(event);
		}

	}

	/** Does nothing with the event. */
	static final class EmptyAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

		@Override
		protected void append(ILoggingEvent event) {
		}

	}

}
