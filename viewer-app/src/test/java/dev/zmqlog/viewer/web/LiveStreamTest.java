package dev.zmqlog.viewer.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import ch.qos.logback.classic.Logger;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.viewer.InProcessPublisher;
import dev.zmqlog.viewer.ViewerApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The WebSocket stream to browsers, fed by a real publisher: a stalled browser is bounded
 * and told what it missed while a reading one gets everything; a browser that comes back
 * with the last id it saw gets exactly what it missed; filters in the URL apply to the
 * backlog and to live entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LiveStreamTest {

	private static final String ENDPOINT = FreePorts.endpoint();

	private static final int SESSION_QUEUE_SIZE = 5_000;

	@LocalServerPort
	private int port;

	@Autowired
	private Broadcaster broadcaster;

	@Autowired
	private LiveStreamHandler handler;

	private ViewerApi api;

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@DynamicPropertySource
	static void viewerBinds(DynamicPropertyRegistry registry) {
		registry.add("zmq.log.viewer.endpoints", () -> ENDPOINT);
		registry.add("zmq.log.viewer.mode", () -> "bind");
		registry.add("zmq.log.viewer.session-queue-size", () -> SESSION_QUEUE_SIZE);
		// the count is the bound these tests watch
		registry.add("zmq.log.viewer.session-max-memory", () -> "128MB");
	}

	@BeforeEach
	void api() {
		this.api = new ViewerApi(this.port);
	}

	@AfterEach
	void closeAll() throws Exception {
		// back to the default stall-timeout
		this.handler.stallLimit(Duration.ofSeconds(30));
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	private <T extends AutoCloseable> T closeLater(T closeable) {
		this.closeables.add(closeable);
		return closeable;
	}

	/** A text publisher whose messages are exactly what is logged. */
	private InProcessPublisher publisher(String rootTopic) {
		return closeLater(InProcessPublisher.connect(ENDPOINT, rootTopic, (appender) -> {
			appender.setFormat("%msg");
			appender.setQueueSize(50_000);
			appender.setOverflow("block");
			appender.setLinger("5s");
		}));
	}

	@Test
	void stalledBrowserIsBoundedAndToldWhatItMissedWhileAReadingOneGetsEverything() {
		int count = 20_000;
		int chunk = 1_000;
		InProcessPublisher publisher = publisher("flood");
		Logger logger = publisher.logger("flood");
		String padding = "x".repeat(2_000);
		long before = this.api.lastId();
		StalledStreamClient stalled = closeLater(StalledStreamClient.connect(this.port, "after=" + before));
		StreamClient reading = closeLater(StreamClient.connect(this.port, "after=" + before));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.broadcaster.browsers().size() == 2);

		AtomicInteger mostQueued = new AtomicInteger();
		AtomicBoolean publishing = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (publishing.get()) {
				this.broadcaster.browsers().forEach((browser) -> mostQueued.accumulateAndGet(browser.outbox().queued(), Math::max));
				pause(Duration.ofMillis(5));
			}
		}, "outbox-sampler");
		sampler.start();
		long started = System.nanoTime();
		try {
			for (int i = 1; i <= count; i++) {
				logger.info("entry {} {}", i, padding);
				if (i % chunk == 0) {
					// the reading browser keeps up with every chunk although the other reads nothing
					long sent = before + i;
					await().atMost(Duration.ofSeconds(10))
						.untilAsserted(() -> assertThat(reading.lastId())
							.as(() -> "reading browser: " + reading.ids().size() + " entries, skipped "
									+ reading.skipped() + ", closed " + reading.closeStatus())
							.isEqualTo(sent));
				}
			}
		}
		finally {
			publishing.set(false);
		}
		System.out.printf("reading browser had all %d entries of 2 KB in %d ms%n", count,
				(System.nanoTime() - started) / 1_000_000);

		assertThat(this.api.lastId()).as("the publisher lost nothing").isEqualTo(before + count);
		assertThat(reading.ids()).containsExactlyElementsOf(LongStream.rangeClosed(before + 1, before + count).boxed().toList());
		assertThat(reading.skipped()).isZero();
		assertThat(reading.closeStatus()).isNull();
		assertThat(mostQueued.get()).as("most entries held for one browser").isEqualTo(SESSION_QUEUE_SIZE);

		// the stalled browser reads again: what it gets accounts for every entry, each gap where it is
		List<StreamClient.Frame> frames = stalled.readUntil((read) -> accounted(read) >= count, Duration.ofSeconds(15));
		assertThat(accounted(frames)).as("entries received or counted as skipped").isEqualTo(count);
		assertThat(frames.stream().mapToLong(StreamClient.Frame::skipped).sum()).as("skipped")
			.isGreaterThanOrEqualTo(count - 2 * SESSION_QUEUE_SIZE - 2_000);
		long expected = before + 1;
		for (StreamClient.Frame frame : frames) {
			expected += frame.skipped();
			for (JsonNode entry : frame.entries()) {
				assertThat(entry.get("id").asLong()).as("the entry after %d skipped", frame.skipped()).isEqualTo(expected);
				expected++;
			}
		}
		assertThat(expected).isEqualTo(before + count + 1);
	}

	@Test
	void browserThatWasQuietIsNotTakenForStalledWhenABurstComes() {
		this.handler.stallLimit(Duration.ofMillis(500));
		InProcessPublisher publisher = publisher("burst");
		Logger logger = publisher.logger("burst");
		String padding = "x".repeat(2_000);
		StreamClient quiet = closeLater(StreamClient.connect(this.port, "topic=burst."));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.broadcaster.browsers().size() == 1);
		// nothing for this browser for longer than the stall limit
		await().pollDelay(Duration.ofSeconds(1)).until(() -> true);

		int burst = SESSION_QUEUE_SIZE - 1_000; // what fits the outbox: more would be skipped however fast the browser reads
		for (int i = 1; i <= burst; i++) {
			logger.info("burst {} {}", i, padding);
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(quiet.ids()).as(() -> "closed " + quiet.closeStatus()).hasSize(burst));
		assertThat(quiet.closeStatus()).isNull();
		assertThat(quiet.skipped()).isZero();
	}

	@Test
	void stalledBrowserIsDisconnectedWithoutDelayingTheOthers() {
		this.handler.stallLimit(Duration.ofMillis(500));
		InProcessPublisher publisher = publisher("unstuck");
		Logger logger = publisher.logger("unstuck");
		String padding = "x".repeat(2_000);
		long before = this.api.lastId();
		closeLater(StalledStreamClient.connect(this.port, "after=" + before));
		StreamClient reading = closeLater(StreamClient.connect(this.port, "after=" + before));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.broadcaster.browsers().size() == 2);
		long started = System.nanoTime();
		// for a few seconds: the stalled browser is found stalled and closed meanwhile
		for (int i = 1; i <= 12; i++) {
			for (int j = 1; j <= 500; j++) {
				logger.info("unstuck {} {}", i * 1000 + j, padding);
			}
			long sent = before + i * 500L;
			await().atMost(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(reading.lastId())
					.as(() -> "reading browser, %d ms after the start".formatted((System.nanoTime() - started) / 1_000_000))
					.isEqualTo(sent));
			await().pollDelay(Duration.ofMillis(100)).until(() -> true);
		}
		assertThat(reading.skipped()).isZero();
		assertThat(reading.closeStatus()).isNull();
		assertThat(this.broadcaster.browsers()).as("the stalled browser is gone").hasSize(1);
	}

	@Test
	void streamedEntriesAreTheApisEntriesInFramesOfBoundedSize() {
		InProcessPublisher publisher = publisher("frames");
		Logger logger = publisher.logger("frames");
		StreamClient browser = closeLater(StreamClient.connect(this.port, "topic=frames."));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.broadcaster.browsers().size() == 1);
		int count = 500;
		String padding = "x".repeat(2_000);
		for (int i = 1; i <= count; i++) {
			logger.info("frames {} {}", i, padding);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> browser.ids().size() == count);

		// each entry's JSON is written once for all browsers and joined into frames: it must be what the API says
		assertThat(browser.entries()).isEqualTo(this.api.entries("topic=frames.&limit=" + count));
		assertThat(browser.frames()).allSatisfy((frame) -> assertThat(frame.entries())
			.as("entries of 2 KB in a frame").hasSizeLessThanOrEqualTo(StreamFrames.MAX_FRAME_BYTES / 2_000 + 1));
	}

	@Test
	void browserThatComesBackWithItsLastIdGetsExactlyWhatItMissed() {
		InProcessPublisher publisher = publisher("resume");
		Logger logger = publisher.logger("resume");
		StreamClient first = StreamClient.connect(this.port, "topic=resume.");
		log(logger, 1, 100);
		await().atMost(Duration.ofSeconds(10)).until(() -> first.ids().size() >= 100);
		long lastSeen = first.lastId();
		first.close();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.broadcaster.browsers().isEmpty());

		log(logger, 101, 200);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.api.entries("topic=resume.").size() == 200);
		StreamClient again = closeLater(StreamClient.connect(this.port, "topic=resume.&after=" + lastSeen));
		await().atMost(Duration.ofSeconds(10)).until(() -> again.ids().size() >= 100);
		// one more live entry: anything sent twice or late would show before it
		log(logger, 201, 201);
		await().atMost(Duration.ofSeconds(10)).until(() -> again.ids().size() >= 101);

		assertThat(first.messages()).containsExactlyElementsOf(messages(1, 100));
		assertThat(again.messages()).containsExactlyElementsOf(messages(101, 201));
		assertThat(again.ids()).isEqualTo(this.api.entries("topic=resume.&limit=101")
			.stream()
			.map((entry) -> entry.get("id").asLong())
			.toList());
		assertThat(again.skipped()).isZero();
	}

	@Test
	void browserThatJoinsWhileEntriesPourInMissesNoneAndGetsNoneTwice() throws InterruptedException {
		InProcessPublisher publisher = publisher("pour");
		Logger logger = publisher.logger("pour");
		int count = 5_000;
		// connected first: a publisher still connecting would hold the pour and send it at once
		logger.info("connected");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.api.entries("topic=pour.&limit=1").size() == 1);
		Thread pouring = new Thread(() -> {
			for (int i = 1; i <= count; i++) {
				logger.info("pour {}", i);
				if (i % 100 == 0) {
					pause(Duration.ofMillis(10));
				}
			}
		}, "pouring");
		pouring.start();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.api.entries("topic=pour.&limit=1").get(0).get("message").asString().startsWith("pour "));
		long joinAfter = this.api.lastId();
		StreamClient joining = closeLater(StreamClient.connect(this.port, "topic=pour.&after=" + joinAfter));
		pouring.join();
		long last = this.api.lastId();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.api.entries("topic=pour.&limit=" + (count + 1)).size() == count + 1);
		long newest = this.api.entries("topic=pour.&limit=1").get(0).get("id").asLong();
		await().atMost(Duration.ofSeconds(10)).until(() -> joining.lastId() == newest);

		assertThat(joinAfter).as("joined before the end").isLessThan(last);
		assertThat(joining.ids()).containsExactlyElementsOf(LongStream.rangeClosed(joinAfter + 1, newest).boxed().toList());
		assertThat(joining.skipped()).isZero();
	}

	@Test
	void browserComingBackFromBeforeAViewerRestartStartsAfresh() {
		InProcessPublisher publisher = publisher("restart");
		Logger logger = publisher.logger("restart");
		log(logger, 1, 10);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.api.entries("topic=restart.").size() == 10);
		long unknownId = this.api.lastId() + 1_000;
		StreamClient returning = closeLater(StreamClient.connect(this.port, "topic=restart.&after=" + unknownId));
		List<Long> backlog = this.api.entries("topic=restart.").stream().map((entry) -> entry.get("id").asLong()).toList();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(returning.ids()).isEqualTo(backlog));
	}

	@Test
	void browserOfAnotherViewerInstanceGetsTheBacklogAfreshWhateverItsId() {
		InProcessPublisher publisher = publisher("instance");
		Logger logger = publisher.logger("instance");
		log(logger, 1, 10);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.api.entries("topic=instance.").size() == 10);
		List<Long> backlog = this.api.entries("topic=instance.").stream().map((entry) -> entry.get("id").asLong()).toList();
		StreamClient first = closeLater(StreamClient.connect(this.port, "topic=instance."));
		await().atMost(Duration.ofSeconds(5)).until(() -> first.instance() != null);
		StreamClient sameViewer = closeLater(StreamClient.connect(this.port,
				"topic=instance.&after=" + backlog.get(4) + "&instance=" + first.instance()));
		StreamClient otherViewer = closeLater(StreamClient.connect(this.port,
				"topic=instance.&after=" + backlog.get(4) + "&instance=from-before-a-restart"));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(sameViewer.ids()).isEqualTo(backlog.subList(5, 10));
			assertThat(otherViewer.ids()).isEqualTo(backlog);
		});
	}

	@Test
	void filtersInTheUrlApplyToTheBacklogAndToLiveEntries() {
		InProcessPublisher publisher = publisher("filters");
		Logger logger = publisher.logger("filters");
		logger.info("db.pool::pool ready");
		logger.warn("disk 91% full");
		logger.error("db.pool::Disk failure on replica");
		logger.debug("cache warm");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.api.entries("topic=filters.").size() == 4);

		StreamClient db = closeLater(StreamClient.connect(this.port, "topic=filters.INFO.db&topic=filters.ERROR.db"));
		StreamClient warnings = closeLater(StreamClient.connect(this.port, "topic=filters.&level=warn"));
		StreamClient disk = closeLater(StreamClient.connect(this.port, "topic=filters.&q=DISK"));
		StreamClient encoded = closeLater(StreamClient.connect(this.port, "topic=filters.&q=91%25%20full"));
		StreamClient unknownLevel = closeLater(StreamClient.connect(this.port, "level=LOUD"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.broadcaster.browsers().size() == 4);
		logger.info("db.pool::pool grown");
		logger.error("disk gone");
		logger.trace("tick");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.api.entries("topic=filters.").size() == 7);

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(db.messages()).containsExactly("pool ready", "Disk failure on replica", "pool grown");
			assertThat(warnings.messages()).containsExactly("disk 91% full", "Disk failure on replica", "disk gone");
			assertThat(disk.messages()).containsExactly("disk 91% full", "Disk failure on replica", "disk gone");
			assertThat(encoded.messages()).containsExactly("disk 91% full");
			assertThat(unknownLevel.closeStatus()).startsWith("1007").contains("LOUD");
		});
	}

	@Test
	void pagesOfOtherOriginsCannotOpenTheStream() {
		assertThat(StalledStreamClient.handshakeStatus(this.port, "http://127.0.0.1:" + this.port)).contains(" 101 ");
		assertThat(StalledStreamClient.handshakeStatus(this.port, "https://evil.example")).contains(" 403");
		assertThat(StalledStreamClient.handshakeStatus(this.port, "http://localhost:" + (this.port + 1))).contains(" 403");
	}

	private static void log(Logger logger, int from, int to) {
		IntStream.rangeClosed(from, to).forEach((i) -> logger.info("message {}", i));
	}

	private static List<String> messages(int from, int to) {
		return IntStream.rangeClosed(from, to).mapToObj((i) -> "message " + i).toList();
	}

	private static long accounted(List<StreamClient.Frame> frames) {
		return frames.stream().mapToLong((frame) -> frame.entries().size() + frame.skipped()).sum();
	}

	/** Paces a publisher; not a synchronisation. */
	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
