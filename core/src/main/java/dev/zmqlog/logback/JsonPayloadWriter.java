package dev.zmqlog.logback;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.zmqlog.Topics;
import dev.zmqlog.protocol.JsonFields;
import dev.zmqlog.protocol.Level;
import dev.zmqlog.protocol.Source;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the {@code json} payload: Python {@code LogRecord} attribute names where one
 * exists, plus zmqlog's topic, formatted text, MDC, markers, sequence and source. Used by
 * the publishing thread only, which is what lets one generator and one buffer serve every
 * event: each record is a root value of the same generator, flushed into the reused buffer
 * (no separator between root values, so each payload is exactly one record).
 */
final class JsonPayloadWriter {

	private static final int INITIAL_CHARS = 256;

	private final JsonFactory factory = JsonFactory.builder().rootValueSeparator((String) null).build();

	private final PayloadBuffer buffer = new PayloadBuffer();

	private final Source source;

	private @Nullable JsonGenerator generator;

	/** Where {@code created} and {@code msecs} are written as digits. */
	private final char[] number = new char[32];

	/** Where text held in a {@link CharSequence} is copied for the generator. */
	private char[] chars = new char[INITIAL_CHARS];

	/** {@code ,"source":{..}}, the same in every record: encoded once, copied into each. */
	private final SerializableString sourceProperty;

	JsonPayloadWriter(Source source) {
		this.source = source;
		this.sourceProperty = new SerializedString(sourceProperty(source));
	}

	byte[] write(ILoggingEvent event, Level level, String topic, CharSequence formatted, long seq) {
		JsonGenerator json = generator();
		this.buffer.reset();
		try {
			json.writeStartObject();
			writeRecord(json, event, level);
			writeCaller(json, event);
			json.writeName(Names.TOPIC).writeString(topic);
			json.writeName(Names.FORMATTED);
			writeString(json, formatted, formatted.length());
			writeMdc(json, event.getMDCPropertyMap());
			writeMarkers(json, event.getMarkerList());
			json.writeName(Names.SEQ).writeNumber(seq);
			// the generator checks nothing in raw text: the end of the object follows a value, as it expects
			json.writeRaw(this.sourceProperty);
			json.writeEndObject();
			json.flush();
		}
		catch (RuntimeException ex) {
			// the generator stopped inside the record: the next event needs a fresh one
			this.generator = null;
			throw ex;
		}
		finally {
			releaseLargeChars();
		}
		return this.buffer.toByteArray();
	}

	private JsonGenerator generator() {
		JsonGenerator json = this.generator;
		if (json == null) {
			json = this.factory.createGenerator(ObjectWriteContext.empty(), this.buffer);
			this.generator = json;
		}
		return json;
	}

	/** Writes the first {@code length} chars of {@code text} as a JSON string, without making it a String. */
	private void writeString(JsonGenerator json, CharSequence text, int length) {
		if (this.chars.length < length) {
			this.chars = new char[Math.max(length, this.chars.length * 2)];
		}
		if (text instanceof String string) {
			string.getChars(0, length, this.chars, 0);
		}
		else if (text instanceof StringBuilder builder) {
			builder.getChars(0, length, this.chars, 0);
		}
		else {
			for (int i = 0; i < length; i++) {
				this.chars[i] = text.charAt(i);
			}
		}
		json.writeString(this.chars, 0, length);
	}

	private void releaseLargeChars() {
		if (this.chars.length > PayloadBuffer.MAX_RETAINED_CAPACITY) {
			this.chars = new char[INITIAL_CHARS];
		}
	}

	private void writeRecord(JsonGenerator json, ILoggingEvent event, Level level) {
		long epochMicros = event.getTimeStamp() * 1_000L + Math.max(0, event.getNanoseconds()) % 1_000_000 / 1_000;
		json.writeName(Names.NAME).writeString(event.getLoggerName());
		json.writeName(Names.MSG).writeString(String.valueOf(event.getFormattedMessage()));
		json.writeName(Names.LEVELNAME).writeString(event.getLevel().toString());
		json.writeName(Names.LEVELNO).writeNumber(level.pythonNumber());
		long micros = Math.floorMod(epochMicros, 1_000_000L);
		json.writeName(Names.CREATED);
		writeFixedPoint(json, Math.floorDiv(epochMicros, 1_000_000L), micros, 6);
		json.writeName(Names.MSECS);
		writeFixedPoint(json, micros / 1_000, micros % 1_000, 3);
		json.writeName(Names.THREAD_NAME).writeString(event.getThreadName());
		json.writeName(Names.PROCESS).writeNumber((this.source.pid() != null) ? this.source.pid() : 0L);
		IThrowableProxy throwable = event.getThrowableProxy();
		if (throwable != null) {
			String trace = ThrowableProxyUtil.asString(throwable);
			json.writeName(Names.EXC_TEXT);
			writeString(json, trace, trailingWhitespaceStart(trace));
		}
	}

	/**
	 * Writes {@code whole.fraction} with {@code digits} fraction digits as a JSON number,
	 * e.g. {@code 1714564800.123456}: the microseconds Python's {@code time.time()} gives,
	 * without {@code Double.toString}, which costs JDK 17 a good share of a whole record.
	 */
	private void writeFixedPoint(JsonGenerator json, long whole, long fraction, int digits) {
		if (whole < 0) {
			// before 1970: rare enough for the slow way
			json.writeNumber(whole + fraction / Math.pow(10, digits));
			return;
		}
		int start = this.number.length;
		for (int i = 0; i < digits; i++, fraction /= 10) {
			this.number[--start] = (char) ('0' + fraction % 10);
		}
		this.number[--start] = '.';
		do {
			this.number[--start] = (char) ('0' + whole % 10);
			whole /= 10;
		}
		while (whole > 0);
		json.writeNumber(this.number, start, this.number.length - start);
	}

