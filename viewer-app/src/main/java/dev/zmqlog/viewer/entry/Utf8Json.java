package dev.zmqlog.viewer.entry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * JSON text written straight into a growable array of UTF-8 bytes: what a general JSON
 * generator does per character (copy to a char buffer, look up an escape table, encode)
 * cost a third of the viewer's time at high rates; here a character that needs nothing
 * is one comparison and one store. Escapes as Jackson does by default ({@code "},
 * {@code \}, control characters); an unpaired surrogate, which a record's {@code \ud800}
 * escape can put in a string and which UTF-8 cannot encode, is written as U+FFFD rather
 * than stopping the batch it is in. Not thread-safe.
 */
final class Utf8Json {

	private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private byte[] bytes;

	private int size;

	Utf8Json(int capacity) {
		this.bytes = new byte[Math.max(16, capacity)];
	}

	int size() {
		return this.size;
	}

	byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.size);
	}

	void writeTo(OutputStream out) {
		try {
			out.write(this.bytes, 0, this.size);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String text() {
		return new String(this.bytes, 0, this.size, StandardCharsets.UTF_8);
	}

	private void ensure(int more) {
		if (this.size + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.size + more, this.bytes.length * 2));
		}
	}

	Utf8Json raw(char ascii) {
		ensure(1);
		this.bytes[this.size++] = (byte) ascii;
		return this;
	}

	/** ASCII text written as it is: punctuation and property names the caller knows need no escape. */
	Utf8Json raw(String ascii) {
		int length = ascii.length();
		ensure(length);
		for (int i = 0; i < length; i++) {
			this.bytes[this.size++] = (byte) ascii.charAt(i);
		}
		return this;
	}

	Utf8Json number(@Nullable Long number) {
		return (number != null) ? raw(Long.toString(number)) : nullValue();
	}

	Utf8Json nullValue() {
		ensure(NULL.length);
		System.arraycopy(NULL, 0, this.bytes, this.size, NULL.length);
		this.size += NULL.length;
		return this;
	}

	/** A JSON string, or {@code null}. */
	Utf8Json string(@Nullable String text) {
		if (text == null) {
			return nullValue();
		}
		int length = text.length();
		// three bytes a character at most, but for escapes, which make room for themselves
		ensure(3 * length + 2);
		byte[] out = this.bytes;
		int at = this.size;
		out[at++] = '"';
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
				out[at++] = (byte) c;
			}
			else {
				this.size = at;
				i = special(text, i, c);
				out = this.bytes;
				at = this.size;
			}
		}
		out[at++] = '"';
		this.size = at;
		return this;
	}

	/** Writes a character that is not plain ASCII; returns the index of the last character used. */
	private int special(String text, int i, char c) {
		ensure(6 + 3 * (text.length() - i));
		if (c < 0x80) {
			escape(c);
			return i;
		}
		if (c < 0x800) {
			put(0xC0 | (c >> 6));
			put(0x80 | (c & 0x3F));
			return i;
		}
		if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
			int point = Character.toCodePoint(c, text.charAt(i + 1));
			put(0xF0 | (point >> 18));
			put(0x80 | ((point >> 12) & 0x3F));
			put(0x80 | ((point >> 6) & 0x3F));
			put(0x80 | (point & 0x3F));
			return i + 1;
		}
		char encoded = Character.isSurrogate(c) ? '\uFFFD' : c;
		put(0xE0 | (encoded >> 12));
		put(0x80 | ((encoded >> 6) & 0x3F));
		put(0x80 | (encoded & 0x3F));
		return i;
	}

	private void escape(char c) {
		put('\\');
		switch (c) {
			case '"' -> put('"');
			case '\\' -> put('\\');
			case '\n' -> put('n');
			case '\r' -> put('r');
			case '\t' -> put('t');
			case '\b' -> put('b');
			case '\f' -> put('f');
			default -> {
				put('u');
				put('0');
				put('0');
				put(HEX[c >> 4]);
				put(HEX[c & 0xF]);
			}
		}
	}

	private void put(int b) {
		this.bytes[this.size++] = (byte) b;
	}

}
