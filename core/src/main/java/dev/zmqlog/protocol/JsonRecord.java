package dev.zmqlog.protocol;

import org.jspecify.annotations.Nullable;

/**
 * The properties of one JSON record that {@link JsonRecordMapping} reads, as plain
 * strings, numbers, booleans, maps and lists (the MDC and markers as text, the source as a
 * {@link Source}, when they have the expected shape); a record's other properties are never
 * materialised. A property given twice keeps its last value, as Python's {@code json} does.
 */
final class JsonRecord {

	private static final int COUNT = RecordProperty.values().length;

	private final @Nullable Object[] values = new Object[COUNT];

	void put(RecordProperty property, @Nullable Object value) {
		this.values[property.ordinal()] = value;
	}

	/** @return the property's value, or {@code null} when absent, skipped by the reader or JSON {@code null} */
	@Nullable Object get(RecordProperty property) {
		return this.values[property.ordinal()];
	}

}
