package dev.zmqlog.viewer;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.viewer.store.JdbcStore;
import dev.zmqlog.viewer.store.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PRODUCT.md §5.6: two viewers on one PostgreSQL, each subscribed on its own to a pyzmq
 * publisher (text records through {@code PUBHandler}) and a zmqlog json publisher; the
 * writing viewer is killed with {@code kill -9} in the middle of the stream. The other
 * takes over, and the stored history, paged through the survivor's {@code /api/entries},
 * has every json event exactly once ({@code seq} 1..N, ids increasing with it) and every
 * text record, once.
 */
class SharedHistoryTest {

	/** Events a second from each publisher. */
	private static final int JSON_RATE = 500;

	private static final int TEXT_RATE = 250;

	private static RunningProcess viewer(int httpPort, String endpoints, TestDatabase database) {
		return ChildJvm.main(ZmqLogViewer.class)
			.args("--server.port=" + httpPort, "--zmq.log.viewer.endpoints=" + endpoints,
					"--zmq.log.viewer.mode=connect", "--zmq.log.viewer.store.type=jdbc",
					"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
					"--spring.datasource.password=" + database.password())
			.start();
	}

	private static void awaitUp(ViewerApi api, RunningProcess viewer) {
		await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(UncheckedIOException.class)
			.failFast(() -> !viewer.handle().isAlive())
			.until(() -> api.send("/api/stats").statusCode() == 200);
	}

	private static JsonNode shared(ViewerApi api) {
		return api.stats().get("store").get("shared");
	}

	private static long received(ViewerApi api) {
		return api.stats().get("received").asLong();
	}

