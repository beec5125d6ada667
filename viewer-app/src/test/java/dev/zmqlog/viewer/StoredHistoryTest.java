package dev.zmqlog.viewer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import dev.zmqlog.testing.FreePorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The history API over the recent window and the embedded store as one list: with a
 * window of 100 entries, 1,200 entries from two publishers page, filter, count and facet
 * as if all were in memory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class StoredHistoryTest {

	private static final String ENDPOINT = FreePorts.endpoint();

	private static final int PER_APP = 600;

	private static Path storeFolder;

	@LocalServerPort
	private int port;

	private ViewerApi api;

	@DynamicPropertySource
	static void viewerWithStore(DynamicPropertyRegistry registry) throws Exception {
		storeFolder = Files.createTempDirectory("zmqlog-stored-history");
		registry.add("zmq.log.viewer.endpoints", () -> ENDPOINT);
		registry.add("zmq.log.viewer.mode", () -> "bind");
		registry.add("zmq.log.viewer.history-size", () -> "100");
		registry.add("zmq.log.viewer.store.type", () -> "embedded");
		registry.add("zmq.log.viewer.store.path", () -> storeFolder.resolve("data").toString());
	}

	private static boolean published;

	@BeforeEach
	void publishOnce() {
		this.api = new ViewerApi(this.port);
		if (published) {
			return;
		}
		try (InProcessPublisher shop = json("shop"); InProcessPublisher billing = json("billing")) {
			for (int i = 1; i <= PER_APP; i++) {
				MDC.put("traceId", "trace-" + (i % 7));
				try {
					shop.logger("com.shop.Orders").info("order {} placed", i);
					billing.logger("com.billing.Invoices").warn("invoice {} overdue", i);
				}
				finally {
					MDC.clear();
				}
			}
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.api.stats().get("store").get("committedId").asLong())
					.isGreaterThanOrEqualTo(2 * PER_APP));
		}
		published = true;
	}

	private static InProcessPublisher json(String app) {
		return InProcessPublisher.connect(ENDPOINT, app, (appender) -> appender.setPayload("json"));
	}

	private static List<Long> ids(List<JsonNode> entries) {
		return entries.stream().map((entry) -> entry.get("id").asLong()).toList();
	}

	@Test
	void everyEntryComesBackInIdOrderThoughTheWindowHoldsOneHundred() {
		List<Long> all = ids(this.api.entries("limit=10000"));
		assertThat(all).hasSize(2 * PER_APP).isSorted().doesNotHaveDuplicates();
		assertThat(all.get(all.size() - 1) - all.get(0)).isEqualTo(2 * PER_APP - 1);
	}

	@Test
	void pagesBackAndForthAcrossTheWindowsEdge() {
		List<Long> all = ids(this.api.entries("limit=10000"));
		long middle = all.get(all.size() - 150);
		assertThat(ids(this.api.entries("before=" + middle + "&limit=300")))
			.isEqualTo(all.subList(all.size() - 450, all.size() - 150));
		assertThat(ids(this.api.entries("after=" + all.get(10) + "&limit=1000")))
			.isEqualTo(all.subList(11, 1011));
		assertThat(ids(this.api.entries("after=" + all.get(10) + "&before=" + all.get(20))))
			.isEqualTo(all.subList(11, 20));
	}

	@Test
	void filtersApplyToStoredEntries() {
		List<JsonNode> overdue = this.api.entries("source=billing&level=WARN&limit=10000&q=INVOICE%201");
		assertThat(overdue).isNotEmpty()
			.allSatisfy((entry) -> assertThat(entry.get("message").asString()).startsWith("invoice 1"));
		assertThat(overdue).hasSize((int) LongStream.rangeClosed(1, PER_APP)
			.filter((i) -> ("invoice " + i + " overdue").contains("invoice 1"))
			.count());
		List<JsonNode> traced = this.api.entries("mdc.traceId=trace-3&logger=com.shop&limit=10000");
		assertThat(traced).hasSize((int) LongStream.rangeClosed(1, PER_APP).filter((i) -> i % 7 == 3).count());
		assertThat(this.api.entries("q=order%20%5B0-9%5D*5%20placed&regex=true&limit=10000")).hasSize(PER_APP / 10);
		assertThat(this.api.entries("from=-1h&to=now&limit=10000")).hasSize(2 * PER_APP);
		assertThat(this.api.entries("to=-1h")).isEmpty();
	}

	@Test
	void oldEntriesAndTheirContextComeFromTheStore() {
		List<JsonNode> all = this.api.entries("limit=10000");
		JsonNode old = all.stream().filter((entry) -> entry.get("source").get("app").asString().equals("shop")).skip(50)
			.findFirst().orElseThrow();
		long id = old.get("id").asLong();
		assertThat(this.api.get("/api/entries/" + id).get("message").asString())
			.isEqualTo(old.get("message").asString());
		JsonNode context = this.api.get("/api/entries/" + id + "/context?lines=3");
		assertThat(context).hasSize(7);
		assertThat(context.get(3).get("id").asLong()).isEqualTo(id);
		context.forEach((entry) -> assertThat(entry.get("source").get("app").asString()).isEqualTo("shop"));
		assertThat(this.api.send("/api/entries/999999999/context").statusCode()).isEqualTo(404);
	}

	@Test
	void histogramCountsEveryEntryByLevel() {
		JsonNode histogram = this.api.get("/api/histogram?buckets=10&from=-1h");
		long info = 0;
		long warn = 0;
		for (JsonNode bucket : histogram.get("buckets")) {
			info += bucket.get("levels").path("INFO").asLong(0);
			warn += bucket.get("levels").path("WARN").asLong(0);
		}
		assertThat(histogram.get("buckets")).hasSize(10);
		assertThat(info).isEqualTo(PER_APP);
		assertThat(warn).isEqualTo(PER_APP);
		assertThat(histogram.get("complete").asBoolean()).isTrue();
		JsonNode shopOnly = this.api.get("/api/histogram?buckets=1&source=shop&from=-1h");
		assertThat(shopOnly.get("buckets").get(0).get("total").asLong()).isEqualTo(PER_APP);
	}

	@Test
	void fieldsListTheMostFrequentValues() {
		JsonNode fields = this.api.get("/api/fields?from=-1h").get("fields");
		assertThat(fields.get("source.app")).extracting((value) -> value.get("value").asString())
			.containsExactlyInAnyOrder("shop", "billing");
		assertThat(fields.get("logger").get(0).get("count").asLong()).isEqualTo(PER_APP);
		assertThat(fields.get("mdc.traceId")).hasSize(7);
	}

	@Test
	void statsShowTheStore() {
		JsonNode store = this.api.stats().get("store");
		assertThat(store.get("type").asString()).isEqualTo("embedded");
		assertThat(store.get("entries").asLong()).isGreaterThanOrEqualTo(2 * PER_APP);
		assertThat(store.get("bytes").asLong()).isPositive();
		assertThat(store.get("notStored").asLong()).isZero();
		assertThat(store.get("oldest").isNull()).isFalse();
		assertThat(store.get("lastError").isNull()).isTrue();
	}

	@Test
	void healthCoversTheSubscriberAndTheStore() {
		JsonNode health = this.api.get("/actuator/health");
		assertThat(health.get("status").asString()).isEqualTo("UP");
		JsonNode viewer = health.get("components").get("viewer").get("details");
		assertThat(viewer.get("subscriber").get("receiving").asBoolean()).isTrue();
		assertThat(viewer.get("store").get("type").asString()).isEqualTo("embedded");
		assertThat(viewer.get("store").get("writing").asBoolean()).isTrue();
	}

	@Test
	void badTimesAreAnsweredWithAReason() {
		assertThat(this.api.send("/api/entries?from=yesterday-ish").statusCode()).isEqualTo(400);
		assertThat(this.api.send("/api/histogram?buckets=0").statusCode()).isEqualTo(400);
		assertThat(this.api.send("/api/entries/1/context?lines=-1").statusCode()).isEqualTo(400);
	}

	@BeforeAll
	static void clean() {
		published = false;
	}

}
