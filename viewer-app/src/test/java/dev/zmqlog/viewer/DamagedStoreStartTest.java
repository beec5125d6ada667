package dev.zmqlog.viewer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import dev.zmqlog.testing.FreePorts;
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
 * A viewer whose store folder holds garbage starts anyway: the folder is moved aside, a
 * fresh store takes the entries, and {@code /api/stats} says what happened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DamagedStoreStartTest {

	private static final String ENDPOINT = FreePorts.endpoint();

	private static Path parent;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void garbageStore(DynamicPropertyRegistry registry) throws Exception {
		parent = Files.createTempDirectory("zmqlog-damaged-start");
		Path folder = Files.createDirectories(parent.resolve("zmqlog-data"));
		byte[] garbage = new byte[4096];
		new Random(3).nextBytes(garbage);
		Files.write(folder.resolve("segments_4"), garbage);
		Files.write(folder.resolve("_0.cfs"), garbage);
		registry.add("zmq.log.viewer.endpoints", () -> ENDPOINT);
		registry.add("zmq.log.viewer.mode", () -> "bind");
		registry.add("zmq.log.viewer.store.type", () -> "embedded");
		registry.add("zmq.log.viewer.store.path", () -> folder.toString());
	}

	@Test
	void garbageIsMovedAsideAndAFreshStoreTakesTheEntries() throws Exception {
		ViewerApi api = new ViewerApi(this.port);
		JsonNode store = api.stats().get("store");
		assertThat(store.get("lastError").asString()).contains("could not be read").contains("zmqlog-data.damaged-");
		try (var moved = Files.list(parent)) {
			assertThat(moved.map((path) -> path.getFileName().toString()))
				.anySatisfy((name) -> assertThat(name).startsWith("zmqlog-data.damaged-"));
		}
		try (InProcessPublisher shop = InProcessPublisher.connect(ENDPOINT, "shop",
				(appender) -> appender.setPayload("json"))) {
			shop.logger("com.shop.Orders").info("after the damage");
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(api.stats().get("store").get("committedId").asLong()).isEqualTo(1));
		}
		assertThat(api.get("/api/entries/1").get("message").asString()).isEqualTo("after the damage");
	}

}
