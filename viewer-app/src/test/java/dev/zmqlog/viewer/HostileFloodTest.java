package dev.zmqlog.viewer;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A viewer with default settings (the embedded store included) under {@code -Xmx256m}, flooded by a pyzmq publisher with
 * each input that once exhausted its heap: 1 MB messages at full speed, 400 distinct 1 MB
 * topics, 1 MB instance ids, 100,000-key MDC records, with a browser following the
 * whole stream. After each flood the viewer is up,
 * has never restarted its subscriber, keeps its tables within their budgets, and shows a
 * good message of another publisher within a second of its sending. The flood of large messages lasts
 * {@code -Dzmqlog.flood.seconds} (5 by default; the 60 by hand).
 */
class HostileFloodTest {

	private static final long FLOOD_SECONDS = Long.getLong("zmqlog.flood.seconds", 5);

	private static final String ENDPOINT = FreePorts.endpoint();

	private static final ViewerApi api = new ViewerApi(FreePorts.next());

	private static RunningProcess viewer;

	private static java.nio.file.Path storeFolder;

	/** A browser following everything, so that the floods go through the stream too. */
	private static WebSocket browser;

	private static final AtomicLong browserFrames = new AtomicLong();

	@BeforeAll
	static void startViewer() throws java.io.IOException {
		storeFolder = java.nio.file.Files.createTempDirectory("zmqlog-flood");
		viewer = ChildJvm.main(ZmqLogViewer.class)
			.jvmOption("-Xmx256m")
			.args("--server.port=" + api.port(), "--zmq.log.viewer.endpoints=" + ENDPOINT,
					"--zmq.log.viewer.mode=bind", "--zmq.log.viewer.store.type=embedded",
					"--zmq.log.viewer.store.path=" + storeFolder.resolve("zmqlog-data"))
			.start();
		await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(UncheckedIOException.class)
			.untilAsserted(() -> assertThat(api.stats().get("subscriber").get("receiving").asBoolean()).isTrue());
		browser = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create("ws://127.0.0.1:" + api.port() + "/api/stream"), new WebSocket.Listener() {

				@Override
				public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
					browserFrames.incrementAndGet();
					socket.request(1);
					return null;
				}

				@Override
				public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
					socket.request(1);
					return null;
				}

			})
			.orTimeout(10, TimeUnit.SECONDS)
			.join();
	}

	@AfterAll
	static void stopViewer() {
		browser.abort();
		viewer.close();
		org.springframework.util.FileSystemUtils.deleteRecursively(storeFolder.toFile());
	}

	@ParameterizedTest
	@ValueSource(strings = { "big", "topics", "instances", "mdc" })
	void viewerStaysUpAndShowsTheNextGoodMessageWithinASecond(String scenario) {
		long receivedBefore = api.stats().get("received").asLong();
		try (RunningProcess publisher = Python.script("viewer/flood_publisher.py", ENDPOINT, scenario,
				String.valueOf(FLOOD_SECONDS))) {
			String good = await().atMost(Duration.ofSeconds(FLOOD_SECONDS + 120))
				.until(() -> publisher.stdoutLines().stream().filter((line) -> line.startsWith("good ")).findFirst(),
						java.util.Optional::isPresent)
				.get();
			long sentAt = Long.parseLong(good.substring("good ".length()));
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
				.ignoreExceptionsInstanceOf(UncheckedIOException.class)
				.untilAsserted(() -> assertThat(api.entries("topic=good.&limit=1&q=" + scenario))
					.as(() -> viewer.output() + publisher.output()).isNotEmpty());
			long shownAfter = System.currentTimeMillis() - sentAt;
			JsonNode stats = api.stats();
			System.out.printf("%s: %s, good message shown %d ms after it was sent; received %d, history %d entries"
					+ " of %d bytes; dropped by the full receive queue %s%n", scenario, publisher.stdoutLines().get(0), shownAfter,
					stats.get("received").asLong(), stats.get("history").asLong(), stats.get("historyBytes").asLong(),
					stats.get("receiveBufferFull"));
			assertThat(shownAfter).as("ms from sending to the API").isLessThan(1_000);
		}

		// what the flood left queued is taken in by now: the counters must agree with the entries
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> api.stats().get("received").asLong() == api.lastId());
		JsonNode stats = api.stats();
		assertThat(stats.get("subscriber").get("receiving").asBoolean()).isTrue();
		assertThat(stats.get("subscriber").get("restarts").asLong()).isZero();
		assertThat(stats.get("received").asLong()).isGreaterThan(receivedBefore);
		assertThat(stats.get("browsers").asInt()).as("the browser is still streaming").isEqualTo(1);
		assertThat(browserFrames.get()).isPositive();
		assertThat(stats.get("historyBytes").asLong()).isLessThanOrEqualTo(stats.get("historyMaxBytes").asLong());
		// the store keeps up or sheds, counted; it never fails
		JsonNode store = stats.get("store");
		System.out.printf("%s: store %s%n", scenario, store);
		assertThat(store.get("lastError").isNull()).as(store::toString).isTrue();
		assertThat(store.get("stored").asLong() + store.get("notStored").asLong()).isPositive();
		assertThat(store.get("queuedBytes").asLong()).isLessThanOrEqualTo(16L << 20);
		assertThat(stats.get("topicsBytes").asLong()).isLessThanOrEqualTo(4L << 20);
		assertThat(stats.get("receiveBufferFull").get("messages").asLong()).isNotNegative();
		assertThat(stats.get("sourcesBytes").asLong()).isLessThanOrEqualTo(8L << 20);
		assertThat(api.send("/api/topics").body().length()).isLessThan(8 << 20);
		assertThat(api.send("/api/sources").body().length()).isLessThan(8 << 20);
		List<String> output = List.of(viewer.output());
		assertThat(output.get(0)).doesNotContain("OutOfMemoryError").doesNotContain("Subscriber failed");
	}

}
