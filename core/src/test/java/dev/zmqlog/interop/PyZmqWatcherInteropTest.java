package dev.zmqlog.interop;

import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.testing.TestResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.zmqlog.interop.fixtures.GreeterMain;
import dev.zmqlog.testing.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * pyzmq's own log watcher, {@code python -m zmq.log}, reads what the appender publishes
 * from a separate JVM: the greeter of pyzmq's logging guide, line for line.
 */
class PyZmqWatcherInteropTest {

	/** What a run of stack frames ({@code \tat ..}, {@code \t... 1 common frames omitted}) is reduced to. */
	private static final String STACK_FRAMES = "\t<stack frames>";

	private static final Pattern STACK_FRAME = Pattern.compile("\t(at |\\.\\.\\. )\\S.*");

	/** Logback's {@code %3line}: the caller's line number padded to three characters. */
	private static final Pattern LINE_NUMBER = Pattern.compile("#(  \\d| \\d\\d|\\d{3}) >");

	private static final Pattern WATCHER_TIMESTAMP = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d ");

	private final List<RunningProcess> processes = new ArrayList<>();

	@AfterEach
	void stopProcesses() {
		this.processes.forEach(RunningProcess::close);
	}

	@Test
	void watcherStartedFirstPrintsEveryGreeterLine() {
		int port = FreePorts.next();
		RunningProcess watcher = started(Python.watcher("-t", "greeter", "--align", "tcp://127.0.0.1:" + port));

		List<String> printed = runGreeterAndCollect(port, watcher);

		// --align pads each topic segment to the widest seen so far, and the segments
		// that a topic lacks as well
		assertThat(printed).as(() -> watcher.output()).containsExactly(
				"greeter.WARN | greeter > Preparing to greet the world...",
				"greeter.DEBUG | greeter #LLL > Sending message 1 of 5",
				"greeter.INFO  | greetings.hello > hello world!",
				"greeter.DEBUG | greeter #LLL > Sending message 2 of 5",
				"greeter.INFO  | greetings.hello > hello world!",
				"greeter.DEBUG | greeter #LLL > Sending message 3 of 5",
				"greeter.INFO  | greetings.hello > hello world!",
				"greeter.DEBUG | greeter #LLL > Sending message 4 of 5",
				"greeter.INFO  | greetings.hello > hello world!",
				"greeter.DEBUG | greeter #LLL > Sending message 5 of 5",
				"greeter.INFO  | greetings.hello > hello world!",
				"greeter.INFO .db.pool | greeter > pool exhausted",
				"greeter.ERROR.  .     | greeter > greeting failed",
				"java.lang.IllegalStateException: cannot reach the world",
				STACK_FRAMES,
				"Caused by: java.net.ConnectException: Connection refused",
				STACK_FRAMES,
				"greeter.INFO .  .     | greeter > Done!");
	}

	@Test
	void watcherWithoutAlignPrintsTopicsAsPublished() {
		int port = FreePorts.next();
		RunningProcess watcher = started(Python.watcher("--timestamp", "tcp://127.0.0.1:" + port));

		List<String> printed = runGreeterAndCollect(port, watcher);

		// every topic line starts with the watcher's timestamp; the stack trace lines do not
		List<String> withoutTimestamps = printed.stream()
			.map((line) -> WATCHER_TIMESTAMP.matcher(line).replaceFirst("<ts> "))
			.toList();
		assertThat(withoutTimestamps).as(() -> watcher.output()).containsExactly(
				"<ts> greeter.WARN | greeter > Preparing to greet the world...",
				"<ts> greeter.DEBUG | greeter #LLL > Sending message 1 of 5",
				"<ts> greeter.INFO | greetings.hello > hello world!",
				"<ts> greeter.DEBUG | greeter #LLL > Sending message 2 of 5",
				"<ts> greeter.INFO | greetings.hello > hello world!",
				"<ts> greeter.DEBUG | greeter #LLL > Sending message 3 of 5",
				"<ts> greeter.INFO | greetings.hello > hello world!",
				"<ts> greeter.DEBUG | greeter #LLL > Sending message 4 of 5",
				"<ts> greeter.INFO | greetings.hello > hello world!",
				"<ts> greeter.DEBUG | greeter #LLL > Sending message 5 of 5",
				"<ts> greeter.INFO | greetings.hello > hello world!",
				"<ts> greeter.INFO.db.pool | greeter > pool exhausted",
				"<ts> greeter.ERROR | greeter > greeting failed",
				"java.lang.IllegalStateException: cannot reach the world",
				STACK_FRAMES,
				"Caused by: java.net.ConnectException: Connection refused",
				STACK_FRAMES,
				"<ts> greeter.INFO | greeter > Done!");
	}

	/**
	 * Runs the greeter, which exits at once, and waits for the watcher to print its last
	 * line.
	 * @return the watcher's lines, with line numbers and stack frames normalised
	 */
	private List<String> runGreeterAndCollect(int port, RunningProcess watcher) {
		RunningProcess greeter = started(ChildJvm.main(GreeterMain.class)
			.logbackConfig("interop/greeter-logback.xml")
			.systemProperty("port", port)
			.start());
		assertThat(greeter.awaitExit(Duration.ofSeconds(10))).as(() -> greeter.output()).isZero();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(watcher.stdoutLines())
				.as(() -> "the watcher never printed Done!\n" + watcher.output() + "\n" + greeter.output())
				.anyMatch((line) -> line.endsWith("greeter > Done!")));
		return normalise(watcher.stdoutLines());
	}

	/** Replaces {@code %3line}'s number by {@code LLL} and each run of stack frames by one line. */
	private static List<String> normalise(List<String> lines) {
		List<String> normalised = new ArrayList<>();
		for (String line : lines) {
			if (STACK_FRAME.matcher(line).matches()) {
				if (normalised.isEmpty() || !normalised.get(normalised.size() - 1).equals(STACK_FRAMES)) {
					normalised.add(STACK_FRAMES);
				}
			}
			else {
				normalised.add(LINE_NUMBER.matcher(line).replaceAll("#LLL >"));
			}
		}
		return normalised;
	}

	private RunningProcess started(RunningProcess process) {
		this.processes.add(process);
		return process;
	}

}
