package dev.zmqlog.viewer.cli;

/**
 * Makes received text safe to print on a terminal: colour sequences ({@code ESC [ .. m})
 * and tab, newline and carriage return pass; every other control character, and so every
 * other escape sequence (cursor moves, screen clearing, window titles, hyperlinks), is
 * shown inert as {@code \xHH}. Log text is hostile input; plain log lines are unchanged.
 */
final class TerminalText {

	private static final char ESC = '\u001b';

	private TerminalText() {
	}

	static String inert(String text) {
		int first = firstUnsafe(text, 0);
		if (first < 0) {
			return text;
		}
		StringBuilder safe = new StringBuilder(text.length() + 16).append(text, 0, first);
		int i = first;
		while (i < text.length()) {
			char c = text.charAt(i);
			int colourEnd = (c == ESC) ? colourSequenceEnd(text, i) : -1;
			if (colourEnd > 0) {
				safe.append(text, i, colourEnd);
				i = colourEnd;
			}
			else if (isControl(c)) {
				safe.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
				i++;
			}
			else {
				safe.append(c);
				i++;
			}
		}
		return safe.toString();
	}

	private static int firstUnsafe(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			if (isControl(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	/** C0 controls but tab, newline and carriage return; DEL; C1 controls (U+009B is a CSI). */
	private static boolean isControl(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
	}

	/** The end of an SGR sequence {@code ESC [ digits-and-semicolons m} at {@code start}, or -1. */
	private static int colourSequenceEnd(String text, int start) {
		int i = start + 1;
		if (i >= text.length() || text.charAt(i) != '[') {
			return -1;
		}
		for (i++; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 'm') {
				return i + 1;
			}
			if ((c < '0' || c > '9') && c != ';') {
				return -1;
			}
		}
		return -1;
	}

}
