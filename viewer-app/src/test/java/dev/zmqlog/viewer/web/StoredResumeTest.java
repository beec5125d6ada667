package dev.zmqlog.viewer.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.viewer.InProcessPublisher;
import dev.zmqlog.viewer.ViewerApi;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the embedded store, ids outlive the viewer: a browser that comes back with an id
 * handed out by an earlier run of the viewer (another instance) resumes right after it,
 * from the store, instead of getting the backlog afresh.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class StoredResumeTest {

	private static final String ENDPOINT = FreePorts.endpoint();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void viewerWithStore(DynamicPropertyRegistry registry) throws Exception {
		Path folder = Files.createTempDirectory("zmqlog-stored-resume");
		registry.add("zmq.log.viewer.endpoints", () -> ENDPOINT);
		registry.add("zmq.log.viewer.mode", () -> "bind");
		registry.add("zmq.log.viewer.history-size", () -> "50");
		registry.add("zmq.log.viewer.store.type", () -> "embedded");
		registry.add("zmq.log.viewer.store.path", () -> folder.resolve("data").toString());
	}

	@Test
	void aBrowserOfAnEarlierRunResumesFromTheStore() {
		ViewerApi api = new ViewerApi(this.port);
		try (InProcessPublisher shop = InProcessPublisher.connect(ENDPOINT, "shop",
				(appender) -> appender.setPayload("json"))) {
			for (int i = 1; i <= 500; i++) {
				shop.logger("com.shop.Orders").info("order {}", i);
			}
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(api.stats().get("store").get("committedId").asLong()).isEqualTo(500));
		}
		try (StreamClient browser = StreamClient.connect(this.port, "after=100&instance=an-earlier-run")) {
			await().atMost(Duration.ofSeconds(10)).until(() -> browser.lastId() == 500);
			assertThat(browser.ids()).isEqualTo(LongStream.rangeClosed(101, 500).boxed().toList());
			assertThat(browser.skipped()).isZero();
		}
		try (StreamClient filtered = StreamClient.connect(this.port, "after=100&instance=an-earlier-run&q=order%2012")) {
			await().atMost(Duration.ofSeconds(10)).until(() -> filtered.ids().size() == 10);
			assertThat(filtered.messages()).isEqualTo(List.of("order 120", "order 121", "order 122", "order 123",
					"order 124", "order 125", "order 126", "order 127", "order 128", "order 129"));
		}
	}

}
