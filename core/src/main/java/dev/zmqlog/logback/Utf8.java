package dev.zmqlog.logback;

/**
 * UTF-8 encoding of a {@link CharSequence} straight into an array of the exact size, so
 * that a formatted {@link StringBuilder} goes on the wire without first becoming a
 * {@link String}. Encodes as {@code String.getBytes(UTF_8)} does, including its {@code '?'}
 * for a surrogate without its pair.
 */
final class Utf8 {

	private static final byte REPLACEMENT = '?';

	private Utf8() {
	}

	static byte[] bytes(CharSequence text) {
		int length = text.length();
		byte[] bytes = new byte[encodedLength(text, length)];
		int at = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes[at++] = (byte) c;
			}
			else if (c < 0x800) {
				bytes[at++] = (byte) (0xC0 | (c >> 6));
				bytes[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (!Character.isSurrogate(c)) {
				bytes[at++] = (byte) (0xE0 | (c >> 12));
				bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				bytes[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (isPairAt(text, i, length)) {
				int codePoint = Character.toCodePoint(c, text.charAt(++i));
				bytes[at++] = (byte) (0xF0 | (codePoint >> 18));
				bytes[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
				bytes[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
				bytes[at++] = (byte) (0x80 | (codePoint & 0x3F));
			}
			else {
				bytes[at++] = REPLACEMENT;
			}
		}
		return bytes;
	}

	private static int encodedLength(CharSequence text, int length) {
		int encoded = length;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				continue;
			}
			if (c < 0x800) {
				encoded += 1;
			}
			else if (!Character.isSurrogate(c)) {
				encoded += 2;
			}
			else if (isPairAt(text, i, length)) {
				// two chars, four bytes
				encoded += 2;
				i++;
			}
		}
		return encoded;
	}

	private static boolean isPairAt(CharSequence text, int i, int length) {
		return Character.isHighSurrogate(text.charAt(i)) && i + 1 < length
				&& Character.isLowSurrogate(text.charAt(i + 1));
	}

}
