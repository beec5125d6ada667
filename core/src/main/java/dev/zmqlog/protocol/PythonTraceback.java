package dev.zmqlog.protocol;

import org.jspecify.annotations.Nullable;

/**
 * The traceback that Python's {@code logging.Formatter} appends to the text of a
 * {@code logger.exception(..)} record, as pyzmq's {@code PUBHandler} sends it: the message,
 * a line break, then {@code Traceback (most recent call last):} and the rest.
 *
 * @param message the text before the traceback
 * @param traceback the traceback, from its first line
 */
record PythonTraceback(String message, String traceback) {

	private static final String START = "Traceback (most recent call last):";

	/** The text split at its traceback, or {@code null} when it has none. */
	static @Nullable PythonTraceback split(String text) {
		int start = text.startsWith(START) ? 0 : text.indexOf("\n" + START) + 1;
		if (start == 0 && !text.startsWith(START)) {
			return null;
		}
		return new PythonTraceback(text.substring(0, start).stripTrailing(), text.substring(start).stripTrailing());
	}

}
