package dev.zmqlog.interop;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.transport.LogSubscriber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What real Python applications send, read as Python itself shows it: pyzmq's
 * {@code PUBHandler} text of {@code logger.exception(..)}, and a
 * {@code logging.makeLogRecord} dictionary with {@code msg} and {@code args}.
 */
class PythonRecordsInteropTest {

	private static final String GET_MESSAGE = "getMessage: ";

	@Test
	void tracebackIsTheExceptionAndArgsAreFormattedAsPythonDoes() {
		int port = FreePorts.next();
		Queue<LogEntry> received = new ConcurrentLinkedQueue<>();
		try (RunningProcess python = Python.script("interop/python_records.py", String.valueOf(port));
				LogSubscriber subscriber = LogSubscriber.builder()
					.endpoint("tcp://127.0.0.1:" + port)
					.listener((message) -> received.add(message.decoded().entry()))
					.start()) {
			assertThat(python.awaitExit(Duration.ofSeconds(20))).as(python::output).isZero();
			await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= 2);
			List<LogEntry> entries = List.copyOf(received);

			LogEntry failed = entries.get(0);
			assertThat(failed.topic()).isEqualTo("py.ERROR");
			// pyzmq's error format: "%(levelname)s %(filename)s:%(lineno)d - %(message)s - %(exc_info)s"
			assertThat(failed.message()).startsWith("ERROR python_records.py:").contains(" - payment failed - ")
				.doesNotContain("Traceback");
			assertThat(failed.exception()).startsWith("Traceback (most recent call last):")
				.endsWith("ValueError: card declined");
			assertThat(failed.formatted()).isEqualTo(failed.message() + "\n" + failed.exception());

			String pythonMessage = python.stdoutLines().stream().filter((line) -> line.startsWith(GET_MESSAGE))
				.findFirst().orElseThrow().substring(GET_MESSAGE.length());
			assertThat(entries.get(1).message()).isEqualTo(pythonMessage).isEqualTo("raw args of 3 (99.5%) 'x'");
		}
	}

}
