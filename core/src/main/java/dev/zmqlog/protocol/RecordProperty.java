package dev.zmqlog.protocol;

import java.util.Arrays;

import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;

/**
 * A property of a JSON record that {@link JsonRecordMapping} reads: zmqlog's, Python
 * {@code LogRecord}'s and Logbook's names. The parser matches a name to its constant from
 * the bytes, and a {@link JsonRecord} keeps the value at the constant's ordinal: no String
 * is made of a name, and no map is looked up per property read.
 */
enum RecordProperty {

	TOPIC(JsonFields.TOPIC, Shape.VALUE),
	LEVELNAME(JsonFields.LEVELNAME, Shape.VALUE),
	LEVELNO(JsonFields.LEVELNO, Shape.VALUE),
	LEVEL("level", Shape.VALUE),
	MESSAGE("message", Shape.VALUE),
	MSG(JsonFields.MSG, Shape.VALUE),
	ARGS(JsonFields.ARGS, Shape.VALUE),
	EXC_TEXT(JsonFields.EXC_TEXT, Shape.VALUE),
	FORMATTED_EXCEPTION("formatted_exception", Shape.VALUE),
	EXCEPTION("exception", Shape.VALUE),
	FORMATTED(JsonFields.FORMATTED, Shape.VALUE),
	CREATED(JsonFields.CREATED, Shape.VALUE),
	TIME("time", Shape.VALUE),
	MDC(JsonFields.MDC, Shape.TEXT_MAP),
	EXTRA("extra", Shape.TEXT_MAP),
	MARKERS(JsonFields.MARKERS, Shape.TEXT_LIST),
	NAME(JsonFields.NAME, Shape.VALUE),
	CHANNEL("channel", Shape.VALUE),
	LOGGER("logger", Shape.VALUE),
	THREAD_NAME(JsonFields.THREAD_NAME, Shape.VALUE),
	THREAD_NAME_SNAKE("thread_name", Shape.VALUE),
	SEQ(JsonFields.SEQ, Shape.VALUE),
	SOURCE(JsonFields.SOURCE, Shape.SOURCE);

	/** How a property's value is read when it has the expected shape; any other value is read plainly. */
	enum Shape {

		/** Plain maps, lists, strings, numbers and booleans. */
		VALUE,

		/** An object read as text values by name: the MDC, Logbook's {@code extra}. */
		TEXT_MAP,

		/** An array read as text values: the markers. */
		TEXT_LIST,

		/** An object read as a {@link Source}. */
		SOURCE

	}

	private static final RecordProperty[] ALL = values();

	/** Matches a property name to a constant's ordinal from the parser's bytes. */
	static final PropertyNameMatcher NAMES = BinaryNameMatcher
		.construct(Arrays.stream(ALL).map(RecordProperty::jsonName).toList());

	private final String jsonName;

	private final Shape shape;

	RecordProperty(String jsonName, Shape shape) {
		this.jsonName = jsonName;
		this.shape = shape;
	}

	/** The property's name in a record. */
	String jsonName() {
		return this.jsonName;
	}

	Shape shape() {
		return this.shape;
	}

	/** The property {@link #NAMES} matched. */
	static RecordProperty ofMatch(int match) {
		return ALL[match];
	}

}
