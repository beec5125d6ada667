package dev.zmqlog.interop;

import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.testing.TestResources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import dev.zmqlog.logback.ZmqLogAppender;
import dev.zmqlog.testing.FreePorts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.zmqlog.testing.Failures.declinedPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The {@code json} payload rebuilt by Python's {@code logging.makeLogRecord}, as the
 * logging cookbook's ZeroMQ listener does, and formatted by a stock
 * {@code logging.Formatter}: the records are complete enough for Python's logging.
 */
class PythonJsonRecordInteropTest {

	private static final int RECORDS = 6;

	private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}";

	private @Nullable RunningProcess listener;

	private final LoggerContext context = new LoggerContext();

	@BeforeEach
	void configureContext() {
		// what Logback's service provider does for the context SLF4J uses; events of a
		// context without an MDC adapter fail in prepareForDeferredProcessing()
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.context.setName("shop");
	}

	@AfterEach
	void stop() {
		this.context.stop();
		if (this.listener != null) {
			this.listener.close();
		}
	}

	@Test
	void pythonLoggingRebuildsAndFormatsEveryRecord() throws InterruptedException {
		String endpoint = FreePorts.endpoint();
		RunningProcess python = Python.script("interop/json_listener.py", endpoint, "shop", String.valueOf(RECORDS),
				"10");
		this.listener = python;
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(python.stdoutLines()).as(python::output).contains("subscribed"));
		ZmqLogAppender appender = startJsonAppender(endpoint);

		String thread = Thread.currentThread().getName();
		double loggedAt = System.currentTimeMillis() / 1000d;
		Logger orders = this.context.getLogger("shop.orders");
		orders.debug("cart {} has {} items", 42, 3);
		// '%' would break a record whose args Python's getMessage() applies with '%'
		orders.info("order {} placed: 100% paid", 42);
		orders.warn("stock low for sku {}", "A-7");
		orders.error("payment failed for order {}", 42, declinedPayment());
		Thread invoicing = new Thread(() -> this.context.getLogger("shop.invoices").info("invoice 42 sent"),
				"invoice-worker");
		invoicing.start();
		invoicing.join();
		this.context.getLogger("shop.orders").info("audit::order 42 closed");

		assertThat(python.awaitExit(Duration.ofSeconds(10))).as(() -> python.output() + "\npublished "
				+ appender.getPublishedCount() + ", dropped " + appender.getDroppedCount() + "\n" + statusText())
			.isZero();
		List<Map<String, @Nullable Object>> records = python.stdoutLines()
			.stream()
			.filter((line) -> line.startsWith("{"))
			.map(FlatJson::parse)
			.toList();
		assertThat(records).as(python::output).hasSize(RECORDS).allSatisfy((record) -> assertThat(record)
			.as("Python could not rebuild or format a record: %s", record)
			.doesNotContainKey("error"));

		assertThat(records).extracting((record) -> record.get("formatted")).as(python::output).satisfiesExactly(
				(text) -> assertThat(text).asString()
					.matches(TIMESTAMP + " DEBUG shop.orders " + thread + " cart 42 has 3 items"),
				(text) -> assertThat(text).asString()
					.matches(TIMESTAMP + " INFO shop.orders " + thread + " order 42 placed: 100% paid"),
				(text) -> assertThat(text).asString()
					.matches(TIMESTAMP + " WARN shop.orders " + thread + " stock low for sku A-7"),
				(text) -> assertThat(text).asString()
					.matches("(?s)" + TIMESTAMP + " ERROR shop.orders " + thread + " payment failed for order 42\n"
							+ "java.lang.IllegalStateException: payment declined\n\tat .*"),
				(text) -> assertThat(text).asString()
					.matches(TIMESTAMP + " INFO shop.invoices invoice-worker invoice 42 sent"),
				(text) -> assertThat(text).asString()
					.matches(TIMESTAMP + " INFO shop.orders " + thread + " order 42 closed"));
		assertThat(records).extracting((record) -> record.get("levelno"))
			.containsExactly(10L, 20L, 30L, 40L, 20L, 20L);
		assertThat(records).extracting((record) -> record.get("topic"))
			.containsExactly("shop.DEBUG", "shop.INFO", "shop.WARN", "shop.ERROR", "shop.INFO", "shop.INFO.audit");
		assertThat(records).extracting((record) -> record.get("seq"))
			.containsExactlyElementsOf(LongStream.rangeClosed(1, RECORDS).boxed().toList());
		assertThat(records).extracting((record) -> record.get("exc_text"))
			.satisfiesExactly((none) -> assertThat(none).isNull(), (none) -> assertThat(none).isNull(),
					(none) -> assertThat(none).isNull(),
					(trace) -> assertThat(trace).asString()
						.startsWith("java.lang.IllegalStateException: payment declined\n")
						.contains("\nCaused by: java.io.IOException: connection reset by gateway\n"),
					(none) -> assertThat(none).isNull(), (none) -> assertThat(none).isNull());
		assertThat(records).extracting((record) -> (Double) record.get("created"))
			.allSatisfy((created) -> assertThat(created).isCloseTo(loggedAt, within(5d)));
	}


	private ZmqLogAppender startJsonAppender(String endpoint) {
		ZmqLogAppender appender = new ZmqLogAppender();
		appender.setContext(this.context);
		appender.setName("ZMQ");
		appender.addEndpoint(endpoint);
		appender.setRootTopic("shop");
		appender.setPayload("json");
		appender.start();
		assertThat(appender.isStarted()).as(() -> statusText()).isTrue();
		Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.DEBUG);
		root.addAppender(appender);
		return appender;
	}

	private String statusText() {
		StringBuilder text = new StringBuilder("Logback status:\n");
		for (Status status : this.context.getStatusManager().getCopyOfStatusList()) {
			text.append(status).append('\n');
		}
		return text.toString();
	}

}
