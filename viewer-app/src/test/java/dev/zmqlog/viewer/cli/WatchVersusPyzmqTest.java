package dev.zmqlog.viewer.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Our {@code watch} and pyzmq's {@code python -m zmq.log}, side by side on terminals of
 * their own, subscribed to one publisher (pyzmq's PUBHandler and a few raw messages):
 * the terminals receive the same bytes, from the first line to what Ctrl-C leaves.
 */
class WatchVersusPyzmqTest {

	/**
	 * Long enough for one stalled connection: a JeroMQ socket that connects now and then
	 * never completes its handshake until the 30 s handshake timer reconnects it (JeroMQ
	 * 0.6.0's connect hand-off race, zeromq/jeromq#1022).
	 */
	private static final Duration TIMEOUT = Duration.ofSeconds(45);

	private final List<AutoCloseable> processes = new ArrayList<>();

	@AfterEach
	void stopProcesses() throws Exception {
		for (AutoCloseable process : this.processes) {
			process.close();
		}
	}

	@Test
	void alignedColouredLinesAreThoseOfPyzmqByteForByte() {
		String[] args = { "-t", "greeter", "--align", "--color" };

		Terminals terminals = watchSideBySide(args);

		// not vacuous: every level's colour, aligned subtopics, and Ctrl-C's resets
		assertThat(terminals.pyzmq()).contains("\u001b[33mgreeter.WARNING | ", "\u001b[96mgreeter.DEBUG   | ",
				"\u001b[97mgreeter.INFO   .db.pool | pool exhausted\u001b[39m\r\n", "\u001b[91mgreeter.ERROR  .  .     | ",
				"\u001b[91mgreeter.CRITICAL.  .     | ", "first line\r\nsecond line\r\n\tindented third\u001b[39m\r\n")
			.endsWith("the end\u001b[39m\r\n\u001b[39m\r\n\u001b[0m");
		assertThat(visible(terminals.ours())).isEqualTo(visible(terminals.pyzmq()));
		assertThat(terminals.oursBytes()).isEqualTo(terminals.pyzmqBytes());
	}

	@Test
	void timestampedLinesWithOwnSeparatorAreThoseOfPyzmqByteForByte() {
		// a date format that names no minute, so that both watchers print the same stamp
		String[] args = { "-t", "greeter", "--timestamp", "--dateformat", "%Y|%%|%z%Z", "--separator", " :: " };

		Terminals terminals = watchSideBySide(args);

		assertThat(terminals.pyzmq()).containsPattern("\\d{4}\\|%\\| greeter.WARNING :: WARNING ")
			.contains("greeter.INFO.db.pool :: pool exhausted\r\n")
			.doesNotContain("\u001b[");
		assertThat(visible(terminals.ours())).isEqualTo(visible(terminals.pyzmq()));
		assertThat(terminals.oursBytes()).isEqualTo(terminals.pyzmqBytes());
	}

	/**
	 * Starts the publisher, both watchers with the same arguments and the publisher's
	 * endpoint, waits for the last line on both terminals, then interrupts both.
	 */
	private Terminals watchSideBySide(String... args) {
		int port = FreePorts.next();
		RunningProcess publisher = started(Python.script("cli/greeter_pubhandler.py", Integer.toString(port), "2"));
		await().atMost(TIMEOUT).until(() -> publisher.stdoutLines().contains("bound"));
		List<String> watchArgs = new ArrayList<>(List.of(args));
		watchArgs.add("tcp://127.0.0.1:" + port);
		String[] arguments = watchArgs.toArray(String[]::new);
		TerminalProcess ours = started(TerminalProcess.start(Commands.watch(arguments), "watch"));
		TerminalProcess pyzmq = started(TerminalProcess.start(Commands.pyzmqWatch(arguments), "pyzmq watcher"));

		assertThat(publisher.awaitExit(TIMEOUT)).as(publisher::output).isZero();
		for (TerminalProcess terminal : List.of(ours, pyzmq)) {
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(terminal.text()).as("the last line").contains("the end"));
		}
		ours.interrupt();
		pyzmq.interrupt();
		ours.awaitExit(TIMEOUT);
		pyzmq.awaitExit(TIMEOUT);
		return new Terminals(ours.bytes(), pyzmq.bytes());
	}

	/** The text with escapes and carriage returns spelled out, so that a difference shows. */
	private static String visible(String text) {
		return text.replace("\u001b", "<ESC>").replace("\r", "<CR>");
	}

	private <T extends AutoCloseable> T started(T process) {
		this.processes.add(process);
		return process;
	}

	/** What each terminal received. */
	private record Terminals(byte[] oursBytes, byte[] pyzmqBytes) {

		String ours() {
			return new String(this.oursBytes, StandardCharsets.UTF_8);
		}

		String pyzmq() {
			return new String(this.pyzmqBytes, StandardCharsets.UTF_8);
		}

	}

}