	/** Every entry, oldest first, paged back from the newest with {@code before}. */
	private static List<JsonNode> everyEntry(ViewerApi api) {
		List<JsonNode> newestFirst = new ArrayList<>();
		long before = Long.MAX_VALUE;
		while (true) {
			List<JsonNode> page = api.entries("limit=5000" + ((before != Long.MAX_VALUE) ? "&before=" + before : ""));
			if (page.isEmpty()) {
				break;
			}
			for (int i = page.size() - 1; i >= 0; i--) {
				newestFirst.add(page.get(i));
			}
			before = page.get(0).get("id").asLong();
		}
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	@Test
	void theWritersDeathLosesNothingTheOtherReceived() throws Exception {
		long started = System.nanoTime();
		String jsonEndpoint = FreePorts.endpoint();
		String textEndpoint = FreePorts.endpoint();
		String endpoints = jsonEndpoint + "," + textEndpoint;
		ViewerApi first = new ViewerApi(FreePorts.next());
		ViewerApi second = new ViewerApi(FreePorts.next());
		AtomicBoolean streaming = new AtomicBoolean(true);
		AtomicInteger jsonLogged = new AtomicInteger();
		try (TestDatabase database = TestDatabase.create();
				RunningProcess writer = viewer(first.port(), endpoints, database)) {
			awaitUp(first, writer);
			assertThat(shared(first).get("role").asString()).isEqualTo("writer");

			try (InProcessPublisher json = InProcessPublisher.bind(jsonEndpoint, "shop", (appender) -> {
				appender.setPayload("json");
				appender.setOverflow("block");
			}); RunningProcess text = Python.script("viewer/pyzmq_stream.py", textEndpoint, String.valueOf(TEXT_RATE))) {
				Thread stream = new Thread(() -> {
					long start = System.nanoTime();
					for (int i = 1; streaming.get(); i++) {
						json.logger("com.shop.Orders").info("json {}", i);
						jsonLogged.set(i);
						long due = start + i * 1_000_000_000L / JSON_RATE;
						while (System.nanoTime() < due) {
							Thread.onSpinWait();
							if (due - System.nanoTime() > 1_000_000) {
								try {
									Thread.sleep(1);
								}
								catch (InterruptedException ex) {
									return;
								}
							}
						}
					}
				}, "json-stream");
				stream.start();
				await().atMost(Duration.ofSeconds(30)).until(() -> received(first) > 500);

				try (RunningProcess standby = viewer(second.port(), endpoints, database)) {
					awaitUp(second, standby);
					assertThat(shared(second).get("role").asString()).isEqualTo("standby");
					// a standby answers history for what the writer stored before it even started
					JsonNode oldest = second.entries("after=0&limit=1").get(0);
					assertThat(oldest.get("message").asString()).isIn("json 1", "text 1");
					long receivedBySecond = received(second);
					await().atMost(Duration.ofSeconds(30)).until(() -> received(second) > receivedBySecond + 2_000);

					// while standing by, its list is the store up to the writer's last commit, then its own window
					List<JsonNode> standbyView = everyEntry(second);
					Map<Long, Integer> standbySeqs = new HashMap<>();
					long standbyPrevious = Long.MIN_VALUE;
					for (JsonNode entry : standbyView) {
						assertThat(entry.get("id").asLong()).as("ids increase on the standby too").isGreaterThan(standbyPrevious);
						standbyPrevious = entry.get("id").asLong();
						if (entry.get("message").asString().startsWith("json ")) {
							standbySeqs.merge(entry.get("seq").asLong(), 1, Integer::sum);
						}
					}
					System.out.printf("standby's view: %d entries listed, json seq %d distinct, %d repeated at the seam, "
							+ "highest %d%n", standbyView.size(), standbySeqs.size(),
							standbySeqs.values().stream().filter((count) -> count > 1).count(),
							standbySeqs.keySet().stream().mapToLong(Long::longValue).max().orElse(0));

					// kill -9 the writer in the middle of the stream
					int jsonAtKill = jsonLogged.get();
					long killedAt = System.nanoTime();
					writer.handle().destroyForcibly();
					writer.awaitExit(Duration.ofSeconds(10));
					await().atMost(Duration.ofSeconds(15))
						.until(() -> shared(second).get("role").asString().equals("writer"));
					long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
					long receivedAfterTakeover = received(second);
					await().atMost(Duration.ofSeconds(30)).until(() -> received(second) > receivedAfterTakeover + 1_500);

					streaming.set(false);
					stream.join();
					text.writeLine("stop");
					await().atMost(Duration.ofSeconds(10)).until(() -> text.stdoutLines().stream().anyMatch((line) -> line.startsWith("sent ")));
					int textSent = Integer.parseInt(text.stdoutLines().stream().filter((line) -> line.startsWith("sent "))
						.findFirst().orElseThrow().substring(5));
					int jsonSent = jsonLogged.get();
					assertThat(json.appender().getDroppedCount()).isZero();
					await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
						long shopReceived = 0;
						for (JsonNode row : second.get("/api/sources")) {
							shopReceived += row.get("app").asString().equals("shop") ? row.get("received").asLong() : 0;
						}
						assertThat(shopReceived).isGreaterThanOrEqualTo(jsonSent - jsonAtKill);
						assertThat(second.stats().get("store").get("committedId").asLong()).isEqualTo(second.lastId());
					});

					List<JsonNode> history = everyEntry(second);
					Map<Long, Integer> seqs = new TreeMap<>();
					Map<Integer, Integer> texts = new HashMap<>();
					long previousId = Long.MIN_VALUE;
					long previousJsonId = Long.MIN_VALUE;
					long fromFirst = 0;
					for (JsonNode entry : history) {
						long id = entry.get("id").asLong();
						assertThat(id).as("ids increase").isGreaterThan(previousId);
						previousId = id;
						fromFirst += (id < JdbcStore.STANDBY_HEADROOM) ? 1 : 0;
						String message = entry.get("message").asString();
						if (message.startsWith("json ")) {
							long seq = entry.get("seq").asLong();
							seqs.merge(seq, 1, Integer::sum);
							assertThat(id).as("ids increase with seq").isGreaterThan(previousJsonId);
							previousJsonId = id;
						}
						else if (message.startsWith("text ")) {
							texts.merge(Integer.parseInt(message.substring(5)), 1, Integer::sum);
						}
					}
					long jsonRepeats = seqs.values().stream().filter((count) -> count > 1).count();
					long textRepeats = texts.values().stream().filter((count) -> count > 1).count();
					List<Integer> textMissing = new ArrayList<>();
					for (int n = 1; n <= textSent; n++) {
						if (!texts.containsKey(n)) {
							textMissing.add(n);
						}
					}
					JsonNode sharedStats = shared(second);
					long stored;
					try (Connection connection = database.dataSource().getConnection();
							Statement statement = connection.createStatement();
							ResultSet count = statement.executeQuery("SELECT count(*) FROM zmqlog_entries")) {
						count.next();
						stored = count.getLong(1);
					}
					JsonNode histogram = second.get("/api/histogram?buckets=10&from=2000-01-01T00:00:00Z");
					long counted = 0;
					for (JsonNode bucket : histogram.get("buckets")) {
						counted += bucket.get("total").asLong();
					}
					System.out.printf("shared history: json sent %d (%d before the kill), text sent %d; stored rows %d, "
							+ "listed by the survivor %d (%d under the dead writer's ids); json seq %d..%d, %d distinct, "
							+ "%d repeated; text %d distinct, %d repeated, %d missing %s; takeover %d ms after kill -9; "
							+ "gap filled %d, already stored %d; histogram total %d; %.1f s%n", jsonSent, jsonAtKill,
							textSent, stored, history.size(), fromFirst, seqs.isEmpty() ? 0 : ((TreeMap<Long, Integer>) seqs).firstKey(),
							seqs.isEmpty() ? 0 : ((TreeMap<Long, Integer>) seqs).lastKey(), seqs.size(), jsonRepeats,
							texts.size(), textRepeats, textMissing.size(), textMissing, takeoverMillis,
							sharedStats.get("gapFilled").asLong(), sharedStats.get("gapAlreadyStored").asLong(), counted,
							(System.nanoTime() - started) / 1e9);

					assertThat(seqs.keySet()).as("every json event, by seq").hasSize(jsonSent)
						.allMatch((seq) -> seq >= 1 && seq <= jsonSent);
					assertThat(jsonRepeats).as("json events stored twice").isZero();
					assertThat(textMissing).as("text records missing").isEmpty();
					assertThat(textRepeats).as("text records stored twice").isZero();
					assertThat(history).hasSize((int) stored);
					assertThat(counted).as("the histogram counts the same history").isEqualTo(stored);
					assertThat(sharedStats.get("takeovers").asLong()).isEqualTo(1);
					assertThat(sharedStats.get("gapFilled").asLong()).isPositive();
					assertThat(second.get("/actuator/health").get("status").asString()).isEqualTo("UP");
					assertThat(standby.output()).contains("Took over writing the shared history");
				}
			}
			finally {
				streaming.set(false);
			}
		}
	}

}
