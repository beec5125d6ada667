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

	/** Where the source read last lies in the record's bytes: its object's first byte, and after its last. */
	private int sourceStart;

	private int sourceEnd;

	void put(RecordProperty property, @Nullable Object value) {
		this.values[property.ordinal()] = value;
		if (property == RecordProperty.SOURCE) {
			this.sourceEnd = 0;
		}
	}

	/** Puts a source read from the record's bytes {@code [start, end)}. */
	void putSource(Source source, int start, int end) {
		this.values[RecordProperty.SOURCE.ordinal()] = source;
		this.sourceStart = start;
		this.sourceEnd = end;
	}

	/** Where the source's object starts in the record's bytes. */
	int sourceStart() {
		return this.sourceStart;
	}

	/** Where it ends, after its last byte; 0 where the source was not read from the bytes as an object. */
	int sourceEnd() {
		return this.sourceEnd;
	}

	/** @return the property's value, or {@code null} when absent, skipped by the reader or JSON {@code null} */
	@Nullable Object get(RecordProperty property) {
		return this.values[property.ordinal()];
	}

}
