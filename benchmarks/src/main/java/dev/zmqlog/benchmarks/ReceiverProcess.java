package dev.zmqlog.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The harness's handle on a {@link FrameCounter} running in a child JVM: a receiver that
 * does not share the sender's JVM, heap or JIT, as a real subscriber would not.
 */
final class ReceiverProcess implements AutoCloseable {

	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private final Process process;

	private final BufferedReader answers;

	private final PrintWriter commands;

	ReceiverProcess(List<String> endpoints) throws IOException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
				System.getProperty("java.class.path"), FrameCounter.class.getName()));
		command.addAll(endpoints);
		this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		this.answers = new BufferedReader(new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
		this.commands = new PrintWriter(this.process.getOutputStream(), true, StandardCharsets.UTF_8);
		String greeting = this.answers.readLine();
		if (!"ready".equals(greeting)) {
			throw new IOException("receiver did not start: " + greeting);
		}
	}

	long count() throws IOException {
		this.commands.println("count");
		return Long.parseLong(this.answers.readLine());
	}

	/** The frames of a message received lately. */
	byte[][] sample() throws IOException {
		this.commands.println("sample");
		String[] encoded = this.answers.readLine().split(" ");
		byte[][] frames = new byte[encoded.length][];
		for (int i = 0; i < encoded.length; i++) {
			frames[i] = Base64.getDecoder().decode(encoded[i]);
		}
		return frames;
	}

	/** Waits until the count reaches {@code expected} or stops moving for {@code quietNanos}. */
	Arrival awaitCount(long expected, long quietNanos) throws IOException {
		long count = count();
		long changedAt = System.nanoTime();
		while (count < expected && System.nanoTime() - changedAt < quietNanos) {
			LockSupport.parkNanos(POLL_NANOS);
			long now = count();
			if (now != count) {
				count = now;
				changedAt = System.nanoTime();
			}
		}
		return new Arrival(count, changedAt);
	}

	@Override
	public void close() throws InterruptedException {
		this.commands.println("quit");
		if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	/**
	 * @param count messages received so far
	 * @param lastGrowthNanos {@link System#nanoTime()} when the count last grew
	 */
	record Arrival(long count, long lastGrowthNanos) {
	}

}
