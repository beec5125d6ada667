package dev.zmqlog.protocol;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * pyzmq's in-message subtopic: {@code "sub.topic::the real message"} is published on
 * {@code root.LEVEL.sub.topic} with the message {@code "the real message"}.
 * <p>
 * Stricter than pyzmq so that Java prose survives: the prefix must contain no whitespace,
 * and text that reads like a method reference ({@code Foo::bar()}, {@code List::of},
 * {@code this::handle}: a type or {@code this} before the delimiter, a member name after
 * it) is not split. As in pyzmq, {@code "db.pool::exhausted"} is split and an empty prefix
 * ({@code "::message"}) is stripped without a subtopic.
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
		String prefix = message.substring(0, end);
		String rest = message.substring(end + delimiter.length());
		if (readsLikeMethodReference(prefix, rest)) {
			return new SubtopicPrefix(null, message);
		}
		return new SubtopicPrefix(prefix.isEmpty() ? null : prefix, rest);
	}

	/** Whether a type (or {@code this}, {@code super}) stands before and a member name after. */
	private static boolean readsLikeMethodReference(String prefix, String rest) {
		String receiver = prefix.substring(prefix.lastIndexOf('.') + 1);
		boolean typeOrThis = !receiver.isEmpty() && (Character.isUpperCase(receiver.codePointAt(0))
				|| receiver.equals("this") || receiver.equals("super"));
		return typeOrThis && MEMBER_REFERENCE.matcher(rest).find();
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
