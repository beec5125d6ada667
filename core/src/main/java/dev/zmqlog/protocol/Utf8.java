package dev.zmqlog.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation of received bytes, without decoding them: what the JDK's
 * decoder with {@code REPORT} accepts, no overlong forms, no surrogates, nothing beyond
 * U+10FFFF, no truncated sequences. A JSON record then needs no String of its whole text.
 */
final class Utf8 {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

	private Utf8() {
	}

	/** Whether {@code bytes} are well-formed UTF-8. */
	static boolean isWellFormed(byte[] bytes) {
		int i = 0;
		while (i < bytes.length) {
			// log records are mostly ASCII: eight bytes a step until a byte has its high bit
			if (i + Long.BYTES <= bytes.length && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
				i += Long.BYTES;
				continue;
			}
			int lead = bytes[i] & 0xFF;
			if (lead < 0x80) {
				i++;
				continue;
			}
			int length = sequenceLength(bytes, i, lead);
			if (length == 0) {
				return false;
			}
			i += length;
		}
		return true;
	}

	/** The length of the multi-byte sequence at {@code i}, or 0 when it is malformed. */
	private static int sequenceLength(byte[] bytes, int i, int lead) {
		int length;
		int min;
		int max;
		if (lead >= 0xC2 && lead <= 0xDF) {
			length = 2;
			min = 0x80;
			max = 0x7FF;
		}
		else if (lead >= 0xE0 && lead <= 0xEF) {
			length = 3;
			min = 0x800;
			max = 0xFFFF;
		}
		else if (lead >= 0xF0 && lead <= 0xF4) {
			length = 4;
			min = 0x1_0000;
			max = 0x10_FFFF;
		}
		else {
			return 0;
		}
		if (i + length > bytes.length) {
			return 0;
		}
		int codePoint = lead & (0x7F >> length);
		for (int k = 1; k < length; k++) {
			int next = bytes[i + k] & 0xFF;
			if ((next & 0xC0) != 0x80) {
				return 0;
			}
			codePoint = (codePoint << 6) | (next & 0x3F);
		}
		boolean surrogate = codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
		return (codePoint < min || codePoint > max || surrogate) ? 0 : length;
	}

}
