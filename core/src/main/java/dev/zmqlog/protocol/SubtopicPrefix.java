package dev.zmqlog.protocol;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * pyzmq's in-message subtopic: {@code "sub.topic::the real message"} is published on
 * {@code root.LEVEL.sub.topic} with the message {@code "the real message"}.
 * <p>
 * Stricter than pyzmq so that Java prose survives: the prefix must contain no whitespace,
 * and text that reads like a method reference ({@code Foo::bar()}, {@code List::of}) is
 * not split.
 *
 * @param subtopic the subtopic, or {@code null} when the message had none
 * @param message the message without the prefix
 */
public record SubtopicPrefix(@Nullable String subtopic, String message) {

	/** pyzmq's {@code TOPIC_DELIM}. */
	public static final String DEFAULT_DELIMITER = "::";

	private static final Pattern MEMBER_REFERENCE = Pattern.compile("^[\\p{L}_$][\\p{L}\\p{N}_$]*(\\(|$)");

	/**
	 * Splits the subtopic prefix off a message.
	 * @param message the formatted message
	 * @param delimiter the delimiter, usually {@code ::}
	 * @return the subtopic (or none) and the remaining message
	 */
	public static SubtopicPrefix split(String message, String delimiter) {
		int end = prefixEnd(message, delimiter);
		if (end < 0) {
			return new SubtopicPrefix(null, message);
		}
		String rest = message.substring(end + delimiter.length());
		if (MEMBER_REFERENCE.matcher(rest).find()) {
			return new SubtopicPrefix(null, message);
		}
		return new SubtopicPrefix(end == 0 ? null : message.substring(0, end), rest);
	}

	/** The index of the delimiter when only non-whitespace stands before it, else -1. */
	private static int prefixEnd(String message, String delimiter) {
		if (delimiter.isEmpty()) {
			return -1;
		}
		char first = delimiter.charAt(0);
		for (int i = 0; i < message.length(); i++) {
			char c = message.charAt(i);
			if (c == first && message.startsWith(delimiter, i)) {
				return i;
			}
			if (Character.isWhitespace(c)) {
				return -1;
			}
		}
		return -1;
	}

}
