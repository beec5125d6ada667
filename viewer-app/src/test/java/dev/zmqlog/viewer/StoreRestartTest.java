package dev.zmqlog.viewer;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.RunningProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The viewer killed with {@code kill -9} in the middle of a stream and started again on
 * the same store: it pages back through every entry received up to the last second before
 * the kill, with the same ids and texts, numbers new entries after them, and still shows
 * each source's {@code lost}. Entries: {@value #DEFAULT_ENTRIES} from three publishers, or
 * {@code -Dzmqlog.restart.entries=200000} for the figure.
 */
class StoreRestartTest {

	private static final int DEFAULT_ENTRIES = 30_000;

	private static final int ENTRIES = Integer.getInteger("zmqlog.restart.entries", DEFAULT_ENTRIES);

	/** Entries per second published. */
	private static final int RATE = 10_000;

	private static final List<String> APPS = List.of("orders", "billing", "lossy");

	@TempDir
	Path folder;

	private RunningProcess viewer(int httpPort, String endpoint) {
		return ChildJvm.main(ZmqLogViewer.class)
			// the optimising compiler, as the viewer runs, not a short-lived tool
			.jvmOption("-XX:TieredStopAtLevel=4")
			.args("--server.port=" + httpPort, "--zmq.log.viewer.endpoints=" + endpoint, "--zmq.log.viewer.mode=bind",
					"--zmq.log.viewer.store.type=embedded",
					"--zmq.log.viewer.store.path=" + this.folder.resolve("zmqlog-data"))
			.start();
	}

	private static InProcessPublisher publisher(String endpoint, String app) {
		return InProcessPublisher.connect(endpoint, app, (appender) -> {
			appender.setPayload("json");
			if (app.equals("lossy")) {
				// a queue of one drops what the I/O thread has not taken yet: a source with losses
				appender.setQueueSize(1);
			}
			else {
				appender.setOverflow("block");
			}
		});
	}

	/** Every entry, oldest first, paged back from the newest with {@code before}. */
	private static List<JsonNode> everyEntry(ViewerApi api) {
		List<JsonNode> newestFirst = new ArrayList<>();
		long before = Long.MAX_VALUE;
		while (true) {
			List<JsonNode> page = api.entries("limit=10000" + ((before != Long.MAX_VALUE) ? "&before=" + before : ""));
			if (page.isEmpty()) {
				break;
			}
			for (int i = page.size() - 1; i >= 0; i--) {
				newestFirst.add(page.get(i));
			}
			before = page.get(0).get("id").asLong();
		}
		List<JsonNode> oldestFirst = new ArrayList<>(newestFirst.size());
		for (int i = newestFirst.size() - 1; i >= 0; i--) {
			oldestFirst.add(newestFirst.get(i));
		}
		return oldestFirst;
	}

	private static Map<String, Long> lostByApp(ViewerApi api) {
		Map<String, Long> lost = new HashMap<>();
		api.get("/api/sources").forEach((row) -> lost.merge(row.get("app").asString(), row.get("lost").asLong(), Long::sum));
		return lost;
	}

