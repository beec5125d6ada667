package dev.zmqlog.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.zmqlog.interop.fixtures.LogThenExitMain;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.transport.LogSubscriber;
import dev.zmqlog.transport.ReceivedMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application that logs a burst and returns from {@code main} at once, without stopping
 * Logback: the appender's shutdown hook must send everything that was queued.
 */
class ExitFlushTest {

	private static final int EVENTS = 10_000;

	@Test
	void nothingIsLostAtExit() {
		String endpoint = FreePorts.endpoint();
		List<ReceivedMessage> received = new ArrayList<>();
		try (LogSubscriber subscriber = LogSubscriber.builder()
			.endpoint(endpoint)
			.listener((message) -> {
				synchronized (received) {
					received.add(message);
				}
			})
			.start();
				RunningProcess app = ChildJvm.main(LogThenExitMain.class)
					.logbackConfig("interop/burst-logback.xml")
					.systemProperty("port", endpoint.substring(endpoint.lastIndexOf(':') + 1))
					.args(EVENTS)
					.start()) {

			assertThat(app.awaitExit(Duration.ofSeconds(10))).as(app::output).isZero();
			assertThat(app.stdoutLines()).as(app::output).contains(LogThenExitMain.MARKER + EVENTS + " events");
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(countOf(received))
					.as(() -> "messages received after the application exited\n" + app.output())
					.isGreaterThanOrEqualTo(EVENTS));

			List<String> frames;
			synchronized (received) {
				frames = received.stream().map(ExitFlushTest::asText).toList();
			}
			assertThat(frames).containsExactlyElementsOf(
					IntStream.rangeClosed(1, EVENTS).mapToObj((i) -> "burst.INFO|app.burst > event " + i).toList());
		}
	}

	@Test
	void exitIsNotHeldUpByAMissingSubscriber() {
		// nobody listens: the shutdown hook may wait for a subscriber only until
		// await-subscriber (2s) and flush within linger (2s), never longer
		try (RunningProcess app = ChildJvm.main(LogThenExitMain.class)
			.logbackConfig("interop/burst-logback.xml")
			.systemProperty("port", FreePorts.next())
			.args(EVENTS)
			.start()) {

			assertThat(app.awaitExit(Duration.ofSeconds(8))).as(app::output).isZero();
			assertThat(app.stdoutLines()).as(app::output).contains(LogThenExitMain.MARKER + EVENTS + " events");
		}
	}

	private static int countOf(List<ReceivedMessage> received) {
		synchronized (received) {
			return received.size();
		}
	}

	private static String asText(ReceivedMessage message) {
		return String.join("|",
				message.frames().stream().map((frame) -> new String(frame, StandardCharsets.UTF_8)).toList());
	}

}
