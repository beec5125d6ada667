package com.example.greeter;

import java.util.List;

import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The greeter, configured by its application.yml alone, read by pyzmq's own watcher
 * started first: {@code python3 -m zmq.log -t greeter --align}.
 */
class GreeterWatcherTest {

	@Test
	void pyzmqWatcherPrintsTheGreeting() {
		int port = FreePorts.next();
		try (RunningProcess watcher = Python.watcher("-t", "greeter", "--align", "tcp://127.0.0.1:" + port)) {
			GreeterApplication.main(new String[] { "--zmq.log.endpoints=tcp://127.0.0.1:" + port });
			// %3line: the caller's line number, right-aligned in three characters
			String debugLine = "greeter.DEBUG | greeter #LLL > Sending message %d of 5";
			await().untilAsserted(() -> assertThat(withoutLineNumbers(watcher.stdoutLines())).as(watcher::output)
				.containsExactly("greeter.WARN | greeter > Preparing to greet the world...",
						debugLine.formatted(1), "greeter.INFO  | greetings.hello > hello world!",
						debugLine.formatted(2), "greeter.INFO  | greetings.hello > hello world!",
						debugLine.formatted(3), "greeter.INFO  | greetings.hello > hello world!",
						debugLine.formatted(4), "greeter.INFO  | greetings.hello > hello world!",
						debugLine.formatted(5), "greeter.INFO  | greetings.hello > hello world!",
						"greeter.INFO  | greeter > Done!"));
		}
	}

	private static List<String> withoutLineNumbers(List<String> lines) {
		return lines.stream().map((line) -> line.replaceFirst("#[ \\d]{2}\\d >", "#LLL >")).toList();
	}

}
