package dev.zmqlog.viewer.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import ch.qos.logback.classic.Logger;
import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.transport.LogSubscriber;
import dev.zmqlog.transport.ReceivedMessage;
import dev.zmqlog.transport.ReceiveMode;
import dev.zmqlog.viewer.InProcessPublisher;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.RecentWindow;
import dev.zmqlog.viewer.history.SourceTable;
import dev.zmqlog.viewer.history.TopicCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMQException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The subscriber under supervision, fed by a real publisher over TCP: an error that ends
 * its thread (an {@link OutOfMemoryError} here) has it receiving again within a second,
 * counted, with everything received before still in the recent window; an exception it
 * survives is counted without a restart.
 */
class SupervisedSubscriberTest {

	private final String endpoint = FreePorts.endpoint();

	private final RecentWindow window = new RecentWindow(1_000, 1 << 24, 1);

	private final EntryIngest ingest = new EntryIngest(new TopicCounts(1 << 20), new SourceTable(1 << 20,
			Clock.systemUTC()), new IngestStats(Clock.systemUTC()), 1, List.of(this.window));

	private SupervisedSubscriber subscriber;

	private InProcessPublisher publisher;

	@AfterEach
	void stop() {
		if (this.publisher != null) {
			this.publisher.close();
		}
		if (this.subscriber != null) {
			this.subscriber.stop();
		}
	}

	/** The real ingest, but a message saying so fails the way the test wants. */
	private Consumer<ReceivedMessage> failingOn(String text, Runnable failure) {
		return (message) -> {
			LogEntry entry = message.decoded().entry();
			if (entry != null && entry.message().startsWith(text)) {
				failure.run();
			}
			this.ingest.accept(message);
		};
	}

	private Logger start(Consumer<ReceivedMessage> listener) {
		this.subscriber = new SupervisedSubscriber(
				() -> LogSubscriber.builder().endpoint(this.endpoint).mode(ReceiveMode.BIND), listener, Clock.systemUTC());
		this.subscriber.start();
		this.publisher = InProcessPublisher.connect(this.endpoint, "app", (appender) -> appender.setFormat("%msg"));
		return this.publisher.logger("app");
	}

	private List<String> messages() {
		return this.window.range(0, this.window.newestId()).stream().map(ViewerEntry::message).toList();
	}

	@Test
	void subscriberKilledByAnErrorReceivesAgainWithinASecondAndForgetsNothing() {
		Logger logger = start(failingOn("boom", () -> {
			throw new OutOfMemoryError("test: Java heap space");
		}));
		for (int i = 1; i <= 100; i++) {
			logger.info("before {}", i);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.window.size() == 100);

		logger.info("boom");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.subscriber.state().failures() == 1);
		long failed = System.nanoTime();
		await().atMost(Duration.ofSeconds(1)).until(() -> this.subscriber.state().restarts() == 1);
		System.out.printf("receiving again %d ms after the failure%n", (System.nanoTime() - failed) / 1_000_000);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			logger.info("after");
			assertThat(messages()).contains("after");
		});
		SupervisedSubscriber.State state = this.subscriber.state();
		assertThat(state.receiving()).isTrue();
		assertThat(state.lastFailure().error()).contains("OutOfMemoryError");
		assertThat(messages().subList(0, 100)).allSatisfy((message) -> assertThat(message).startsWith("before "));
	}

	@Test
	void exceptionTheSubscriberSurvivesIsCountedWithoutARestart() {
		Logger logger = start(failingOn("boom", () -> {
			throw new ZMQException("test: socket trouble", 156384763);
		}));
		logger.info("boom");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.subscriber.state().failures() == 1);
		logger.info("after");
		await().atMost(Duration.ofSeconds(10)).until(() -> messages().contains("after"));

		assertThat(this.subscriber.state().restarts()).isZero();
		assertThat(this.subscriber.state().lastFailure().error()).contains("socket trouble");
	}

}
