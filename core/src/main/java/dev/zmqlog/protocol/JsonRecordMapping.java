package dev.zmqlog.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Maps a JSON record onto a {@link LogEntry}: zmqlog's own records, Python
 * {@code LogRecord} dictionaries (the logging cookbook) and Python Logbook's records.
 */
final class JsonRecordMapping {

	private JsonRecordMapping() {
	}

	/**
	 * @param record the JSON object
	 * @param wireTopic the topic frame, or {@code null} for a one-frame message
	 * @param payload the record's well-formed UTF-8 bytes: its text is the message when
	 * the record carries none
	 * @return the entry
	 */
	static LogEntry toEntry(JsonRecord record, @Nullable String wireTopic, byte[] payload) {
		String topic = (wireTopic != null) ? wireTopic : stringOrEmpty(record.get(RecordProperty.TOPIC));
		Level level = level(record);
		if (level == null) {
			level = Topic.levelOf(topic);
		}
		String message = message(record);
		String exception = firstString(record, RecordProperty.EXC_TEXT, RecordProperty.FORMATTED_EXCEPTION,
				RecordProperty.EXCEPTION);
		String formatted = firstString(record, RecordProperty.FORMATTED);
		if (message == null) {
			// a JSON object that is no log record (pyzmq's "%(message)s" of a JSON string): show it
			message = new String(payload, StandardCharsets.UTF_8);
		}
		if (formatted == null) {
			formatted = (exception == null || message.contains(exception)) ? message : message + "\n" + exception;
		}
		String logger = firstString(record, RecordProperty.NAME, RecordProperty.CHANNEL, RecordProperty.LOGGER);
		String thread = firstString(record, RecordProperty.THREAD_NAME, RecordProperty.THREAD_NAME_SNAKE);
		return new LogEntry(EntryKind.STRUCTURED, topic, level, time(record), logger, message, exception, formatted,
				thread, mdc(record), markers(record), wholeNumber(record.get(RecordProperty.SEQ)),
				source(record.get(RecordProperty.SOURCE)));
	}

	/** The record's message; from {@code msg % args} as Python's {@code getMessage()} when it has none. */
	private static @Nullable String message(JsonRecord record) {
		String message = firstString(record, RecordProperty.MESSAGE);
		if (message != null) {
			return message;
		}
		String msg = firstString(record, RecordProperty.MSG);
		Object args = record.get(RecordProperty.ARGS);
		if (msg == null || args == null || (args instanceof List<?> list && list.isEmpty())) {
			return msg;
		}
		String formatted = PythonPercentFormat.format(msg, args);
		return (formatted != null) ? formatted : msg;
	}

	private static @Nullable Level level(JsonRecord record) {
		Level named = (record.get(RecordProperty.LEVELNAME) instanceof String name) ? Level.ofName(name) : null;
		if (named != null) {
			return named;
		}
		Long pythonNumber = wholeNumber(record.get(RecordProperty.LEVELNO));
		if (pythonNumber != null) {
			return Level.ofPythonNumber(saturatedInt(pythonNumber));
		}
		Object level = record.get(RecordProperty.LEVEL);
		if (level instanceof String name) {
			return Level.ofName(name);
		}
		Long logbookNumber = wholeNumber(level);
		if (logbookNumber != null) {
			return (logbookNumber > 15) ? Level.ofPythonNumber(saturatedInt(logbookNumber))
					: Level.ofLogbookNumber(saturatedInt(logbookNumber));
		}
		return null;
	}

	private static @Nullable Instant time(JsonRecord record) {
		if (record.get(RecordProperty.CREATED) instanceof Number created && Double.isFinite(created.doubleValue())) {
			long micros = Math.round(created.doubleValue() * 1_000_000d);
			return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
		}
		if (record.get(RecordProperty.TIME) instanceof String iso) {
			return parseIso(iso);
		}
		return null;
	}

	private static @Nullable Instant parseIso(String iso) {
		try {
			return Instant.parse(iso);
		}
		catch (DateTimeParseException ex) {
			try {
				// Logbook writes naive UTC times
				return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notIso) {
				return null;
			}
		}
	}

	/** The MDC and Logbook's {@code extra}, the latter's values last; as read when only one has any. */
	private static Map<String, String> mdc(JsonRecord record) {
		Map<String, String> mdc = textMap(record.get(RecordProperty.MDC));
		Map<String, String> extra = textMap(record.get(RecordProperty.EXTRA));
		if (extra.isEmpty()) {
			return mdc;
		}
		if (mdc.isEmpty()) {
			return extra;
		}
		Map<String, String> both = new LinkedHashMap<>(mdc);
		both.putAll(extra);
		return both;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> textMap(@Nullable Object value) {
		// JsonRecordReader reads these properties' objects as text maps and nothing else as a map
		return (value instanceof Map<?, ?> map) ? (Map<String, String>) map : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static List<String> markers(JsonRecord record) {
		// JsonRecordReader reads this property's array as a text list
		return (record.get(RecordProperty.MARKERS) instanceof List<?> names) ? (List<String>) names : List.of();
	}

	private static @Nullable Source source(@Nullable Object value) {
		return (value instanceof Source source) ? source : null;
	}

	private static @Nullable String firstString(JsonRecord record, RecordProperty... properties) {
		for (RecordProperty property : properties) {
			if (record.get(property) instanceof String value) {
				return value;
			}
		}
		return null;
	}

	static @Nullable Long wholeNumber(@Nullable Object value) {
		if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
			// BigInteger.longValue() keeps the low 64 bits; the double cast saturates instead
			return (number instanceof Long || number instanceof Integer) ? number.longValue()
					: (long) number.doubleValue();
		}
		return null;
	}

	private static int saturatedInt(long value) {
		return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
	}

	private static String stringOrEmpty(@Nullable Object value) {
		return (value instanceof String string) ? string : "";
	}

}
