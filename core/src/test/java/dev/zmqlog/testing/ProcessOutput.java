package dev.zmqlog.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines a child process writes to one of its streams, collected on a daemon thread as
 * they arrive.
 */
public final class ProcessOutput {

	private final List<String> lines = new ArrayList<>();

	private final Thread reader;

	private ProcessOutput(InputStream stream, String threadName) {
		this.reader = new Thread(() -> collect(stream), threadName);
		this.reader.setDaemon(true);
		this.reader.start();
	}

	public static ProcessOutput collect(InputStream stream, String threadName) {
		return new ProcessOutput(stream, threadName);
	}

	private void collect(InputStream stream) {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				synchronized (this.lines) {
					this.lines.add(line);
				}
			}
		}
		catch (IOException ex) {
			// the process was destroyed while we read: what we have is all there is
		}
	}

	/** The lines read so far. */
	public List<String> lines() {
		synchronized (this.lines) {
			return List.copyOf(this.lines);
		}
	}

	/** The lines read so far, joined with newlines. */
	public String text() {
		return String.join("\n", lines());
	}

	/** Waits a little for the reader to reach the end of a stream whose process ended. */
	public void awaitEnd(long millis) {
		try {
			this.reader.join(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
