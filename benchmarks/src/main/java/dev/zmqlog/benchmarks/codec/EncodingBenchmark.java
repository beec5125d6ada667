package dev.zmqlog.benchmarks.codec;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.zmqlog.logback.AppenderEncoding;
import dev.zmqlog.protocol.PayloadFormat;
import dev.zmqlog.protocol.Source;
import dev.zmqlog.transport.WireMessage;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the I/O thread spends turning one event into its wire message: subtopic
 * resolution, the level's pattern, the {@code text} or {@code json} payload and the topic
 * bytes, through the appender's own encoder (core's test-support {@link AppenderEncoding}).
 * Run with {@code -prof gc} for the bytes allocated per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EncodingBenchmark {

	@Param({ "text", "json" })
	public String payload;

	@Param({ "plain", "exception" })
	public String event;

	private LoggerContext context;

	private AppenderEncoding encoding;

	private LoggingEvent logged;

	private long seq;

	@Setup
	public void start() {
		this.context = new LoggerContext();
		this.context.start();
		this.encoding = new AppenderEncoding(this.context, "bench", PayloadFormat.of(this.payload),
				new Source("bench", "localhost", 4242L, "1a2b3c4d"));
		this.logged = typicalEvent(this.context.getLogger("com.example.orders.OrderService"),
				"exception".equals(this.event) ? failure() : null);
	}

	private static LoggingEvent typicalEvent(Logger logger, Throwable thrown) {
		LoggingEvent typical = new LoggingEvent(Logger.class.getName(), logger, ch.qos.logback.classic.Level.INFO,
				"Order {} placed", thrown, new Object[] { 18_342 });
		typical.setThreadName("http-nio-8080-exec-3");
		typical.setMDCPropertyMap(Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "user", "alice"));
		typical.prepareForDeferredProcessing();
		return typical;
	}

	private static Throwable failure() {
		return new IllegalStateException("Payment declined",
				new java.io.IOException("Connection reset by payment-gateway:443"));
	}

	@TearDown
	public void stop() {
		this.encoding.close();
		this.context.stop();
	}

	@Benchmark
	public WireMessage encode() {
		return this.encoding.encode(this.logged, ++this.seq);
	}

}
