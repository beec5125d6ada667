package dev.zmqlog.viewer.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes an instant as {@link Instant#toString()} does ({@code 2026-01-01T10:00:00.123Z}:
 * the fraction in 3, 6 or 9 digits, or none), as ASCII bytes, several times faster: every
 * entry written has two, and {@code Instant.toString} went through a general date-time
 * formatter. Remembers the date and time of the last two seconds it wrote: an entry's own
 * time and the time it was received mostly fall in one second or in two, shared by the
 * entries around it, so that most instants cost only their fraction, written two digits at
 * a time. Not thread-safe: one per {@link Utf8Json}, which a writer keeps across batches.
 */
final class IsoInstant {

	/** The longest text written: 19 characters of date and time, a 10-character fraction, 'Z'. */
	static final int MAX_LENGTH = 30;

	private static final long SECONDS_PER_DAY = 86_400;

	/** Year 0 to 9999: what needs no sign and four digits; others go the long way. */
	private static final long MIN_SECOND = -62_167_219_200L;

	private static final long MAX_SECOND = 253_402_300_799L;

	private static final int SECOND_LENGTH = 19;

	/** "00" to "99", each number's two digits at twice its index. */
	private static final byte[] TWO_DIGITS = twoDigits();

	private final SecondText[] lastSeconds = { SecondText.NONE, SecondText.NONE };

	/** The slot the next second not remembered takes: the one not used last. */
	private int nextSlot;

	/** The text of {@link Instant#toString()}. */
	static String format(Instant instant) {
		byte[] text = new byte[MAX_LENGTH];
		int length = new IsoInstant().write(instant, text, 0);
		return (length < 0) ? instant.toString() : new String(text, 0, length, StandardCharsets.US_ASCII);
	}

	/**
	 * Writes the instant's text.
	 * @param to where, with room for {@link #MAX_LENGTH} bytes from {@code at}
	 * @return the bytes written, or {@code -1} for an instant outside the years 0 to 9999,
	 * which is left to {@link Instant#toString()}
	 */
	int write(Instant instant, byte[] to, int at) {
		long seconds = instant.getEpochSecond();
		if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
			return -1;
		}
		System.arraycopy(secondText(seconds), 0, to, at, SECOND_LENGTH);
		int end = at + SECOND_LENGTH;
		int nanos = instant.getNano();
		if (nanos > 0) {
			to[end++] = '.';
			if (nanos % 1_000_000 == 0) {
				digits(to, end, nanos / 1_000_000, 3);
				end += 3;
			}
			else if (nanos % 1_000 == 0) {
				digits(to, end, nanos / 1_000, 6);
				end += 6;
			}
			else {
				digits(to, end, nanos, 9);
				end += 9;
			}
		}
		to[end++] = 'Z';
		return end - at;
	}

	/** The date and time of a second, remembered or made. */
	private byte[] secondText(long seconds) {
		for (int slot = 0; slot < this.lastSeconds.length; slot++) {
			if (this.lastSeconds[slot].second == seconds) {
				this.nextSlot = 1 - slot;
				return this.lastSeconds[slot].text;
			}
		}
		SecondText made = new SecondText(seconds, newSecondText(seconds));
		this.lastSeconds[this.nextSlot] = made;
		this.nextSlot = 1 - this.nextSlot;
		return made.text;
	}

	private static byte[] newSecondText(long seconds) {
		byte[] text = new byte[SECOND_LENGTH];
		LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
		int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
		digits(text, 0, date.getYear(), 4);
		text[4] = '-';
		digits(text, 5, date.getMonthValue(), 2);
		text[7] = '-';
		digits(text, 8, date.getDayOfMonth(), 2);
		text[10] = 'T';
		digits(text, 11, secondOfDay / 3600, 2);
		text[13] = ':';
		digits(text, 14, secondOfDay / 60 % 60, 2);
		text[16] = ':';
		digits(text, 17, secondOfDay % 60, 2);
		return text;
	}

	private static void digits(byte[] text, int at, int value, int count) {
		int end = at + count;
		int rest = value;
		while (end - at >= 2) {
			int pair = 2 * (rest % 100);
			rest /= 100;
			text[--end] = TWO_DIGITS[pair + 1];
			text[--end] = TWO_DIGITS[pair];
		}
		if (end > at) {
			text[at] = (byte) ('0' + rest % 10);
		}
	}

	private static byte[] twoDigits() {
		byte[] digits = new byte[200];
		for (int i = 0; i < 100; i++) {
			digits[2 * i] = (byte) ('0' + i / 10);
			digits[2 * i + 1] = (byte) ('0' + i % 10);
		}
		return digits;
	}

	private record SecondText(long second, byte[] text) {

		static final SecondText NONE = new SecondText(Long.MIN_VALUE, new byte[SECOND_LENGTH]);

	}

}
