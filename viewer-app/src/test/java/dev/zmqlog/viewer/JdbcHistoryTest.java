package dev.zmqlog.viewer;

import java.time.Duration;
import java.util.List;

import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.viewer.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The viewer with {@code store.type=jdbc} on a real PostgreSQL through Spring Boot's
 * DataSource: entries beyond the window come back from the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class JdbcHistoryTest {

	private static final String ENDPOINT = FreePorts.endpoint();

	private static TestDatabase database;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void createDatabase() {
		database = TestDatabase.create();
	}

	@AfterAll
	static void dropDatabase() {
		if (database != null) {
			database.close();
		}
	}

	@DynamicPropertySource
	static void viewerWithDatabase(DynamicPropertyRegistry registry) {
		registry.add("zmq.log.viewer.endpoints", () -> ENDPOINT);
		registry.add("zmq.log.viewer.mode", () -> "bind");
		registry.add("zmq.log.viewer.history-size", () -> "10");
		registry.add("zmq.log.viewer.store.type", () -> "jdbc");
		registry.add("spring.datasource.url", () -> database.url());
		registry.add("spring.datasource.username", () -> database.user());
		registry.add("spring.datasource.password", () -> database.password());
	}

	@Test
	void entriesBeyondTheWindowComeFromTheDatabase() {
		ViewerApi api = new ViewerApi(this.port);
		try (InProcessPublisher shop = InProcessPublisher.connect(ENDPOINT, "shop",
				(appender) -> appender.setPayload("json"))) {
			for (int i = 1; i <= 100; i++) {
				shop.logger("com.shop.Orders").info("order {} placed", i);
			}
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(api.stats().get("store").get("committedId").asLong()).isEqualTo(100));
		}
		List<JsonNode> all = api.entries("limit=1000");
		assertThat(all).extracting((entry) -> entry.get("message").asString()).first().isEqualTo("order 1 placed");
		assertThat(all).hasSize(100);
		assertThat(api.entries("q=ORDER%2042%20&limit=1000")).hasSize(1);
		JsonNode store = api.stats().get("store");
		assertThat(store.get("type").asString()).isEqualTo("jdbc");
		assertThat(store.get("entries").asLong()).isEqualTo(100);
		assertThat(store.get("notStored").asLong()).isZero();
	}

}
