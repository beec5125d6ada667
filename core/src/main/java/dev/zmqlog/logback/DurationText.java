package dev.zmqlog.logback;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as Spring Boot writes them ({@code 2s}, {@code 500ms}, {@code PT2S}),
 * plus Logback's words ({@code 2 seconds}); a bare number is milliseconds. Logback's own
 * {@code Duration} reads {@code 2s} as two milliseconds, hence this.
 */
final class DurationText {

	private static final Pattern SIMPLE = Pattern.compile("^(\\d+)\\s*([a-z]*)$");

	private DurationText() {
	}

	static Duration parse(String text) {
		String value = text.strip().toLowerCase(Locale.ROOT);
		if (value.startsWith("pt") || value.startsWith("p")) {
			try {
				return Duration.parse(value.toUpperCase(Locale.ROOT));
			}
			catch (DateTimeParseException ex) {
				throw invalid(text);
			}
		}
		Matcher matcher = SIMPLE.matcher(value);
		if (!matcher.matches()) {
			throw invalid(text);
		}
		try {
			long amount = Long.parseLong(matcher.group(1));
			return switch (matcher.group(2)) {
				case "ns" -> Duration.ofNanos(amount);
				case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1000L));
				case "", "ms", "millis", "millisecond", "milliseconds" -> Duration.ofMillis(amount);
				case "s", "second", "seconds" -> Duration.ofSeconds(amount);
				case "m", "min", "minute", "minutes" -> Duration.ofMinutes(amount);
				case "h", "hour", "hours" -> Duration.ofHours(amount);
				case "d", "day", "days" -> Duration.ofDays(amount);
				default -> throw invalid(text);
			};
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw invalid(text);
		}
	}

	private static IllegalArgumentException invalid(String text) {
		return new IllegalArgumentException(
				"'" + text + "' is not a duration (use e.g. 500ms, 2s, 1m, 1d or PT2S)");
	}

}
