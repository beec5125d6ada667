package dev.zmqlog.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;

/**
 * The properties of one JSON record that {@link JsonRecordMapping} reads, as plain
 * strings, numbers, booleans, maps and lists (the MDC and markers as text, the source as a
 * {@link Source}, when they have the expected shape); a record's other properties are never
 * materialised. A property given twice keeps its last value, as Python's {@code json} does.
 */
final class JsonRecord {

	/** Every property the mapping reads: zmqlog's, Python {@code LogRecord}'s and Logbook's names. */
	static final List<String> KEYS = List.of(JsonFields.TOPIC, JsonFields.LEVELNAME, JsonFields.LEVELNO, "level",
			"message", JsonFields.MSG, JsonFields.ARGS, JsonFields.EXC_TEXT, "formatted_exception", "exception",
			JsonFields.FORMATTED, JsonFields.CREATED, "time", JsonFields.MDC, "extra", JsonFields.MARKERS,
			JsonFields.NAME, "channel", "logger", JsonFields.THREAD_NAME, "thread_name", JsonFields.SEQ, JsonFields.SOURCE);

	/** Matches a property name to its slot from the parser's bytes, without making a String of it. */
	static final PropertyNameMatcher NAMES = BinaryNameMatcher.construct(KEYS);

	private static final Map<String, Integer> INDEX = index(KEYS);

	private static final int MDC_SLOT = KEYS.indexOf(JsonFields.MDC);

	private static final int EXTRA_SLOT = KEYS.indexOf("extra");

	private static final int MARKERS_SLOT = KEYS.indexOf(JsonFields.MARKERS);

	private static final int SOURCE_SLOT = KEYS.indexOf(JsonFields.SOURCE);

	private final @Nullable Object[] values = new Object[KEYS.size()];

	private static Map<String, Integer> index(List<String> keys) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < keys.size(); i++) {
			index.put(keys.get(i), i);
		}
		return Map.copyOf(index);
	}

	/** Whether the property's object is read as text values by name: the MDC, Logbook's {@code extra}. */
	static boolean isTextMap(int slot) {
		return slot == MDC_SLOT || slot == EXTRA_SLOT;
	}

	/** Whether the property's array is read as text values: the markers. */
	static boolean isTextList(int slot) {
		return slot == MARKERS_SLOT;
	}

	/** Whether the property's object is read as a {@link Source}. */
	static boolean isSource(int slot) {
		return slot == SOURCE_SLOT;
	}

	/** @param slot the index of a property in {@link #KEYS}, as {@link #NAMES} matches it */
	void put(int slot, @Nullable Object value) {
		this.values[slot] = value;
	}

	/**
	 * @param key one of {@link #KEYS}
	 * @return the property's value, or {@code null} when absent or JSON {@code null}
	 * @throws IllegalArgumentException for a key that is not read, which would always be absent
	 */
	@Nullable Object get(String key) {
		Integer slot = INDEX.get(key);
		if (slot == null) {
			throw new IllegalArgumentException("property " + key + " is not read: add it to JsonRecord.KEYS");
		}
		return this.values[slot];
	}

}
