package dev.zmqlog.viewer.cli;

/**
 * Python's notions of text where the watcher must agree with pyzmq's byte for byte:
 * {@code str.strip()} and {@code len()}.
 */
final class PythonText {

	private PythonText() {
	}

	/**
	 * Python's {@code str.strip()}: removes what {@code str.isspace()} calls whitespace,
	 * which is more than Java's {@link String#strip()} (no-break spaces, NEL, U+001C..1F).
	 */
	static String strip(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && isSpace(text.charAt(start))) {
			start++;
		}
		while (end > start && isSpace(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	/** Python's {@code str.isspace()} for one character; every such character is in the BMP. */
	static boolean isSpace(char c) {
		return switch (c) {
			case '\t', '\n', '\u000b', '\f', '\r', '\u001c', '\u001d', '\u001e', '\u001f', ' ', '\u0085', '\u00a0',
					'\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000' ->
				true;
			default -> c >= '\u2000' && c <= '\u200a';
		};
	}

	/** Python's {@code len()}: code points, not UTF-16 units. */
	static int length(String text) {
		return text.codePointCount(0, text.length());
	}

}
