package dev.zmqlog.viewer.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * Readers cannot stop the writer: while API requests run the costliest query there is (a
 * 4,000-character {@code q} over 2,000 entries of 8,000 characters, once 9.5 s under a
 * lock) and a browser follows with a 4,000-character filter fed 900 KB entries, a paced
 * publisher's 1,000 entries a second reach the API and an unfiltered browser within a
 * second, 99 times in 100.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ReaderIsolationTest {

	private static final String ENDPOINT = FreePorts.endpoint();

	private static final int PACED_PER_SECOND = 1_000;

	private static final int PACED_SECONDS = 4;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void viewerBinds(DynamicPropertyRegistry registry) {
		registry.add("zmq.log.viewer.endpoints", () -> ENDPOINT);
		registry.add("zmq.log.viewer.mode", () -> "bind");
	}

	@Test
	void pacedEntriesArriveWithinASecondWhileCostlyReadersRun() throws Exception {
		ViewerApi api = new ViewerApi(this.port);
		try (InProcessPublisher publisher = InProcessPublisher.connect(ENDPOINT, "iso", (appender) -> {
			appender.setFormat("%msg");
			appender.setQueueSize(10_000);
			appender.setOverflow("block");
		})) {
			Logger bulk = publisher.logger("bulk");
			String longText = "b".repeat(8_000);
			for (int i = 0; i < 2_000; i++) {
				bulk.info("{} {}", i, longText);
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> api.stats().get("received").asLong() >= 2_000);

			String costly = URLEncoder.encode("b".repeat(3_999) + "z", StandardCharsets.UTF_8);
			// a browser following live, and one whose every evaluation is as costly as it gets
			try (StreamClient follower = StreamClient.connect(this.port, "after=" + api.lastId());
					StreamClient filtering = StreamClient.connect(this.port, "q=" + costly)) {
				List<Long> queryMillis = Collections.synchronizedList(new ArrayList<>());
				AtomicBoolean reading = new AtomicBoolean(true);
				List<Thread> readers = new ArrayList<>();
				for (int r = 0; r < 2; r++) {
					readers.add(start("costly-query", () -> {
						while (reading.get()) {
							long started = System.nanoTime();
							api.send("/api/entries?limit=10000&q=" + costly);
							queryMillis.add((System.nanoTime() - started) / 1_000_000);
						}
					}));
				}
				Map<Long, Long> apiArrival = new ConcurrentHashMap<>();
				AtomicLong apiSeen = new AtomicLong(api.lastId());
				readers.add(start("api-poller", () -> {
					while (reading.get()) {
						List<JsonNode> fresh = api.entries("topic=iso.INFO.paced&limit=10000&after=" + apiSeen.get());
						long now = System.nanoTime();
						for (JsonNode entry : fresh) {
							apiArrival.put(sentNanos(entry), now);
							apiSeen.set(entry.get("id").asLong());
						}
						pause(Duration.ofMillis(10));
					}
				}));

				Logger paced = publisher.logger("paced");
				Logger big = publisher.logger("big");
				List<Long> sent = new ArrayList<>();
				long start = System.nanoTime();
				for (int i = 0; i < PACED_PER_SECOND * PACED_SECONDS; i++) {
					long due = start + i * (1_000_000_000L / PACED_PER_SECOND);
					while (System.nanoTime() < due) {
						Thread.onSpinWait();
					}
					long now = System.nanoTime();
					paced.info("paced::{}", now);
					sent.add(now);
					if (i % 800 == 0) {
						// what the filtering browser's filter must read through
						big.info("{}", "b".repeat(900_000));
					}
				}
				await().atMost(Duration.ofSeconds(30))
					.until(() -> apiArrival.size() == sent.size() && paced(follower).size() == sent.size());
				reading.set(false);
				for (Thread reader : readers) {
					reader.join(TimeUnit.SECONDS.toMillis(30));
				}

				List<Long> apiLatency = latencies(sent, apiArrival);
				List<Long> browserLatency = new ArrayList<>();
				for (JsonNode entry : paced(follower)) {
					browserLatency.add(follower.arrivalNanos(entry.get("id").asLong()) - sentNanos(entry));
				}
				System.out.printf("reader isolation: API p99 %d ms, browser p99 %d ms, costly queries %s ms, "
						+ "filtering browser got %d entries, skipped %d%n", p99(apiLatency), p99(browserLatency),
						queryMillis, filtering.entries().size(), filtering.skipped());
				assertThat(queryMillis).as("costly queries ran meanwhile").isNotEmpty();
				assertThat(p99(apiLatency)).as("p99 ms to the API").isLessThan(1_000);
				assertThat(p99(browserLatency)).as("p99 ms to the unfiltered browser").isLessThan(1_000);
				assertThat(follower.skipped()).isZero();
			}
		}
	}

	private static List<JsonNode> paced(StreamClient browser) {
		return browser.entries().stream().filter((entry) -> entry.get("topic").asString().equals("iso.INFO.paced")).toList();
	}

	private static long sentNanos(JsonNode entry) {
		return Long.parseLong(entry.get("message").asString());
	}

	private static List<Long> latencies(List<Long> sent, Map<Long, Long> arrival) {
		return sent.stream().map((nanos) -> arrival.get(nanos) - nanos).toList();
	}

	private static long p99(List<Long> nanos) {
		List<Long> sorted = nanos.stream().sorted().toList();
		return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99))) / 1_000_000;
	}

	private static Thread start(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/** Paces the poller; not a synchronisation. */
	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
