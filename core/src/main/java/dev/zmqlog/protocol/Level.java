package dev.zmqlog.protocol;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The normalised level of a log entry. Publishers send Logback's names; receivers also
 * accept Python's (WARNING, CRITICAL) and Logbook's integer levels.
 */
public enum Level {

	TRACE(5), DEBUG(10), INFO(20), WARN(30), ERROR(40), FATAL(50);

	private final int pythonNumber;

	Level(int pythonNumber) {
		this.pythonNumber = pythonNumber;
	}

	/** Python's {@code logging} number for this level ({@code levelno}). */
	public int pythonNumber() {
		return this.pythonNumber;
	}

	public boolean isAtLeast(Level other) {
		return compareTo(other) >= 0;
	}

	/**
	 * The level a name stands for, in any case: Logback's and Python's names, FATAL,
	 * Logbook's NOTICE (as INFO); {@code null} when the name is no level.
	 */
	public static @Nullable Level ofName(@Nullable String name) {
		if (name == null || name.isEmpty() || name.length() > 8) {
			return null;
		}
		return switch (name.toUpperCase(Locale.ROOT)) {
			case "TRACE" -> TRACE;
			case "DEBUG" -> DEBUG;
			case "INFO", "NOTICE" -> INFO;
			case "WARN", "WARNING" -> WARN;
			case "ERROR" -> ERROR;
			case "FATAL", "CRITICAL" -> FATAL;
			default -> null;
		};
	}

	/**
	 * The level of a Python {@code levelno}: numbers between the named levels round down
	 * to the level below, as Python's own handlers compare them.
	 */
	public static Level ofPythonNumber(int number) {
		if (number >= 50) {
			return FATAL;
		}
		if (number >= 40) {
			return ERROR;
		}
		if (number >= 30) {
			return WARN;
		}
		if (number >= 20) {
			return INFO;
		}
		if (number >= 10) {
			return DEBUG;
		}
		return TRACE;
	}

	/**
	 * The level of a Python Logbook integer level: 9 TRACE, 10 DEBUG, 11 INFO, 12 NOTICE,
	 * 13 WARNING, 14 ERROR, 15 CRITICAL.
	 */
	public static Level ofLogbookNumber(int number) {
		if (number >= 15) {
			return FATAL;
		}
		return switch (number) {
			case 14 -> ERROR;
			case 13 -> WARN;
			case 12, 11 -> INFO;
			case 10 -> DEBUG;
			default -> TRACE;
		};
	}

}
