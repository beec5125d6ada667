package dev.zmqlog.viewer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.zmqlog.testing.FreePorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.zmqlog.testing.Failures.declinedPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * zmqlog's own publisher with the {@code json} payload: the viewer shows what the record
 * carries (logger, thread, MDC, sequence number, source, stack trace, the event's own
 * time) and counts lost events from the gaps in the sequence numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class JsonPublisherTest {

	private static final String ENDPOINT = FreePorts.endpoint();

	@LocalServerPort
	private int port;

	private ViewerApi api;

	@DynamicPropertySource
	static void viewerBinds(DynamicPropertyRegistry registry) {
		registry.add("zmq.log.viewer.endpoints", () -> ENDPOINT);
		registry.add("zmq.log.viewer.mode", () -> "bind");
	}

	@BeforeEach
	void api() {
		this.api = new ViewerApi(this.port);
	}

	@Test
	void recordFieldsArriveAsLogged() throws InterruptedException {
		List<ILoggingEvent> logged;
		try (InProcessPublisher shop = InProcessPublisher.connect(ENDPOINT, "shop",
				(appender) -> appender.setPayload("json"))) {
			Thread checkout = new Thread(() -> {
				MDC.put("user", "ada");
				MDC.put("requestId", "r-17");
				try {
					shop.logger("com.shop.orders.OrderService").info("order {} placed", 42);
					shop.logger("com.shop.orders.OrderService").warn("audit::order {} paid twice", 42);
					shop.logger("com.shop.payments.CardPayments").error("payment failed for order {}", 42,
							declinedPayment());
				}
				finally {
					MDC.clear();
				}
			}, "checkout-7");
			checkout.start();
			checkout.join();
			shop.logger("com.shop.Startup").debug("ready");
			logged = shop.logged();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.api.entries("topic=shop.")).as(shop::statusText).hasSize(4));
		}
		List<JsonNode> entries = this.api.entries("topic=shop.");

		assertThat(entries).extracting((entry) -> entry.get("topic").asString())
			.containsExactly("shop.INFO", "shop.WARN.audit", "shop.ERROR", "shop.DEBUG");
		assertThat(entries).extracting((entry) -> entry.get("level").asString())
			.containsExactly("INFO", "WARN", "ERROR", "DEBUG");
		assertThat(entries).extracting((entry) -> entry.get("message").asString())
			.containsExactly("order 42 placed", "order 42 paid twice", "payment failed for order 42", "ready");
		assertThat(entries).extracting((entry) -> entry.get("logger").asString())
			.containsExactly("com.shop.orders.OrderService", "com.shop.orders.OrderService",
					"com.shop.payments.CardPayments", "com.shop.Startup");
		assertThat(entries).extracting((entry) -> entry.get("thread").asString())
			.containsExactly("checkout-7", "checkout-7", "checkout-7", Thread.currentThread().getName());
		assertThat(entries).extracting((entry) -> ViewerApi.JSON.convertValue(entry.get("mdc"), Map.class))
			.containsExactly(Map.of("user", "ada", "requestId", "r-17"), Map.of("user", "ada", "requestId", "r-17"),
					Map.of("user", "ada", "requestId", "r-17"), Map.of());
		assertThat(entries).extracting((entry) -> entry.get("seq").asLong()).containsExactly(1L, 2L, 3L, 4L);
		assertThat(entries).extracting((entry) -> entry.get("kind").asString()).containsOnly("STRUCTURED");
		assertThat(entries).allSatisfy((entry) -> {
			JsonNode source = entry.get("source");
			assertThat(source.get("app").asString()).isEqualTo("shop");
			assertThat(source.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
			assertThat(source.get("instance").asString()).isNotBlank().isEqualTo(entries.get(0).get("source").get("instance").asString());
		});
		assertThat(entries).extracting((entry) -> entry.get("exception"))
			.satisfiesExactly((none) -> assertThat(none.isNull()).isTrue(), (none) -> assertThat(none.isNull()).isTrue(),
					(trace) -> assertThat(trace.asString())
						.startsWith("java.lang.IllegalStateException: payment declined\n\tat ")
						.contains("\nCaused by: java.io.IOException: connection reset by gateway\n"),
					(none) -> assertThat(none.isNull()).isTrue());
		// the event's own time, not when the viewer received it
		for (int i = 0; i < entries.size(); i++) {
			Instant shown = Instant.parse(entries.get(i).get("time").asString());
			assertThat(shown).isCloseTo(logged.get(i).getInstant(), within(1, ChronoUnit.MILLIS));
		}
	}

	@Test
	void eventsLostOnTheWayAreCountedPerSource() {
		try (InProcessPublisher lossy = InProcessPublisher.connect(ENDPOINT, "lossy", (appender) -> {
			appender.setPayload("json");
			// a queue of one drops whatever the I/O thread has not taken yet
			appender.setQueueSize(1);
		}); InProcessPublisher steady = InProcessPublisher.connect(ENDPOINT, "steady",
				(appender) -> appender.setPayload("json"))) {
			for (int i = 1; i <= 500; i++) {
				lossy.logger("burst").info("event {}", i);
			}
			for (int i = 1; i <= 50; i++) {
				steady.logger("calm").info("event {}", i);
			}
			long dropped = lossy.appender().getDroppedCount();
			assertThat(dropped).as("the burst must overflow the queue of one").isPositive();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> lossy.appender().getPublishedCount() + dropped == 500);
			// a gap shows only when a later number arrives
			lossy.logger("burst").info("last");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.api.entries("topic=lossy.&q=last")).hasSize(1));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.api.entries("topic=steady.")).hasSize(50));

			assertThat(this.api.entries("topic=lossy.&limit=1000")).hasSize((int) (501 - dropped));
			JsonNode stats = this.api.stats();
			assertThat(stats.get("lost").asLong()).isEqualTo(dropped);
			Map<String, Long> lostBySource = bySourceApp(stats.get("lostBySource"));
			assertThat(lostBySource).containsEntry("lossy", dropped).containsEntry("steady", 0L);
			assertThat(stats.get("rejected").asLong()).isZero();
		}
	}

	/** Lost counts by the app part of the source keys ({@code app@host/pid#instance}). */
	private static Map<String, Long> bySourceApp(JsonNode lostBySource) {
		Map<String, Long> byApp = new java.util.TreeMap<>();
		lostBySource.properties().forEach((entry) -> byApp.merge(entry.getKey().substring(0, entry.getKey().indexOf('@')),
				entry.getValue().asLong(), Long::sum));
		return byApp;
	}


}
