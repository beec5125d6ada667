package dev.zmqlog.viewer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.ProcessOutput;
import dev.zmqlog.testing.TestResources;
import dev.zmqlog.viewer.ZmqLogViewer;

/**
 * {@code ZmqLogViewer ARGS} in a JVM of its own, started as {@code ChildJvm} starts one but
 * with SIGINT at its default disposition, so that a test can stop it as a user does:
 * {@link #interrupt()} (Ctrl-C) or {@link #terminate()} (SIGTERM). Close it to make sure
 * it is gone.
 */
final class ViewerJvm implements AutoCloseable {

	private final Process process;

	private final ProcessOutput stdout;

	private final ProcessOutput stderr;

	private ViewerJvm(Process process) {
		this.process = process;
		this.stdout = ProcessOutput.collect(process.getInputStream(), "viewer stdout");
		this.stderr = ProcessOutput.collect(process.getErrorStream(), "viewer stderr");
	}

	static ViewerJvm start(String... args) {
		List<String> command = new ArrayList<>();
		// the wrapper execs the JVM: the process started here is the JVM itself
		command.add(Python.PYTHON);
		command.add(TestResources.path("cli/sigint_default.py").toString());
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ZmqLogViewer.class.getName());
		command.addAll(List.of(args));
		try {
			return new ViewerJvm(new ProcessBuilder(command).start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + command, ex);
		}
	}

	List<String> stdoutLines() {
		return this.stdout.lines();
	}

	List<String> stderrLines() {
		return this.stderr.lines();
	}

	String output() {
		return "--- stdout ---\n" + this.stdout.text() + "\n--- stderr ---\n" + this.stderr.text() + "\n---";
	}

	/** Ctrl-C, through the shell's own {@code kill}: a minimal system may have no kill program. */
	void interrupt() {
		try {
			new ProcessBuilder("sh", "-c", "kill -INT " + this.process.pid()).inheritIO().start().waitFor();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void terminate() {
		this.process.destroy();
	}

	/**
	 * Waits for the JVM to exit.
	 * @return the exit code
	 * @throws AssertionError when it is still running, with what it printed
	 */
	int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError("still running after " + timeout + "\n" + output());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
		this.stdout.awaitEnd(2_000);
		this.stderr.awaitEnd(2_000);
		return this.process.exitValue();
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
