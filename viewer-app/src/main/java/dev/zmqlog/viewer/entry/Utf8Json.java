package dev.zmqlog.viewer.entry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * <p>
 * Public so that the stream can write its frames around entries in the same array that
 * {@link EntryJson} writes them into, and send slices of it without copying.
 */
public final class Utf8Json {

	private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private byte[] bytes;

	private int size;

	/** The most a cleared writer keeps: the array a rare large batch grew is let go. */
	public static final int MAX_RETAINED_BYTES = 1 << 20;

	private final int capacity;

	/** Made on the first instant written, kept while the writer is: see {@link IsoInstant}. */
	private @Nullable IsoInstant instants;

	public Utf8Json(int capacity) {
		this.capacity = Math.max(16, capacity);
		this.bytes = new byte[this.capacity];
	}

	/** Empties it, to be written again from the start; what was written before is then gone. */
	public void clear() {
		this.size = 0;
		if (this.bytes.length > MAX_RETAINED_BYTES) {
			this.bytes = new byte[Math.min(this.capacity, MAX_RETAINED_BYTES)];
		}
	}

	/** Bytes written so far. */
	public int size() {
		return this.size;
	}

	/**
	 * The array written into, not a copy: valid up to {@link #size()}, and only until the
	 * next write, which may replace it with a larger one.
	 */
	public byte[] array() {
		return this.bytes;
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

	/** Bytes the caller knows to be valid JSON text, written as they are. */
	public Utf8Json raw(byte[] text) {
		ensure(text.length);
		System.arraycopy(text, 0, this.bytes, this.size, text.length);
		this.size += text.length;
		return this;
	}

	/**
	 * Replaces one byte already written with the given bytes, moving what follows it.
	 * @param at where the byte is
	 * @param text what takes its place
	 */
	public void replace(int at, byte[] text) {
		int grow = text.length - 1;
		ensure(grow);
		System.arraycopy(this.bytes, at + 1, this.bytes, at + 1 + grow, this.size - at - 1);
		System.arraycopy(text, 0, this.bytes, at, text.length);
		this.size += grow;
	}

	public Utf8Json raw(char ascii) {
		ensure(1);
		this.bytes[this.size++] = (byte) ascii;
		return this;
	}

	/** ASCII text written as it is: punctuation and property names the caller knows need no escape. */
	@SuppressWarnings("deprecation")
	public Utf8Json raw(String ascii) {
		int length = ascii.length();
		ensure(length);
		// deprecated for dropping each char's high byte, which ASCII has none of: one bulk copy
		ascii.getBytes(0, length, this.bytes, this.size);
		this.size += length;
		return this;
	}

	Utf8Json number(@Nullable Long number) {
		return (number != null) ? number(number.longValue()) : nullValue();
	}

	/** Digits written in place: no String per number. */
	Utf8Json number(long number) {
		if (number == Long.MIN_VALUE) {
			return raw(Long.toString(number));
		}
		ensure(20);
		long value = number;
		if (value < 0) {
			this.bytes[this.size++] = '-';
			value = -value;
		}
		int end = this.size + digitCount(value);
		for (int at = end - 1; at >= this.size; at--) {
			this.bytes[at] = (byte) ('0' + value % 10);
			value /= 10;
		}
		this.size = end;
		return this;
	}

	private static int digitCount(long value) {
		int count = 1;
		for (long limit = 10; count < 19 && value >= limit; limit *= 10) {
			count++;
		}
		return count;
	}

	/** An instant as a JSON string in {@link Instant#toString()}'s form. */
	Utf8Json instant(Instant instant) {
		if (this.instants == null) {
			this.instants = new IsoInstant();
		}
		ensure(IsoInstant.MAX_LENGTH + 2);
		this.bytes[this.size++] = '"';
		int written = this.instants.write(instant, this.bytes, this.size);
		if (written < 0) {
			// outside the years 0 to 9999: rare enough for the JDK's own text
			this.size--;
			return string(instant.toString());
		}
		this.size += written;
		this.bytes[this.size++] = '"';
		return this;
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
