package dev.zmqlog.viewer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
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
 * Python Logbook's {@code ZeroMQHandler(multi=True)}, which pushes over a PUSH socket that
 * connects, read by the viewer in {@code pull} mode: every record arrives with Logbook's
 * level, channel, formatted message, traceback and extra fields.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LogbookPushIntegrationTest {

	private static final String ENDPOINT = FreePorts.endpoint();

	private static RunningProcess logbookApp;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void viewerPullsOnTheEndpoint(DynamicPropertyRegistry registry) {
		registry.add("zmq.log.viewer.endpoints", () -> ENDPOINT);
		registry.add("zmq.log.viewer.mode", () -> "pull");
	}

	@BeforeAll
	static void startLogbookApp() {
		// its PUSH socket connects again every 100 ms until the viewer has bound, and holds the records
		logbookApp = Python.script("viewer/logbook_app.py", "push", ENDPOINT);
	}

	@AfterAll
	static void stopLogbookApp() {
		logbookApp.close();
	}

	@Test
	void everyPushedRecordArrivesAsLogbookShowsIt() {
		Instant started = Instant.now().minusSeconds(60);
		ViewerApi api = new ViewerApi(this.port);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(api.entries()).as(logbookApp::output).hasSize(4));
		assertThat(logbookApp.awaitExit(Duration.ofSeconds(10))).as(logbookApp::output).isZero();
		List<JsonNode> entries = api.entries();

		assertThat(entries).extracting((entry) -> entry.get("level").asString())
			.containsExactly("INFO", "WARN", "ERROR", "FATAL");
		assertThat(entries).extracting((entry) -> entry.get("logger").asString())
			.containsExactly("shop.orders", "shop.stock", "shop.payments", "shop");
		assertThat(entries).extracting((entry) -> entry.get("message").asString())
			.containsExactly("order 42 placed", "stock low", "payment failed", "shutting down");
		assertThat(entries).extracting((entry) -> entry.get("kind").asString()).containsOnly("STRUCTURED");
		assertThat(entries.get(0).get("mdc").get("user").asString()).isEqualTo("ada");
		assertThat(entries.get(2).get("exception").asString()).startsWith("Traceback (most recent call last):")
			.endsWith("ValueError: card declined");
		assertThat(entries.get(1).get("exception").isNull()).isTrue();
		assertThat(Instant.parse(entries.get(0).get("time").asString())).isAfter(started);
	}

}
