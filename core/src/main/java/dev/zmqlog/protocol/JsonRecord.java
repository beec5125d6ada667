package dev.zmqlog.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The properties of one JSON record that {@link JsonRecordMapping} reads, as plain
 * strings, numbers, booleans, maps and lists; a record's other properties are never
 * materialised. A property given twice keeps its last value, as Python's {@code json} does.
 */
final class JsonRecord {

	/** Every property the mapping reads: zmqlog's, Python {@code LogRecord}'s and Logbook's names. */
	static final List<String> KEYS = List.of(JsonFields.TOPIC, JsonFields.LEVELNAME, JsonFields.LEVELNO, "level",
			"message", JsonFields.MSG, JsonFields.EXC_TEXT, "formatted_exception", "exception", JsonFields.FORMATTED,
			JsonFields.CREATED, "time", JsonFields.MDC, "extra", JsonFields.MARKERS, JsonFields.NAME, "channel",
			"logger", JsonFields.THREAD_NAME, "thread_name", JsonFields.SEQ, JsonFields.SOURCE);

	private static final Map<String, Integer> INDEX = index(KEYS);

	private final @Nullable Object[] values = new Object[KEYS.size()];

	private static Map<String, Integer> index(List<String> keys) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < keys.size(); i++) {
			index.put(keys.get(i), i);
		}
		return Map.copyOf(index);
	}

	/** The slot of a property the mapping reads, or -1 for one it ignores. */
	static int slotOf(String key) {
		Integer slot = INDEX.get(key);
		return (slot != null) ? slot : -1;
	}

	void put(int slot, @Nullable Object value) {
		this.values[slot] = value;
	}

	/**
	 * @param key one of {@link #KEYS}
	 * @return the property's value, or {@code null} when absent or JSON {@code null}
	 * @throws IllegalArgumentException for a key that is not read, which would always be absent
	 */
	@Nullable Object get(String key) {
		int slot = slotOf(key);
		if (slot < 0) {
			throw new IllegalArgumentException("property " + key + " is not read: add it to JsonRecord.KEYS");
		}
		return this.values[slot];
	}

}
