package dev.zmqlog.viewer.entry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A {@code from} or {@code to} value of the API: ISO-8601 ({@code 2026-01-01T03:12:00Z},
 * with an offset, or without one as UTC, or a date), relative to now ({@code -15m},
 * {@code -2h}, {@code -7d}, {@code -30s}, {@code -1w}), or {@code now}.
 */
public final class TimeBound {

	private static final Pattern RELATIVE = Pattern.compile("-(\\d{1,9})(ms|s|m|h|d|w)");

	private TimeBound() {
	}

	/**
	 * @throws IllegalArgumentException for a value that is no time
	 */
	public static @Nullable Instant parse(String name, @Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.equalsIgnoreCase("now")) {
			return clock.instant();
		}
		Matcher relative = RELATIVE.matcher(text.toLowerCase(Locale.ROOT));
		if (relative.matches()) {
			long amount = Long.parseLong(relative.group(1));
			Duration ago = switch (relative.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				default -> Duration.ofDays(7 * amount);
			};
			return clock.instant().minus(ago);
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			// next form
		}
		try {
			return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException notLocal) {
			// next form
		}
		try {
			return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException notDate) {
			throw new IllegalArgumentException(name + " must be an ISO-8601 time or relative like -15m, was '"
					+ ((text.length() > 64) ? text.substring(0, 64) + "..." : text) + "'");
		}
	}

}
