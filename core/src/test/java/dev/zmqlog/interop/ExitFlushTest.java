package dev.zmqlog.interop;

import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.testing.TestResources;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

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
		int port = FreePorts.next();
		Queue<String> received = new ConcurrentLinkedQueue<>();
		try (LogSubscriber subscriber = LogSubscriber.builder()
			.endpoint("tcp://127.0.0.1:" + port)
			.listener((message) -> received.add(asText(message)))
			.start();
				RunningProcess app = ChildJvm.main(LogThenExitMain.class)
					.logbackConfig("interop/burst-logback.xml")
					.systemProperty("port", port)
					.args(EVENTS)
					.start()) {

			assertThat(app.awaitExit(Duration.ofSeconds(10))).as(app::output).isZero();
			assertThat(app.stdoutLines()).as(app::output).contains(LogThenExitMain.MARKER + EVENTS + " events");
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(received.size())
					.as(() -> "messages received after the application exited\n" + app.output())
					.isGreaterThanOrEqualTo(EVENTS));

			// compared one by one: a failure names the first message out of place, not 10,000
			List<String> messages = List.copyOf(received);
			assertThat(messages.size()).as("messages received").isEqualTo(EVENTS);
			for (int i = 0; i < EVENTS; i++) {
				assertThat(messages.get(i)).as("message %d of %d", i + 1, EVENTS)
					.isEqualTo("burst.INFO|app.burst > event " + (i + 1));
			}
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

	private static String asText(ReceivedMessage message) {
		return String.join("|",
				message.frames().stream().map((frame) -> new String(frame, StandardCharsets.UTF_8)).toList());
	}

}
