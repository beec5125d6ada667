package dev.zmqlog.interop;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import dev.zmqlog.interop.fixtures.LogThenExitMain;
import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.ReceivedMessages;
import dev.zmqlog.testing.RunningProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every subscriber that is running before the application starts sees its first lines,
 * not only the first to connect: two pyzmq watchers and a zmqlog subscriber wait for an
 * application that logs 300 lines at once and exits.
 */
class EarlySubscribersTest {

	private static final int EVENTS = 300;

	/** libzmq names its I/O thread so: the watcher has made its socket and is connecting. */
	private static final String LIBZMQ_IO_THREAD = "ZMQbg/IO";

	@Test
	void everyEarlySubscriberPrintsEveryLine() {
		String endpoint = "tcp://127.0.0.1:" + FreePorts.next();
		try (RunningProcess first = Python.watcher(endpoint);
				RunningProcess second = Python.watcher(endpoint);
				ReceivedMessages zmqlog = ReceivedMessages.connectTo(endpoint)) {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> first.hasThreadNamed(LIBZMQ_IO_THREAD) && second.hasThreadNamed(LIBZMQ_IO_THREAD));
			try (RunningProcess app = ChildJvm.main(LogThenExitMain.class)
				.logbackConfig("interop/burst-logback.xml")
				.systemProperty("port", endpoint.substring(endpoint.lastIndexOf(':') + 1))
				.args(EVENTS)
				.start()) {
				assertThat(app.awaitExit(Duration.ofSeconds(15))).as(app::output).isZero();
			}
			List<String> expected = IntStream.rangeClosed(1, EVENTS)
				.mapToObj((i) -> "burst.INFO | app.burst > event " + i)
				.toList();
			for (RunningProcess watcher : List.of(first, second)) {
				await().atMost(Duration.ofSeconds(5)).untilAsserted(
						() -> assertThat(watcher.stdoutLines()).as(watcher::output).containsExactlyElementsOf(expected));
			}
			assertThat(zmqlog.awaitEntries(EVENTS)).extracting(LogEntry::message)
				.containsExactlyElementsOf(expected.stream().map((line) -> line.substring(line.indexOf("| ") + 2)).toList());
		}
	}

}