	/** The length of {@code text} without its trailing white space, as {@link String#stripTrailing()} counts it. */
	private static int trailingWhitespaceStart(String text) {
		int end = text.length();
		while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return end;
	}

	private static void writeCaller(JsonGenerator json, ILoggingEvent event) {
		if (!event.hasCallerData() || event.getCallerData().length == 0) {
			return;
		}
		StackTraceElement caller = event.getCallerData()[0];
		String fileName = (caller.getFileName() != null) ? caller.getFileName() : "?";
		String className = caller.getClassName();
		json.writeName(Names.PATHNAME).writeString(className.replace('.', '/') + fileExtension(fileName));
		json.writeName(Names.FILENAME).writeString(fileName);
		json.writeName(Names.MODULE).writeString(className.substring(className.lastIndexOf('.') + 1));
		json.writeName(Names.FUNC_NAME).writeString(caller.getMethodName());
		json.writeName(Names.LINENO).writeNumber(caller.getLineNumber());
	}

	private static String fileExtension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return (dot < 0) ? "" : fileName.substring(dot);
	}

	private static void writeMdc(JsonGenerator json, @Nullable Map<String, String> mdc) {
		json.writeName(Names.MDC);
		json.writeStartObject();
		if (mdc != null) {
			for (Map.Entry<String, String> entry : mdc.entrySet()) {
				json.writeStringProperty(entry.getKey(), entry.getValue());
			}
		}
		json.writeEndObject();
	}

	private static void writeMarkers(JsonGenerator json, @Nullable List<Marker> markers) {
		json.writeName(Names.MARKERS);
		json.writeStartArray();
		if (markers != null) {
			for (Marker marker : markers) {
				if (Topics.subtopicOf(marker) == null) {
					json.writeString(marker.getName());
				}
			}
		}
		json.writeEndArray();
	}

	/** The text of {@code ,"source":{"app":..,"host":..,"pid":..,"instance":..}}. */
	private String sourceProperty(Source publisher) {
		PayloadBuffer text = new PayloadBuffer();
		try (JsonGenerator json = this.factory.createGenerator(ObjectWriteContext.empty(), text)) {
			json.writeStartObject();
			json.writeName(Names.SOURCE);
			json.writeStartObject();
			json.writeName(Names.SOURCE_APP).writeString(publisher.app());
			json.writeName(Names.SOURCE_HOST).writeString(publisher.host());
			if (publisher.pid() != null) {
				json.writeName(Names.SOURCE_PID).writeNumber(publisher.pid());
			}
			json.writeName(Names.SOURCE_INSTANCE).writeString(publisher.instance());
			json.writeEndObject();
			json.writeEndObject();
		}
		String object = new String(text.toByteArray(), StandardCharsets.UTF_8);
		// {"source":{..}} less its braces, after a comma
		return "," + object.substring(1, object.length() - 1);
	}

	/**
	 * The property names, quoted and encoded once: the generator copies their bytes instead
	 * of escaping and encoding each name of each record.
	 */
	private static final class Names {

		static final SerializableString NAME = new SerializedString(JsonFields.NAME);

		static final SerializableString MSG = new SerializedString(JsonFields.MSG);

		static final SerializableString LEVELNAME = new SerializedString(JsonFields.LEVELNAME);

		static final SerializableString LEVELNO = new SerializedString(JsonFields.LEVELNO);

		static final SerializableString CREATED = new SerializedString(JsonFields.CREATED);

		static final SerializableString MSECS = new SerializedString(JsonFields.MSECS);

		static final SerializableString THREAD_NAME = new SerializedString(JsonFields.THREAD_NAME);

		static final SerializableString PROCESS = new SerializedString(JsonFields.PROCESS);

		static final SerializableString EXC_TEXT = new SerializedString(JsonFields.EXC_TEXT);

		static final SerializableString PATHNAME = new SerializedString(JsonFields.PATHNAME);

		static final SerializableString FILENAME = new SerializedString(JsonFields.FILENAME);

		static final SerializableString MODULE = new SerializedString(JsonFields.MODULE);

		static final SerializableString FUNC_NAME = new SerializedString(JsonFields.FUNC_NAME);

		static final SerializableString LINENO = new SerializedString(JsonFields.LINENO);

		static final SerializableString TOPIC = new SerializedString(JsonFields.TOPIC);

		static final SerializableString FORMATTED = new SerializedString(JsonFields.FORMATTED);

		static final SerializableString MDC = new SerializedString(JsonFields.MDC);

		static final SerializableString MARKERS = new SerializedString(JsonFields.MARKERS);

		static final SerializableString SEQ = new SerializedString(JsonFields.SEQ);

		static final SerializableString SOURCE = new SerializedString(JsonFields.SOURCE);

		static final SerializableString SOURCE_APP = new SerializedString(JsonFields.SOURCE_APP);

		static final SerializableString SOURCE_HOST = new SerializedString(JsonFields.SOURCE_HOST);

		static final SerializableString SOURCE_PID = new SerializedString(JsonFields.SOURCE_PID);

		static final SerializableString SOURCE_INSTANCE = new SerializedString(JsonFields.SOURCE_INSTANCE);

		private Names() {
		}

	}

}
