package dev.zmqlog.benchmarks;

import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.zmqlog.logback.ZmqLogAppender;
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
import org.slf4j.MDC;

/**
 * What a logging call costs the calling thread: {@code log.info("... {}", arg)} through
 * zmqlog's appender, through Logback's AsyncAppender into a no-op appender, and straight
 * into a no-op appender (the floor: Logback's own cost of making the event). The queues
 * drop when full (zmqlog's {@code overflow=drop}, AsyncAppender's {@code neverBlock}), so
 * the figure is the caller's cost, not the consumer's speed; drops are printed at the end
 * of each trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoggingCallBenchmark {

	@Param({ "zmqlog", "async", "noop" })
	public String appender;

	private LoggerContext context;

	private Logger logger;

	private ZmqLogAppender zmq;

	private long counter;

	@Setup(org.openjdk.jmh.annotations.Level.Trial)
	public void start() {
		this.context = new LoggerContext();
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		this.context.start();
		this.logger = this.context.getLogger("bench.Orders");
		this.logger.setLevel(ch.qos.logback.classic.Level.INFO);
		this.logger.setAdditive(false);
		this.logger.addAppender(appender(this.appender));
	}

	private Appender<ILoggingEvent> appender(String kind) {
		return switch (kind) {
			case "zmqlog" -> zmqlog();
			case "async" -> async();
			default -> noop();
		};
	}

	private Appender<ILoggingEvent> zmqlog() {
		this.zmq = new ZmqLogAppender();
		this.zmq.setContext(this.context);
		this.zmq.setName("zmq");
		this.zmq.addEndpoint("tcp://127.0.0.1:*");
		this.zmq.setRootTopic("bench");
		this.zmq.setAwaitSubscriber("0");
		this.zmq.start();
		return this.zmq;
	}

	private Appender<ILoggingEvent> async() {
		AsyncAppender async = new AsyncAppender();
		async.setContext(this.context);
		async.setName("async");
		async.setNeverBlock(true);
		async.setQueueSize(ZmqLogAppender.DEFAULT_QUEUE_SIZE);
		async.addAppender(noop());
		async.start();
		return async;
	}

	private Appender<ILoggingEvent> noop() {
		NoopAppender noop = new NoopAppender();
		noop.setContext(this.context);
		noop.setName("noop");
		noop.start();
		return noop;
	}

	@TearDown(org.openjdk.jmh.annotations.Level.Trial)
	public void stop() {
		if (this.zmq != null) {
			System.out.printf("%nzmqlog: published %d, dropped %d%n", this.zmq.getPublishedCount(),
					this.zmq.getDroppedCount());
		}
		this.context.stop();
	}

	@Benchmark
	@Threads(1)
	public void oneThread() {
		this.logger.info("Order {} placed", ++this.counter);
	}

	@Benchmark
	@Threads(2)
	public void twoThreads() {
		this.logger.info("Order {} placed", 42);
	}

	/** Does nothing with the event: what is left is Logback's cost of making it. */
	static final class NoopAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

		@Override
		protected void append(ILoggingEvent event) {
		}

	}

}
