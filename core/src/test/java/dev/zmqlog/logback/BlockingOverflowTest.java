package dev.zmqlog.logback;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code overflow=block} against a real subscriber (pyzmq) that stops reading: ZeroMQ
 * does not drop for it at its high-water mark (XPUB_NODROP); the publisher waits
 * {@code blockTimeout}, then gives up and counts, and what it handed to ZeroMQ all arrives
 * once the subscriber reads again.
 */
class BlockingOverflowTest {

	private static final int EVENTS = 50_000;

	private static final Pattern RESULT = Pattern.compile("received (\\d+) highest (\\d+) gaps (\\d+)");

	private final LoggerContext context = new LoggerContext();

	@AfterEach
	void tearDown() {
		this.context.stop();
	}

	@Test
	void aSubscriberThatStopsReadingPushesBackAndWhatIsGivenUpIsCounted() {
		String endpoint = FreePorts.endpoint();
		ZmqLogAppender appender = new ZmqLogAppender();
		appender.setContext(this.context);
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		appender.setName("ZMQ");
		appender.addEndpoint(endpoint);
		appender.setPayload("json");
		appender.setOverflow("block");
		appender.setBlockTimeout("200ms");
		appender.setQueueSize(16);
		appender.setSendHighWaterMark(100);
		appender.setAwaitSubscriber("30s");
		appender.start();
		Logger logger = this.context.getLogger("app.Orders");
		logger.setLevel(Level.INFO);
		logger.addAppender(appender);
		try (RunningProcess subscriber = Python.script("interop/stalled_subscriber.py",
				endpoint.replace("*", "127.0.0.1"), "2")) {
			await().atMost(Duration.ofSeconds(15)).until(() -> subscriber.stdoutLines().contains("subscribed"));
			logger.info("first");
			await().atMost(Duration.ofSeconds(15)).until(() -> appender.getPublishedCount() == 1);

			assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
				for (int i = 0; i < EVENTS; i++) {
					logger.info("order {}", i);
				}
			});
			await().atMost(Duration.ofSeconds(30)).until(() -> appender.getQueuedCount() == 0
					&& appender.getPublishedCount() + appender.getDroppedCount() == EVENTS + 1);
			assertThat(appender.getDroppedCount()).as("given up while it read nothing").isPositive();
			long publishedWhileStalled = appender.getPublishedCount();
			subscriber.writeLine("read");
			// one more once it reads: the numbers given up before it become a gap it sees
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				logger.info("last");
				return appender.getPublishedCount() > publishedWhileStalled;
			});
			assertThat(subscriber.awaitExit(Duration.ofSeconds(60))).as(subscriber::output).isZero();

			Matcher result = subscriber.stdoutLines().stream().map(RESULT::matcher).filter(Matcher::matches)
				.findFirst().orElseThrow(() -> new AssertionError(subscriber.output()));
			long received = Long.parseLong(result.group(1));
			long gaps = Long.parseLong(result.group(3));
			assertThat(received).as("received").isEqualTo(appender.getPublishedCount());
			assertThat(gaps).as("gaps in seq").isEqualTo(appender.getDroppedCount());
			assertThat(this.context.getStatusManager().getCopyOfStatusList())
				.anyMatch((status) -> status.getMessage().startsWith("A subscriber read nothing for 200 ms"));
		}
	}

}
