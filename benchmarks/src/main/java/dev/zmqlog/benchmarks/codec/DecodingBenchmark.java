package dev.zmqlog.benchmarks.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.zmqlog.logback.AppenderEncoding;
import dev.zmqlog.protocol.DecodeResult;
import dev.zmqlog.protocol.MessageDecoder;
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
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.MarkerFactory;

/**
 * What a receiver spends turning one received message into a {@code LogEntry}, through
 * core's {@link MessageDecoder}: zmqlog's {@code json} records as the appender's own
 * encoder writes them (core's test-support {@link AppenderEncoding}; MDC of three keys, a
 * marker, seq, source; one with a 3 KB stack trace), pyzmq's PUBHandler text and a
 * logging-cookbook record. Run with {@code -prof gc} for the bytes allocated per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodingBenchmark {

	/** {@code json.dumps(record.__dict__)} of a record after {@code QueueHandler.prepare}, Python 3.12. */
	private static final String COOKBOOK_RECORD = """
			{"name": "greeter.db", "msg": "pool main exhausted", "args": null, "levelname": "WARNING", \
			"levelno": 30, "pathname": "/srv/greeter/db.py", "filename": "db.py", "module": "db", \
			"exc_info": null, "exc_text": null, "stack_info": null, "lineno": 6, "funcName": "acquire", \
			"created": 1714564800.123456, "msecs": 123.0, "relativeCreated": 16.341209411621094, \
			"thread": 140142088056896, "threadName": "MainThread", "processName": "MainProcess", \
			"process": 7361, "taskName": null, "message": "pool main exhausted"}""";

	/** Frames of a Spring MVC request, repeated to make a stack trace of about 3 KB. */
	private static final StackTraceElement[] REQUEST_FRAMES = {
			new StackTraceElement("com.example.orders.PaymentClient", "charge", "PaymentClient.java", 88),
			new StackTraceElement("com.example.orders.OrderService", "place", "OrderService.java", 42),
			new StackTraceElement("com.example.orders.OrderController", "create", "OrderController.java", 31),
			new StackTraceElement("org.springframework.web.servlet.FrameworkServlet", "service",
					"FrameworkServlet.java", 885),
			new StackTraceElement("org.apache.catalina.core.ApplicationFilterChain", "doFilter",
					"ApplicationFilterChain.java", 138),
			new StackTraceElement("org.springframework.web.filter.OncePerRequestFilter", "doFilter",
					"OncePerRequestFilter.java", 116) };

	@Param({ "zmqlog", "zmqlog-exception", "pyzmq", "cookbook" })
	public String record;

	private final MessageDecoder decoder = new MessageDecoder();

	private List<byte[]> frames;

	@Setup
	public void start() {
		this.frames = switch (this.record) {
			case "zmqlog" -> zmqlogRecord(null);
			case "zmqlog-exception" -> zmqlogRecord(failure());
			case "pyzmq" -> List.of(utf8("greeter.INFO"), utf8("Order 18342 placed for alice\n"));
			case "cookbook" -> List.of(utf8(COOKBOOK_RECORD));
			default -> throw new IllegalArgumentException("no record " + this.record);
		};
		DecodeResult result = this.decoder.decode(this.frames);
		if (!result.isAccepted()) {
			throw new IllegalStateException("not decoded: " + result.rejection());
		}
	}

	/** A record exactly as the appender publishes it. */
	private static List<byte[]> zmqlogRecord(Throwable thrown) {
		LoggerContext context = new LoggerContext();
		context.start();
		try (AppenderEncoding encoding = new AppenderEncoding(context, "orders", PayloadFormat.JSON,
				new Source("orders", "app-7f9c", 4242L, "3f2a9c1b8d7e"))) {
			Logger logger = context.getLogger("com.example.orders.OrderService");
			LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, ch.qos.logback.classic.Level.INFO,
					"Order {} placed", thrown, new Object[] { 18_342 });
			event.setThreadName("http-nio-8080-exec-3");
			event.setMDCPropertyMap(Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "spanId",
					"00f067aa0ba902b7", "user", "alice"));
			event.addMarker(MarkerFactory.getMarker("AUDIT"));
			event.prepareForDeferredProcessing();
			WireMessage message = encoding.encode(event, 18_342L);
			return List.of(message.topic(), message.payload());
		}
		finally {
			context.stop();
		}
	}

	private static Throwable failure() {
		Exception cause = new java.io.IOException("Connection reset by payment-gateway:443");
		cause.setStackTrace(frames(3));
		IllegalStateException failure = new IllegalStateException("Payment declined", cause);
		failure.setStackTrace(frames(4));
		return failure;
	}

	private static StackTraceElement[] frames(int repeats) {
		StackTraceElement[] frames = new StackTraceElement[REQUEST_FRAMES.length * repeats];
		for (int i = 0; i < frames.length; i++) {
			frames[i] = REQUEST_FRAMES[i % REQUEST_FRAMES.length];
		}
		return frames;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Benchmark
	public DecodeResult decode() {
		return this.decoder.decode(this.frames);
	}

}
