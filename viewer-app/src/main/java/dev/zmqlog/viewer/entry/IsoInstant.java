package dev.zmqlog.viewer.entry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant as {@link Instant#toString()} writes it ({@code 2026-01-01T10:00:00.123Z}: the
 * fraction in 3, 6 or 9 digits, or none), several times faster: every entry written has
 * two, and {@code Instant.toString} went through a general date-time formatter.
 */
final class IsoInstant {

	private static final long SECONDS_PER_DAY = 86_400;

	/** Year 0 to 9999: what needs no sign and four digits; others go the long way. */
	private static final long MIN_SECOND = -62_167_219_200L;

	private static final long MAX_SECOND = 253_402_300_799L;

	private IsoInstant() {
	}

	static String format(Instant instant) {
		long seconds = instant.getEpochSecond();
		if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
			return instant.toString();
		}
		LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
		int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
		char[] text = new char[30];
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
		int end = 19;
		int nanos = instant.getNano();
		if (nanos > 0) {
			text[end++] = '.';
			if (nanos % 1_000_000 == 0) {
				digits(text, end, nanos / 1_000_000, 3);
				end += 3;
			}
			else if (nanos % 1_000 == 0) {
				digits(text, end, nanos / 1_000, 6);
				end += 6;
			}
			else {
				digits(text, end, nanos, 9);
				end += 9;
			}
		}
		text[end++] = 'Z';
		return new String(text, 0, end);
	}

	private static void digits(char[] text, int at, int value, int count) {
		for (int i = at + count - 1; i >= at; i--) {
			text[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

}
