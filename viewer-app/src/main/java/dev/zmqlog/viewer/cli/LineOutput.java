package dev.zmqlog.viewer.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes whole lines in UTF-8, whatever the platform's encoding, each flushed at once so
 * that a reader sees it as soon as it is printed. Thread-safe: a line is never split.
 */
final class LineOutput {

	private final OutputStream out;

	LineOutput(OutputStream out) {
		this.out = out;
	}

	static LineOutput stdout() {
		return new LineOutput(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 16 * 1024));
	}

	static LineOutput stderr() {
		return new LineOutput(new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 4 * 1024));
	}

	/**
	 * Prints a line and its newline.
	 * @return {@code false} when the output is closed (a pipe whose reader is gone)
	 */
	boolean println(String line) {
		return print(line + "\n");
	}

	/**
	 * Prints text as it is, e.g. a help text that ends with its own newline.
	 * @return {@code false} when the output is closed
	 */
	synchronized boolean print(String text) {
		try {
			this.out.write(text.getBytes(StandardCharsets.UTF_8));
			this.out.flush();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
