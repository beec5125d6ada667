package dev.zmqlog.viewer;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * pyzmq's own {@code PUBHandler} publishing to the viewer: a Python script binds (pyzmq's
 * habit), the viewer connects, and the HTTP API shows every record with its level
 * normalised and its subtopic, and filters them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PyzmqPublisherIntegrationTest {

	private static final String ENDPOINT = FreePorts.endpoint();

	/** pyzmq's default formats name the file and line of the call. */
	private static final String AT = "pyzmq_shop\\.py:\\d+ - ";

	private static RunningProcess shop;

	@LocalServerPort
	private int port;

	private ViewerApi api;

	@DynamicPropertySource
	static void viewerConnectsToTheShop(DynamicPropertyRegistry registry) {
		registry.add("zmq.log.viewer.endpoints", () -> ENDPOINT);
		registry.add("zmq.log.viewer.mode", () -> "connect");
	}

	@BeforeAll
	static void startShop() {
		// it waits for the viewer's subscription, which comes once the context is up
		shop = Python.script("viewer/pyzmq_shop.py", ENDPOINT);
	}

	@AfterAll
	static void stopShop() {
		shop.close();
	}

	@BeforeEach
	void awaitEverything() {
		this.api = new ViewerApi(this.port);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.api.entries()).as(shop::output).hasSize(7));
	}

	@Test
	void everyRecordArrivesWithItsTopicNormalisedLevelAndMessage() {
		List<JsonNode> entries = this.api.entries();
		assertThat(entries).extracting((entry) -> entry.get("topic").asString())
			.containsExactly("shop.DEBUG", "shop.INFO", "shop.INFO.db.pool", "shop.WARNING",
					"shop.ERROR.payments.card", "shop.ERROR", "shop.CRITICAL");
		assertThat(entries).extracting((entry) -> entry.get("level").asString())
			.containsExactly("DEBUG", "INFO", "INFO", "WARN", "ERROR", "ERROR", "FATAL");
		assertThat(entries).extracting((entry) -> entry.get("message").asString())
			.satisfiesExactly((text) -> assertThat(text).matches("DEBUG " + AT + "cart 42 has 3 items"),
					(text) -> assertThat(text).isEqualTo("order 42 placed"),
					(text) -> assertThat(text).isEqualTo("pool exhausted, waiting"),
					(text) -> assertThat(text).matches("WARNING " + AT + "Stock low for SKU A-7"),
					(text) -> assertThat(text).matches("ERROR " + AT + "card declined for order 42 - None"),
					(text) -> assertThat(text).matches("ERROR " + AT + "refund failed - \\(<class 'ZeroDivisionError'>.*\\)"),
					(text) -> assertThat(text).matches("CRITICAL " + AT + "shutting down"));
		// the traceback of logger.exception(..) becomes the entry's exception; no other record has one
		assertThat(entries).extracting((entry) -> entry.get("exception").isNull())
			.containsExactly(true, true, true, true, true, false, true);
		assertThat(entries.get(5).get("exception").asString()).matches(
				"(?s)Traceback \\(most recent call last\\):\n.*\nZeroDivisionError: division by zero");
		assertThat(entries).extracting((entry) -> entry.get("id").asLong()).isSorted().doesNotHaveDuplicates();
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.get("kind").asString()).isEqualTo("TEXT");
			// pyzmq's text names no logger and no source
			assertThat(entry.get("logger").isNull()).isTrue();
			assertThat(entry.get("source").isNull()).isTrue();
			assertThat(entry.get("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
		});
		assertThat(shop.awaitExit(Duration.ofSeconds(10))).as(shop::output).isZero();
	}

	@Test
	void topicsAreCountedAsTheyCameOnTheWire() {
		JsonNode topics = this.api.get("/api/topics");
		assertThat(topics).extracting((topic) -> topic.get("topic").asString() + "=" + topic.get("count").asLong())
			.containsExactly("shop.CRITICAL=1", "shop.DEBUG=1", "shop.ERROR=1", "shop.ERROR.payments.card=1",
					"shop.INFO=1", "shop.INFO.db.pool=1", "shop.WARNING=1");
	}

	@Test
	void levelFilterKeepsThatLevelAndAbove() {
		assertThat(messagesOf("level=WARN")).hasSize(4)
			.allSatisfy((text) -> assertThat(text).matches("(?s)(WARNING|ERROR|CRITICAL) .*"));
		assertThat(levelsOf("level=ERROR")).containsExactly("ERROR", "ERROR", "FATAL");
		assertThat(levelsOf("level=critical")).containsExactly("FATAL");
		assertThat(levelsOf("level=TRACE")).hasSize(7);
	}

	@Test
	void topicFilterIsAPrefix() {
		assertThat(messagesOf("topic=shop.INFO")).containsExactly("order 42 placed", "pool exhausted, waiting");
		assertThat(messagesOf("topic=shop.INFO.db")).containsExactly("pool exhausted, waiting");
		assertThat(messagesOf("topic=warehouse")).isEmpty();
	}

	@Test
	void repeatedTopicsMatchAnyOfThem() {
		assertThat(levelsOf("topic=shop.DEBUG&topic=shop.CRITICAL")).containsExactly("DEBUG", "FATAL");
		assertThat(levelsOf("topic=shop.INFO.db&topic=shop.ERROR.payments&level=ERROR")).containsExactly("ERROR");
	}

	@Test
	void queryIsACaseInsensitiveSubstring() {
		assertThat(messagesOf("q=sTOCK%20LOW")).singleElement().asString().endsWith("Stock low for SKU A-7");
		assertThat(messagesOf("q=divisionby")).isEmpty();
		assertThat(messagesOf("q=DIVISION%20BY")).singleElement().asString().startsWith("ERROR ");
		assertThat(messagesOf("q=ORDER%2042")).hasSize(2);
	}

	@Test
	void limitKeepsTheNewestOldestFirst() {
		assertThat(levelsOf("limit=2")).containsExactly("ERROR", "FATAL");
		assertThat(levelsOf("limit=1&level=INFO&topic=shop.INFO")).containsExactly("INFO");
		assertThat(messagesOf("limit=1&topic=shop.INFO")).containsExactly("pool exhausted, waiting");
	}

	@Test
	void unknownLevelIsABadRequestWithTheReason() {
		HttpResponse<String> response = this.api.send("/api/entries?level=LOUD");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(ViewerApi.JSON.readTree(response.body()).get("error").asString()).contains("LOUD")
			.contains("TRACE, DEBUG, INFO, WARN, ERROR, FATAL");
	}

	@Test
	void limitBelowOneIsABadRequest() {
		HttpResponse<String> response = this.api.send("/api/entries?limit=0");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(ViewerApi.JSON.readTree(response.body()).get("error").asString()).contains("limit");
	}

	private List<String> messagesOf(String query) {
		return this.api.entries(query).stream().map((entry) -> entry.get("message").asString()).toList();
	}

	private List<String> levelsOf(String query) {
		return this.api.entries(query).stream().map((entry) -> entry.get("level").asString()).toList();
	}

}
