package dev.zmqlog.viewer;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
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
 * {@code /api/sources} fed over a real socket by pyzmq: a real publisher loses 50 events,
 * 100,000 invented instance ids flood the table, and the real publisher's old numbers are
 * sent again; its {@code lost} stays 50, in its row and in {@code /api/stats}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SourcesTest {

	private static final String ENDPOINT = FreePorts.endpoint();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void viewerBinds(DynamicPropertyRegistry registry) {
		registry.add("zmq.log.viewer.endpoints", () -> ENDPOINT);
		registry.add("zmq.log.viewer.mode", () -> "bind");
		registry.add("zmq.log.viewer.sources-max-memory", () -> "1MB");
	}

	@Test
	void fakeSourcesAndReplayedNumbersLeaveARealSourcesLossUnchanged() {
		ViewerApi api = new ViewerApi(this.port);
		try (RunningProcess publisher = Python.script("viewer/fake_sources_publisher.py", ENDPOINT)) {
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(api.entries("q=done&limit=1")).as(publisher::output).hasSize(1));
		}

		List<JsonNode> sources = StreamSupport.stream(api.get("/api/sources").spliterator(), false).toList();
		JsonNode real = sources.stream().filter((row) -> "real-instance".equals(row.get("instance").asString()))
			.findFirst().orElseThrow();
		assertThat(real.get("app").asString()).isEqualTo("billing");
		assertThat(real.get("lost").asLong()).isEqualTo(50);
		assertThat(real.get("received").asLong()).isEqualTo(51 + 101 + 1);
		assertThat(sources).anySatisfy((row) -> assertThat(row.get("app").asString()).isEqualTo("(evicted sources)"));
		assertThat(sources.size()).as("rows kept within 1 MB").isLessThan(10_000);
		JsonNode stats = api.stats();
		assertThat(stats.get("lost").asLong()).isEqualTo(50);
		assertThat(stats.get("sourcesBytes").asLong()).isLessThanOrEqualTo(1 << 20);
		assertThat(stats.get("received").asLong()).isEqualTo(51 + 100_000 + 101 + 1);
	}

}
