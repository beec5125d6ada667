package dev.zmqlog.logback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.status.Status;
import dev.zmqlog.Topics;
import dev.zmqlog.protocol.EntryKind;
import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.ReceivedMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jctools.queues.MpscBlockingConsumerArrayQueue;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ZmqLogAppenderTest {

	private final LoggerContext context = new LoggerContext();

	private final String endpoint = FreePorts.endpoint();

	private final Logger logger = this.context.getLogger("test.Greeter");

	private ReceivedMessages received;

	private ZmqLogAppender appender;

	@BeforeEach
	void setUp() {
		this.context.setName("test");
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		this.logger.setLevel(Level.TRACE);
		this.logger.setAdditive(false);
	}

	@AfterEach
	void tearDown() {
		// a failed test is easier to read with the appender's own account of what went wrong
		this.context.getStatusManager().getCopyOfStatusList().stream()
			.filter((status) -> status.getLevel() == Status.ERROR)
			.forEach((status) -> System.err.println(status + " " + status.getThrowable()));
		if (this.appender != null) {
			this.appender.stop();
		}
		if (this.received != null) {
			this.received.close();
		}
		MDC.clear();
		this.context.stop();
	}

	private ZmqLogAppender startAppender(Consumer<ZmqLogAppender> configuration) {
		ZmqLogAppender zmq = new ZmqLogAppender();
		zmq.setContext(this.context);
		zmq.setName("ZMQ");
		zmq.addEndpoint(this.endpoint);
		zmq.setRootTopic("greeter");
		// most tests subscribe after logging: hold long enough for a loaded machine
		zmq.setAwaitSubscriber("30s");
		configuration.accept(zmq);
		zmq.start();
		this.logger.addAppender(zmq);
		this.appender = zmq;
		return zmq;
	}

	private List<LogEntry> subscribeAndAwait(int count) {
		if (this.received == null) {
			this.received = ReceivedMessages.connectTo(this.endpoint);
		}
		return this.received.awaitEntries(count);
	}

	@Test
	void publishesLevelTopicAndDefaultFormat() {
		startAppender((zmq) -> {
		});
		this.logger.info("hello world!");
		LogEntry entry = subscribeAndAwait(1).get(0);
		assertThat(entry.kind()).isEqualTo(EntryKind.TEXT);
		assertThat(entry.topic()).isEqualTo("greeter.INFO");
		assertThat(entry.message()).isEqualTo("test.Greeter > hello world!");
	}

	@Test
	void emptyRootTopicPublishesLevelAlone() {
		startAppender((zmq) -> zmq.setRootTopic(""));
		this.logger.warn("careful");
		assertThat(subscribeAndAwait(1).get(0).topic()).isEqualTo("WARN");
	}

	@Test
	void levelFormatOverridesTheDefault() {
		startAppender((zmq) -> {
			zmq.setFormat("%logger > %msg");
			zmq.setDebugFormat("%logger #%3line > %msg");
		});
		this.logger.debug("Sending message {} of {}", 1, 5);
		this.logger.info("hello");
		List<LogEntry> entries = subscribeAndAwait(2);
		assertThat(entries.get(0).message()).matches("test\\.Greeter # *\\d+ > Sending message 1 of 5");
		assertThat(entries.get(1).message()).isEqualTo("test.Greeter > hello");
	}

	@Test
	void stackTraceWithCausesFollowsTheMessage() {
		startAppender((zmq) -> {
		});
		this.logger.error("Failed", new IllegalStateException("outer", new IllegalArgumentException("inner")));
		String text = subscribeAndAwait(1).get(0).message();
		assertThat(text).startsWith("test.Greeter > Failed\njava.lang.IllegalStateException: outer\n\tat ");
		assertThat(text).contains("Caused by: java.lang.IllegalArgumentException: inner").doesNotEndWith("\n");
	}

	@Test
	void patternThatPlacesTheExceptionItselfIsLeftAlone() {
		startAppender((zmq) -> zmq.setFormat("%msg [%ex{0}]"));
		this.logger.error("Failed", new IllegalStateException("outer"));
		assertThat(subscribeAndAwait(1).get(0).message()).isEqualTo("Failed [java.lang.IllegalStateException: outer\n]");
	}

	@Test
	void callerDataIsComputedOnlyWhenAFormatNeedsIt() {
		ListAppender<ILoggingEvent> events = listAppender();
		startAppender((zmq) -> zmq.setFormat("%logger > %msg"));
		this.logger.addAppender(events);
		this.logger.info("cheap");
		assertThat(events.list.get(0).hasCallerData()).isFalse();
	}

	@Test
	void callerDataIsCapturedOnTheCallingThreadWhenAFormatNeedsIt() {
		startAppender((zmq) -> zmq.setFormat("%method:%line %msg"));
		this.logger.info("located");
		assertThat(subscribeAndAwait(1).get(0).message())
			.matches("callerDataIsCapturedOnTheCallingThreadWhenAFormatNeedsIt:\\d+ located");
	}

	private ListAppender<ILoggingEvent> listAppender() {
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.setContext(this.context);
		events.start();
		return events;
	}

	@Test
	void messagePrefixBecomesSubtopicAndIsStripped() {
		startAppender((zmq) -> {
		});
		this.logger.info("db.pool::pool exhausted");
		LogEntry entry = subscribeAndAwait(1).get(0);
		assertThat(entry.topic()).isEqualTo("greeter.INFO.db.pool");
		assertThat(entry.message()).isEqualTo("test.Greeter > pool exhausted");
	}

	@Test
	void markerBecomesSubtopic() {
		startAppender((zmq) -> {
		});
		this.logger.info(Topics.subtopic("http.in"), "GET /");
		assertThat(subscribeAndAwait(1).get(0).topic()).isEqualTo("greeter.INFO.http.in");
	}

	@Test
	void mdcKeyBecomesSubtopic() {
		startAppender((zmq) -> zmq.setSubtopicMdcKey("component"));
		MDC.put("component", "billing");
		this.logger.warn("late payment");
		assertThat(subscribeAndAwait(1).get(0).topic()).isEqualTo("greeter.WARN.billing");
	}

	@Test
	void thresholdLeavesOutLowerLevels() {
		startAppender((zmq) -> zmq.setThreshold("INFO"));
		this.logger.debug("hidden");
		this.logger.info("shown");
		LogEntry entry = subscribeAndAwait(1).get(0);
		assertThat(entry.message()).endsWith("shown");
		assertThat(this.appender.getPublishedCount()).isEqualTo(1);
	}

	@Test
	void jsonPayloadCarriesTheRecord() {
		startAppender((zmq) -> {
			zmq.setPayload("json");
			zmq.setAppName("greeter-app");
		});
		MDC.put("user", "ada");
		this.logger.info(MarkerFactory.getMarker("AUDIT"), "order {} placed", 42);
		LogEntry entry = subscribeAndAwait(1).get(0);
		assertThat(entry.kind()).isEqualTo(EntryKind.STRUCTURED);
		assertThat(entry.topic()).isEqualTo("greeter.INFO");
		assertThat(entry.logger()).isEqualTo("test.Greeter");
		assertThat(entry.message()).isEqualTo("order 42 placed");
		assertThat(entry.formatted()).isEqualTo("test.Greeter > order 42 placed");
		assertThat(entry.level()).isEqualTo(dev.zmqlog.protocol.Level.INFO);
		assertThat(entry.thread()).isEqualTo(Thread.currentThread().getName());
		assertThat(entry.mdc()).containsEntry("user", "ada");
		assertThat(entry.markers()).containsExactly("AUDIT");
		assertThat(entry.seq()).isEqualTo(1L);
		assertThat(entry.source().app()).isEqualTo("greeter-app");
		assertThat(entry.source().pid()).isEqualTo(ProcessHandle.current().pid());
		assertThat(entry.source().instance()).isNotBlank();
		assertThat(entry.time()).isBetween(java.time.Instant.now().minusSeconds(10), java.time.Instant.now());
	}

	@Test
	void slowJoinerSeesFirstLinesWithoutSleep() {
		startAppender((zmq) -> zmq.setAwaitSubscriber("10s"));
		for (int i = 1; i <= 100; i++) {
			this.logger.info("line {}", i);
		}
		List<LogEntry> entries = subscribeAndAwait(100);
		assertThat(entries).hasSize(100);
		assertThat(entries.get(0).message()).endsWith("line 1");
		assertThat(entries.get(99).message()).endsWith("line 100");
	}

	@Test
	void eventsWaitForASubscriberThatComesBack() {
		startAppender((zmq) -> zmq.setAwaitResubscribe("30s"));
		this.logger.info("before");
		assertThat(subscribeAndAwait(1).get(0).message()).endsWith("before");
		this.received.close();
		this.received = null;
		await().atMost(Duration.ofSeconds(10)).until(() -> this.appender.getQueuedCount() > 0 || logAndCheckHeld());
		for (int i = 1; i <= 100; i++) {
			this.logger.info("while away {}", i);
		}
		List<LogEntry> entries = subscribeAndAwait(100);
		assertThat(entries).extracting(LogEntry::message).contains("test.Greeter > while away 1",
				"test.Greeter > while away 100");
	}

	/** Logs a probe and tells whether the publisher holds it, i.e. has seen the subscriber go. */
	private boolean logAndCheckHeld() {
		this.logger.info("while away 0");
		return this.appender.getQueuedCount() > 0;
	}

	@Test
	void withoutResubscribeHoldEventsToNobodyAreCountedAsDroppedAtOnce() {
		startAppender((zmq) -> zmq.setAwaitResubscribe("0"));
		this.logger.info("before");
		subscribeAndAwait(1);
		this.received.close();
		this.received = null;
		AtomicInteger probes = new AtomicInteger();
		// until the publisher has seen the subscriber go, a probe still goes out to it
		await().atMost(Duration.ofSeconds(10)).until(() -> logAndCheckDropped(probes));
		assertThat(this.appender.getPublishedCount() + this.appender.getDroppedCount()).isEqualTo(1 + probes.get());
	}

	/** Logs a probe and tells whether the publisher counted it lost, i.e. has seen the subscriber go. */
	private boolean logAndCheckDropped(AtomicInteger probes) {
		this.logger.info("to nobody");
		probes.incrementAndGet();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.appender.getQueuedCount() == 0);
		return this.appender.getDroppedCount() > 0;
	}

	@Test
	void callerNeverBlocksWhenTheQueueIsFull() {
		ZmqLogAppender zmq = startAppender((config) -> {
			config.setQueueSize(8);
			config.setAwaitSubscriber("1m");
		});
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			for (int i = 0; i < 10_000; i++) {
				this.logger.info("event {}", i);
			}
		});
		assertThat(zmq.getDroppedCount()).isEqualTo(10_000 - 8);
		assertThat(zmq.getQueuedCount()).isEqualTo(8);
	}

	@Test
	void thresholdFatalIsLogbacksError() {
		startAppender((zmq) -> zmq.setThreshold("fatal"));
		this.logger.warn("left out");
		this.logger.error("published");
		assertThat(subscribeAndAwait(1)).extracting(LogEntry::message).containsExactly("test.Greeter > published");
	}

	@Test
	void unknownThresholdLeavesTheAppenderStoppedNamingTheElementAndTheLevelsThereAre() {
		ZmqLogAppender zmq = startAppender((config) -> config.setThreshold("WARNING"));
		assertThat(zmq.isStarted()).isFalse();
		assertThat(zmq.getStartFailure())
			.isEqualTo("<threshold> must be TRACE, DEBUG, INFO, WARN, ERROR, FATAL or OFF, was 'WARNING'");
	}

	@Test
	void everyInvalidSettingIsReportedByStartNotThrownBySetters() {
		ZmqLogAppender zmq = startAppender((config) -> {
			config.setQueueSize(0);
			config.setLinger("soon");
			config.setOverflow("wait");
		});
		assertThat(zmq.isStarted()).isFalse();
		assertThat(zmq.getStartFailure()).contains("<queueSize> must be at least 1, was 0")
			.contains("<linger> ")
			.contains("<overflow> ");
	}

	@Test
	void aCorrectedSettingIsNoLongerReported() {
		ZmqLogAppender zmq = startAppender((config) -> {
			config.setQueueSize(0);
			config.setQueueSize(16);
		});
		assertThat(zmq.isStarted()).isTrue();
	}

	@Test
	void blockingOverflowWaitsABoundedTimeThenDrops() {
		ZmqLogAppender zmq = startAppender((config) -> {
			config.setQueueSize(1);
			config.setOverflow("block");
			config.setBlockTimeout("20ms");
			config.setAwaitSubscriber("1m");
		});
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			for (int i = 0; i < 3; i++) {
				this.logger.info("event {}", i);
			}
		});
		assertThat(zmq.getDroppedCount()).isEqualTo(2);
	}

	@Test
	void droppedEventsShowAsSequenceGaps() {
		startAppender((zmq) -> {
			zmq.setPayload("json");
			zmq.setQueueSize(4);
			zmq.setAwaitSubscriber("1m");
		});
		for (int i = 1; i <= 10; i++) {
			this.logger.info("event {}", i);
		}
		List<LogEntry> held = subscribeAndAwait(4);
		assertThat(held).extracting(LogEntry::seq).containsExactly(1L, 2L, 3L, 4L);
		this.logger.info("after the gap");
		assertThat(subscribeAndAwait(5).get(4).seq()).isEqualTo(11L);
	}

	@Test
	void queueSizeIsRoundedUpToAPowerOfTwo() {
		ZmqLogAppender zmq = startAppender((config) -> {
			config.setQueueSize(1000);
			config.setAwaitSubscriber("1m");
		});
		for (int i = 0; i < 2000; i++) {
			this.logger.info("event {}", i);
		}
		assertThat(zmq.getQueueCapacity()).isEqualTo(1024);
		assertThat(zmq.getQueuedCount()).isEqualTo(1024);
		assertThat(zmq.getDroppedCount()).isEqualTo(2000 - 1024);
	}

	@Test
	void blockedCallerGetsInWhenThePublishingThreadMakesRoom() throws InterruptedException {
		ZmqLogAppender zmq = startAppender((config) -> {
			config.setQueueSize(1);
			config.setOverflow("block");
			config.setBlockTimeout("1m");
			config.setAwaitSubscriber("1m");
		});
		this.logger.info("first");
		Thread caller = new Thread(() -> this.logger.info("second"), "blocked-caller");
		caller.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> caller.getState() == Thread.State.TIMED_WAITING);
		assertThat(subscribeAndAwait(2)).extracting(LogEntry::message)
			.containsExactly("test.Greeter > first", "test.Greeter > second");
		caller.join();
		assertThat(zmq.getDroppedCount()).isZero();
	}

	@Test
	void interruptedCallerDropsInsteadOfWaitingForRoom() {
		ZmqLogAppender zmq = startAppender((config) -> {
			config.setQueueSize(1);
			config.setOverflow("block");
			config.setBlockTimeout("1m");
			config.setAwaitSubscriber("1m");
		});
		this.logger.info("fills the queue");
		assertTimeout(Duration.ofSeconds(10), () -> {
			Thread.currentThread().interrupt();
			this.logger.info("no room");
		});
		assertThat(Thread.interrupted()).as("interrupt flag kept for the caller").isTrue();
		assertThat(zmq.getDroppedCount()).isEqualTo(1);
	}

	@Test
	void concurrentCallersWithoutLossesGetSequenceNumbersWithoutGaps() throws InterruptedException {
		this.received = ReceivedMessages.connectTo(this.endpoint);
		ZmqLogAppender zmq = startAppender((config) -> {
			config.setPayload("json");
			config.setQueueSize(32_768);
		});
		List<Thread> callers = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			Thread caller = new Thread(() -> {
				for (int i = 0; i < 5000; i++) {
					this.logger.info("event {}", i);
				}
			});
			caller.start();
			callers.add(caller);
		}
		for (Thread caller : callers) {
			caller.join();
		}
		List<Long> seqs = this.received.awaitEntries(20_000).stream().map(LogEntry::seq).toList();
		assertThat(zmq.getDroppedCount()).isZero();
		assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 20_000).boxed().toList());
	}

	@Test
	void idlePublishingThreadParksAndWakesForTheNextEvent() {
		startAppender((zmq) -> {
		});
		this.logger.info("before");
		subscribeAndAwait(1);
		Thread publisher = Thread.getAllStackTraces().keySet().stream()
			.filter((thread) -> thread.getName().equals("zmqlog-publisher-ZMQ"))
			.findFirst()
			.orElseThrow();
		// parked in the queue, where a logging thread wakes it, not napping or spinning
		await().atMost(Duration.ofSeconds(10))
			.until(() -> LockSupport.getBlocker(publisher) instanceof MpscBlockingConsumerArrayQueue);
		this.logger.info("after a quiet spell");
		assertThat(subscribeAndAwait(2).get(1).message()).isEqualTo("test.Greeter > after a quiet spell");
	}

	@Test
	void stopSendsAFullQueue() {
		ZmqLogAppender zmq = startAppender((config) -> {
			config.setPayload("json");
			config.setQueueSize(1024);
			config.setAwaitSubscriber("1m");
			config.setLinger("30s");
		});
		for (int i = 0; i < 1500; i++) {
			this.logger.info("event {}", i);
		}
		assertThat(zmq.getQueuedCount()).isEqualTo(1024);
		this.received = ReceivedMessages.connectTo(this.endpoint);
		zmq.stop();
		List<LogEntry> entries = this.received.awaitEntries(1024);
		assertThat(entries).extracting(LogEntry::seq)
			.containsExactlyElementsOf(LongStream.rangeClosed(1, 1024).boxed().toList());
		assertThat(zmq.getDroppedCount()).isEqualTo(1500 - 1024);
	}

	@Test
	void mutableArgumentIsLoggedAsItWasAtCallTime() {
		startAppender((zmq) -> zmq.setFormat("%msg"));
		List<String> items = new ArrayList<>(List.of("tea"));
		StringBuilder note = new StringBuilder("draft");
		this.logger.info("items {} note {} count {}", items, note, 1);
		items.add("cake");
		note.append(" changed");
		assertThat(subscribeAndAwait(1).get(0).message()).isEqualTo("items [tea] note draft count 1");
	}

	@Test
	void mdcAndThreadNameAreThoseOfTheCall() throws InterruptedException {
		startAppender((zmq) -> zmq.setPayload("json"));
		Thread caller = new Thread(() -> {
			MDC.put("user", "ada");
			this.logger.info("order {} placed at {}", 42L, java.time.Instant.EPOCH);
			MDC.put("user", "bob");
		}, "order-desk");
		caller.start();
		caller.join();
		LogEntry entry = subscribeAndAwait(1).get(0);
		assertThat(entry.message()).isEqualTo("order 42 placed at 1970-01-01T00:00:00Z");
		assertThat(entry.thread()).isEqualTo("order-desk");
		assertThat(entry.mdc()).containsExactly(Map.entry("user", "ada"));
	}

	@Test
	void stopSendsWhatIsQueued() {
		this.received = ReceivedMessages.connectTo(this.endpoint);
		ZmqLogAppender zmq = startAppender((config) -> {
			config.setQueueSize(50_000);
			// the default 2 s is enough here, but not on a machine busy with other builds
			config.setLinger("30s");
		});
		for (int i = 0; i < 20_000; i++) {
			this.logger.info("event {}", i);
		}
		zmq.stop();
		assertThat(this.received.awaitEntries(20_000)).hasSize(20_000);
		assertThat(zmq.getDroppedCount()).isZero();
	}

	@Test
	void portInUseLeavesTheAppenderStoppedWithAnErrorNamingTheEndpoint() {
		try (ZContext zmq = new ZContext()) {
			ZMQ.Socket occupant = zmq.createSocket(SocketType.PUB);
			occupant.bind(this.endpoint);
			ZmqLogAppender appender = startAppender((config) -> {
			});
			assertThat(appender.isStarted()).isFalse();
			assertThat(this.context.getStatusManager().getCopyOfStatusList())
				.filteredOn((status) -> status.getLevel() == Status.ERROR)
				.extracting(Status::getMessage)
				.anySatisfy((message) -> assertThat(message).contains(this.endpoint).contains("address already in use"));
			assertThatNoException().isThrownBy(() -> this.logger.error("still logging"));
		}
	}

	@Test
	void invalidCurveKeyLeavesTheAppenderStoppedWithAnErrorNamingTheProperty() {
		ZmqLogAppender appender = startAppender((config) -> {
			config.setCurveSecretKey("not-a-key");
			config.setCurvePublicKey(ZMQ.Curve.generateKeyPair().publicKey);
		});
		assertThat(appender.isStarted()).isFalse();
		assertThat(this.context.getStatusManager().getCopyOfStatusList())
			.filteredOn((status) -> status.getLevel() == Status.ERROR)
			.extracting(Status::getMessage)
			.anySatisfy((message) -> assertThat(message).contains("<curveSecretKey>").contains("40 Z85 characters"));
		assertThatNoException().isThrownBy(() -> this.logger.error("still logging"));
	}

	@Test
	void invalidPatternLeavesTheAppenderStopped() {
		ZmqLogAppender appender = startAppender((config) -> config.setFormat("%msg %nosuchconverter{"));
		assertThat(appender.isStarted()).isFalse();
		assertThatNoException().isThrownBy(() -> this.logger.info("still logging"));
	}

	@Test
	void startAndStopAreIdempotent() {
		ZmqLogAppender zmq = startAppender((config) -> {
		});
		zmq.start();
		assertThat(zmq.isStarted()).isTrue();
		zmq.stop();
		zmq.stop();
		assertThat(zmq.isStarted()).isFalse();
	}

}
