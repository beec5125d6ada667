package dev.zmqlog.viewer.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.TestResources;

/**
 * A command run on a pseudo-terminal, through util-linux {@code script}, with what it
 * prints kept byte for byte: what a user's terminal receives, newlines turned into
 * {@code \r\n} by the terminal. {@link #interrupt()} is a user's Ctrl-C. Close it to make
 * sure the command is gone.
 */
final class TerminalProcess implements AutoCloseable {

	private final Process script;

	private final String description;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final Thread reader;

	private TerminalProcess(Process script, String description) {
		this.script = script;
		this.description = description;
		this.reader = new Thread(() -> collect(script.getInputStream()), description + " terminal");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	static TerminalProcess start(List<String> command, String description) {
		// a parent that ignores SIGINT passes that on; Ctrl-C must reach the command
		List<String> withSigint = new ArrayList<>();
		withSigint.add(Python.PYTHON);
		withSigint.add(TestResources.path("cli/sigint_default.py").toString());
		withSigint.addAll(command);
		ProcessBuilder builder = new ProcessBuilder("script", "--quiet", "--flush", "--command",
				"exec " + shellQuoted(withSigint), "/dev/null");
		builder.environment().put("PYTHONIOENCODING", "utf-8");
		builder.redirectErrorStream(true);
		try {
			return new TerminalProcess(builder.start(), description);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + description + ": " + command, ex);
		}
	}

	private void collect(InputStream stream) {
		byte[] buffer = new byte[8192];
		try (stream) {
			int read;
			while ((read = stream.read(buffer)) >= 0) {
				synchronized (this.output) {
					this.output.write(buffer, 0, read);
				}
			}
		}
		catch (IOException ex) {
			// the process was destroyed while we read: what we have is all there is
		}
	}

	/** The bytes printed so far. */
	byte[] bytes() {
		synchronized (this.output) {
			return this.output.toByteArray();
		}
	}

	/** What was printed so far, as text. */
	String text() {
		return new String(bytes(), StandardCharsets.UTF_8);
	}

	/** Sends SIGINT to the command, as Ctrl-C on its terminal does. */
	void interrupt() {
		List<ProcessHandle> commands = this.script.children().toList();
		if (commands.isEmpty()) {
			throw new AssertionError(this.description + " is not running\n" + text());
		}
		for (ProcessHandle command : commands) {
			signal("INT", command.pid());
		}
	}

	/** Through the shell's own {@code kill}: a minimal system may have no kill program. */
	private static void signal(String signal, long pid) {
		try {
			Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + pid).inheritIO().start();
			kill.waitFor(5, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits for the command, and so {@code script}, to end.
	 * @throws AssertionError when it is still running, with what it printed
	 */
	void awaitExit(Duration timeout) {
		try {
			if (!this.script.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError(this.description + " still running after " + timeout + "\n" + text());
			}
			this.reader.join(2_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted waiting for " + this.description, ex);
		}
	}

	@Override
	public void close() {
		this.script.descendants().forEach(ProcessHandle::destroyForcibly);
		this.script.destroyForcibly();
		try {
			this.script.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String shellQuoted(List<String> command) {
		List<String> quoted = new ArrayList<>();
		for (String arg : command) {
			quoted.add("'" + arg.replace("'", "'\\''") + "'");
		}
		return String.join(" ", quoted);
	}

}
