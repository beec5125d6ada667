package dev.zmqlog.viewer.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Logger;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.viewer.InProcessPublisher;
import dev.zmqlog.viewer.ViewerApi;
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
 * Browsers connecting and leaving as fast as three threads can make them, each asking for
 * the backlog of 5,000 entries: a paced publisher's 1,000 entries a second still reach a
 * browser that follows along within a second, 99 times in 100.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ReconnectStormTest {

	private static final String ENDPOINT = FreePorts.endpoint();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void viewerBinds(DynamicPropertyRegistry registry) {
		registry.add("zmq.log.viewer.endpoints", () -> ENDPOINT);
		registry.add("zmq.log.viewer.mode", () -> "bind");
	}

	@Test
	void followingBrowserKeepsUpWhileOthersReconnectWithoutPause() throws Exception {
		ViewerApi api = new ViewerApi(this.port);
		try (InProcessPublisher publisher = InProcessPublisher.connect(ENDPOINT, "storm", (appender) -> {
			appender.setFormat("%msg");
			appender.setQueueSize(10_000);
			appender.setOverflow("block");
		})) {
			Logger backlog = publisher.logger("backlog");
			for (int i = 0; i < 5_000; i++) {
				backlog.info("{} {}", i, "b".repeat(300));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> api.stats().get("received").asLong() >= 5_000);

			try (StreamClient follower = StreamClient.connect(this.port, "after=" + api.lastId())) {
				AtomicBoolean storming = new AtomicBoolean(true);
				AtomicLong connects = new AtomicLong();
				List<Thread> storm = new ArrayList<>();
				for (int t = 0; t < 3; t++) {
					Thread thread = new Thread(() -> {
						while (storming.get()) {
							StreamClient.connect(this.port, "").close();
							connects.incrementAndGet();
						}
					}, "reconnecting-browser");
					thread.setDaemon(true);
					thread.start();
					storm.add(thread);
				}
				Logger paced = publisher.logger("paced");
				List<Long> sent = new ArrayList<>();
				long start = System.nanoTime();
				for (int i = 0; i < 3_000; i++) {
					long due = start + i * 1_000_000L;
					while (System.nanoTime() < due) {
						Thread.onSpinWait();
					}
					long now = System.nanoTime();
					paced.info("paced::{}", now);
					sent.add(now);
				}
				await().atMost(Duration.ofSeconds(30)).until(() -> paced(follower).size() == sent.size());
				storming.set(false);
				for (Thread thread : storm) {
					thread.join(TimeUnit.SECONDS.toMillis(30));
				}

				List<Long> latencies = new ArrayList<>();
				for (JsonNode entry : paced(follower)) {
					latencies.add(follower.arrivalNanos(entry.get("id").asLong())
							- Long.parseLong(entry.get("message").asString()));
				}
				long p99 = latencies.stream().sorted().toList().get(latencies.size() * 99 / 100) / 1_000_000;
				System.out.printf("reconnect storm: %d connects in %d ms, following browser p99 %d ms%n",
						connects.get(), (System.nanoTime() - start) / 1_000_000, p99);
				assertThat(connects.get()).as("browsers that came and went").isGreaterThan(50);
				assertThat(p99).as("p99 ms to the following browser").isLessThan(1_000);
				assertThat(follower.skipped()).isZero();
			}
		}
	}

	private static List<JsonNode> paced(StreamClient browser) {
		return browser.entries().stream().filter((entry) -> entry.get("topic").asString().equals("storm.INFO.paced")).toList();
	}

}
