package dev.zmqlog.viewer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import dev.zmqlog.logback.ZmqLogAppender;
import dev.zmqlog.testing.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.zmqlog.testing.Failures.declinedPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * {@code zmq.log.viewer.relay=true}: every received entry is logged again through the
 * viewer's own Logback with its original logger, level, time, thread and MDC, where the
 * viewer's logger levels apply as for any event.
 */
@SpringBootTest(properties = { "zmq.log.viewer.relay=true", "logging.level.com.shop=debug" })
@DirtiesContext
class RelayTest {

	private static final String ENDPOINT = FreePorts.endpoint();

	private final ListAppender<ILoggingEvent> relayed = new ListAppender<>();

	/** What the console shows, rendered with Spring Boot's console pattern whatever the console's threshold. */
	private final ByteArrayOutputStream console = new ByteArrayOutputStream();

	private final OutputStreamAppender<ILoggingEvent> consolePattern = new OutputStreamAppender<>();

	private final Logger viewerRoot = ((LoggerContext) LoggerFactory.getILoggerFactory())
		.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	@DynamicPropertySource
	static void viewerBinds(DynamicPropertyRegistry registry) {
		registry.add("zmq.log.viewer.endpoints", () -> ENDPOINT);
		registry.add("zmq.log.viewer.mode", () -> "bind");
	}

	@BeforeEach
	void captureViewerLogs() {
		this.relayed.setContext(this.viewerRoot.getLoggerContext());
		this.relayed.start();
		this.viewerRoot.addAppender(this.relayed);
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.viewerRoot.getLoggerContext());
		encoder.setPattern(((PatternLayoutEncoder) ((ConsoleAppender<ILoggingEvent>) this.viewerRoot
			.getAppender("CONSOLE")).getEncoder()).getPattern());
		encoder.start();
		this.consolePattern.setContext(this.viewerRoot.getLoggerContext());
		this.consolePattern.setEncoder(encoder);
		this.consolePattern.setOutputStream(this.console);
		this.consolePattern.start();
		this.viewerRoot.addAppender(this.consolePattern);
	}

	@AfterEach
	void stopCapturing() {
		this.viewerRoot.detachAppender(this.relayed);
		this.viewerRoot.detachAppender(this.consolePattern);
		this.consolePattern.stop();
	}

	@Test
	void receivedEntriesAreLoggedAgainAsTheyWereLogged() throws InterruptedException {
		List<ILoggingEvent> original;
		try (InProcessPublisher shop = InProcessPublisher.connect(ENDPOINT, "shop",
				(appender) -> appender.setPayload("json"))) {
			Thread checkout = new Thread(() -> {
				MDC.put("user", "ada");
				try {
					shop.logger("com.shop.orders.OrderService").info("order {} placed", 42);
					shop.logger("com.shop.orders.OrderService").debug("stock reserved");
					// below the viewer's level for com.shop: not relayed
					shop.logger("com.shop.orders.OrderService").trace("cart recalculated");
					shop.logger("com.shop.payments.CardPayments").warn("card check slow");
					shop.logger("com.shop.payments.CardPayments").error("payment failed", declinedPayment());
				}
				finally {
					MDC.clear();
				}
			}, "checkout-7");
			checkout.start();
			checkout.join();
			original = shop.logged();
			await().atMost(Duration.ofSeconds(10)).until(() -> relayedEvents().size() >= 4);
		}
		List<ILoggingEvent> relayedEvents = relayedEvents();

		assertThat(relayedEvents).extracting(ILoggingEvent::getLoggerName)
			.containsExactly("com.shop.orders.OrderService", "com.shop.orders.OrderService",
					"com.shop.payments.CardPayments", "com.shop.payments.CardPayments");
		assertThat(relayedEvents).extracting(ILoggingEvent::getLevel)
			.containsExactly(Level.INFO, Level.DEBUG, Level.WARN, Level.ERROR);
		assertThat(relayedEvents).extracting(ILoggingEvent::getThreadName).containsOnly("checkout-7");
		assertThat(relayedEvents).extracting(ILoggingEvent::getMDCPropertyMap).containsOnly(Map.of("user", "ada"));
		assertThat(relayedEvents).extracting(ILoggingEvent::getFormattedMessage)
			.satisfiesExactly((text) -> assertThat(text).isEqualTo("order 42 placed"),
					(text) -> assertThat(text).isEqualTo("stock reserved"),
					(text) -> assertThat(text).isEqualTo("card check slow"),
					(text) -> assertThat(text).startsWith("payment failed\njava.lang.IllegalStateException: payment declined\n")
						.contains("\nCaused by: java.io.IOException: connection reset by gateway"));
		List<ILoggingEvent> relayedOriginals = original.stream().filter((event) -> event.getLevel() != Level.TRACE).toList();
		for (int i = 0; i < relayedEvents.size(); i++) {
			assertThat(relayedEvents.get(i).getInstant()).as("time of %s", relayedEvents.get(i))
				.isCloseTo(relayedOriginals.get(i).getInstant(), within(1, ChronoUnit.MILLIS));
		}
		// where logback-spring.xml sends them: here Spring Boot's console pattern
		String output = this.console.toString(StandardCharsets.UTF_8);
		assertThat(output).containsPattern(
				"(?m)^\\S+\\s+WARN \\d+ --- \\[zmqlog-viewer\\] \\[\\s*checkout-7\\] com\\.shop\\.payments\\.CardPayments\\s+: card check slow$");
		assertThat(output).containsPattern(
				"(?m)^\\S+\\s+INFO \\d+ --- \\[zmqlog-viewer\\] \\[\\s*checkout-7\\] com\\.shop\\.orders\\.OrderService\\s+: order 42 placed$");
		assertThat(this.viewerRoot.getLoggerContext().getStatusManager().getCopyOfStatusList())
			.noneMatch((status) -> status.getMessage().contains("failed to append"));
	}

	/** The events the relay logged: marked, so that a publisher of the viewer does not send them again. */
	private List<ILoggingEvent> relayedEvents() {
		return this.relayed.list.stream()
			.filter((event) -> event.getMarkerList() != null && event.getMarkerList().contains(ZmqLogAppender.RELAYED))
			.toList();
	}


}
