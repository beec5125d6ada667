package dev.zmqlog.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A child process with its stdout and stderr collected line by line. Close it to make
 * sure it is gone.
 */
public final class RunningProcess implements AutoCloseable {

	private final Process process;

	private final String description;

	private final ProcessOutput stdout;

	private final ProcessOutput stderr;

	private RunningProcess(Process process, String description) {
		this.process = process;
		this.description = description;
		this.stdout = ProcessOutput.collect(process.getInputStream(), description + " stdout");
		this.stderr = ProcessOutput.collect(process.getErrorStream(), description + " stderr");
	}

	public static RunningProcess start(List<String> command, String description) {
		try {
			return new RunningProcess(new ProcessBuilder(command).start(), description);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + description + ": " + command, ex);
		}
	}

	/** The operating system's handle of the process, e.g. for its CPU time. */
	public ProcessHandle handle() {
		return this.process.toHandle();
	}

	/**
	 * Waits for the process to exit by itself.
	 * @param timeout how long to wait
	 * @return the exit code
	 * @throws AssertionError when it is still running, with what it printed
	 */
	public int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError(this.description + " still running after " + timeout + "\n" + output());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted waiting for " + this.description, ex);
		}
		// the streams end with the process; let the readers take the last lines
		this.stdout.awaitEnd(2_000);
		this.stderr.awaitEnd(2_000);
		return this.process.exitValue();
	}

	/** Whether one of the process's threads is named with this prefix (Linux: each task's {@code comm} under {@code /proc/PID/task}). */
	public boolean hasThreadNamed(String prefix) {
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(this.process.pid()), "task"))) {
			return tasks.anyMatch((task) -> {
				try {
					return Files.readString(task.resolve("comm")).startsWith(prefix);
				}
				catch (IOException ex) {
					// the thread ended while we looked
					return false;
				}
			});
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Writes a line to the process's standard input. */
	public void writeLine(String line) {
		try {
			this.process.getOutputStream().write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
			this.process.getOutputStream().flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public List<String> stdoutLines() {
		return this.stdout.lines();
	}

	public List<String> stderrLines() {
		return this.stderr.lines();
	}

	/** Everything printed so far, stdout then stderr, for assertion messages. */
	public String output() {
		return "--- " + this.description + " stdout ---\n" + this.stdout.text() + "\n--- " + this.description
				+ " stderr ---\n" + this.stderr.text() + "\n---";
	}

	/** SIGTERM, as a service manager stops a process. */
	public void terminate() {
		this.process.destroy();
	}

	/** SIGINT (Ctrl-C), through the shell's own {@code kill}: a minimal system may have no kill program. */
	public void interrupt() {
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