	@Test
	void killedViewerComesBackWithItsHistoryIdsAndLosses() throws Exception {
		int httpPort = FreePorts.next();
		String endpoint = FreePorts.endpoint();
		ViewerApi api = new ViewerApi(httpPort);
		List<InProcessPublisher> publishers = new ArrayList<>();
		List<JsonNode> beforeKill;
		Map<String, Long> lostBeforeKill;
		Instant killedAt;
		AtomicBoolean streaming = new AtomicBoolean(true);
		Thread stream;
		try (RunningProcess first = viewer(httpPort, endpoint)) {
			await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(UncheckedIOException.class)
				.until(() -> api.send("/api/stats").statusCode() == 200);
			for (String app : APPS) {
				publishers.add(publisher(endpoint, app));
			}
			long start = System.nanoTime();
			for (int i = 0; i < ENTRIES / APPS.size(); i++) {
				for (InProcessPublisher publisher : publishers) {
					publisher.logger("com.example.Service").info("entry {} of the first run", i);
				}
				// a steady rate the store keeps up with: a faster burst is shed by design, and counted
				while (i % 100 == 0 && System.nanoTime() - start < (long) i * APPS.size() * 1_000_000_000L / RATE) {
					Thread.sleep(1);
				}
			}
			// a last event, once the lossy publisher's I/O thread took or dropped all, shows the gap by its seq
			InProcessPublisher lossy = publishers.get(2);
			await().atMost(Duration.ofSeconds(30)).until(() -> lossy.appender().getPublishedCount()
					+ lossy.appender().getDroppedCount() == ENTRIES / APPS.size());
			lossy.logger("com.example.Service").info("the lossy publisher's last");
			await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
				JsonNode sources = api.get("/api/sources");
				long accounted = 0;
				for (JsonNode row : sources) {
					accounted += row.get("received").asLong() + row.get("lost").asLong();
				}
				assertThat(accounted).as(sources::toString).isEqualTo(ENTRIES / APPS.size() * APPS.size() + 1);
			});
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
					api.stats().get("store").get("committedId").asLong()).isEqualTo(api.lastId()));
			assertThat(api.stats().get("store").get("notStored").asLong()).isZero();
			beforeKill = everyEntry(api);
			assertThat(beforeKill).hasSize((int) api.stats().get("received").asLong());
			lostBeforeKill = lostByApp(api);
			assertThat(lostBeforeKill.get("lossy")).as("the lossy publisher lost some").isPositive();
			// more entries while the viewer dies: the last second of them may be lost
			stream = new Thread(() -> {
				for (int i = 0; streaming.get(); i++) {
					publishers.get(0).logger("com.example.Service").info("entry {} while killed", i);
					try {
						Thread.sleep(1);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			stream.start();
			Thread.sleep(2_000);
			killedAt = Instant.now();
			first.handle().destroyForcibly();
			first.awaitExit(Duration.ofSeconds(10));
		}
		streaming.set(false);
		stream.join();

		try (RunningProcess second = viewer(httpPort, endpoint)) {
			await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(UncheckedIOException.class)
				.until(() -> api.send("/api/stats").statusCode() == 200);
			List<JsonNode> afterRestart = everyEntry(api);

			assertThat(afterRestart.size()).as(second::output).isGreaterThanOrEqualTo(beforeKill.size());
			for (int i = 0; i < beforeKill.size(); i++) {
				JsonNode was = beforeKill.get(i);
				JsonNode is = afterRestart.get(i);
				assertThat(is.get("id").asLong()).isEqualTo(was.get("id").asLong());
				assertThat(is.get("message").asString()).isEqualTo(was.get("message").asString());
				assertThat(is.get("seq").asLong()).isEqualTo(was.get("seq").asLong());
			}
			List<JsonNode> whileKilled = afterRestart.subList(beforeKill.size(), afterRestart.size());
			assertThat(whileKilled).as("entries of the last seconds before the kill").isNotEmpty();
			Instant lastStored = Instant.parse(whileKilled.get(whileKilled.size() - 1).get("received").asString());
			assertThat(Duration.between(lastStored, killedAt)).as("history lost at the kill")
				.isLessThan(Duration.ofMillis(1_500));
			assertThat(lostByApp(api)).containsAllEntriesOf(Map.of("billing", lostBeforeKill.get("billing"), "lossy",
					lostBeforeKill.get("lossy")));

			// the next entry continues after the highest id stored
			long highest = afterRestart.get(afterRestart.size() - 1).get("id").asLong();
			publishers.get(1).logger("com.example.Service").info("after the restart");
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(api.entries("q=after%20the%20restart")).hasSize(1));
			assertThat(api.entries("q=after%20the%20restart").get(0).get("id").asLong()).isGreaterThan(highest);
		}
		finally {
			publishers.forEach(InProcessPublisher::close);
		}
		assertThat(Files.list(this.folder)).hasSize(1);
	}

}
