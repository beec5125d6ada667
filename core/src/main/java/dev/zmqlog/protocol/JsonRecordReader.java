package dev.zmqlog.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.sym.PropertyNameMatcher;

/**
 * Reads a JSON record in one pass into the properties the mapping reads ({@link JsonRecord}),
 * their values as plain maps, lists, strings, numbers and booleans; every other property is
 * skipped unread. The MDC, Logbook's {@code extra} and the markers are read straight into
 * the text maps and lists an entry keeps ({@link #readTextMap}), and the source into a
 * {@link Source}: no intermediate map is built and copied per record. Limits on depth and
 * size hold for skipped values too, so that no payload can exhaust the stack or the heap.
 * A record that ends in a source read before is read up to it ({@link TrailingSources}).
 */
final class JsonRecordReader {

	/** Records are flat; anything deeper than this is hostile. */
	static final int MAX_DEPTH = 32;

	private final JsonFactory factory;

	private final int maxDocumentLength;

	private final TrailingSources trailingSources = new TrailingSources();

	JsonRecordReader(int maxDocumentLength) {
		this.maxDocumentLength = maxDocumentLength;
		this.factory = JsonFactory.builder()
			// Python's json.dumps writes NaN and Infinity unless told otherwise
			.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
			.recyclerPool(new SingleRecyclerPool())
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(MAX_DEPTH)
				.maxDocumentLength(maxDocumentLength)
				.maxStringLength(maxDocumentLength)
				.build())
			.build();
	}

	/** Whether a payload may be a JSON object: its first non-blank byte is '{'. */
	static boolean looksLikeObject(byte[] payload) {
		for (byte b : payload) {
			if (b == '{') {
				return true;
			}
			if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				return false;
			}
		}
		return false;
	}

	/**
	 * Reads a JSON record.
	 * @param payload the UTF-8 bytes
	 * @param skipped properties whose values are not wanted: skipped unread, as absent
	 * @return the properties the mapping reads, or {@code null} when the payload is not
	 * exactly one valid JSON object within the limits
	 */
	@Nullable JsonRecord read(byte[] payload, Set<RecordProperty> skipped) {
		if (skipped.contains(RecordProperty.SOURCE) || payload.length > this.maxDocumentLength) {
			return readWhole(payload, skipped);
		}
		TrailingSources.Remembered trailing = this.trailingSources.find(payload);
		JsonRecord record = (trailing != null) ? readBefore(trailing, payload, skipped) : null;
		if (record != null) {
			return record;
		}
		record = readWhole(payload, skipped);
		if (record != null && record.sourceEnd() > 0 && record.get(RecordProperty.SOURCE) instanceof Source source) {
			this.trailingSources.remember(payload, record.sourceStart(), record.sourceEnd(), source);
		}
		return record;
	}

	/**
	 * Reads a record without the source it ends with, which is one read before: what comes
	 * before, closed, is a record of its own when the whole is one. The last {@code source}
	 * of a record is its source.
	 */
	private @Nullable JsonRecord readBefore(TrailingSources.Remembered trailing, byte[] payload,
			Set<RecordProperty> skipped) {
		int before = trailing.before(payload);
		byte[] closed = Arrays.copyOf(payload, before + 1);
		closed[before] = '}';
		JsonRecord record = readWhole(closed, skipped);
		if (record != null) {
			record.put(RecordProperty.SOURCE, trailing.source());
		}
		return record;
	}

	private @Nullable JsonRecord readWhole(byte[] payload, Set<RecordProperty> skipped) {
		try (JsonParser parser = this.factory.createParser(ObjectReadContext.empty(), payload)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			JsonRecord record = readRecord(parser, skipped);
			return (record != null && parser.nextToken() == null) ? record : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private @Nullable JsonRecord readRecord(JsonParser parser, Set<RecordProperty> skipped) {
		JsonRecord record = new JsonRecord();
		while (true) {
			int match = parser.nextNameMatch(RecordProperty.NAMES);
			if (match == PropertyNameMatcher.MATCH_END_OBJECT) {
				return record;
			}
			if (match == PropertyNameMatcher.MATCH_ODD_TOKEN) {
				return null;
			}
			parser.nextToken();
			RecordProperty property = (match >= 0) ? RecordProperty.ofMatch(match) : null;
			if (property == RecordProperty.SOURCE && !skipped.contains(property)
					&& parser.currentToken() == JsonToken.START_OBJECT) {
				int start = (int) parser.currentTokenLocation().getByteOffset();
				Source source = readSource(parser);
				record.putSource(source, start, (int) parser.currentTokenLocation().getByteOffset() + 1);
			}
			else if (property != null && !skipped.contains(property)) {
				record.put(property, readProperty(property, parser));
			}
			else {
				// still tokenised to its end, so malformed or too deep input is refused as before
				parser.skipChildren();
			}
		}
	}

	/** A property's value, typed as the mapping uses it where the record has the expected shape. */
	private @Nullable Object readProperty(RecordProperty property, JsonParser parser) {
		JsonToken token = parser.currentToken();
		return switch (property.shape()) {
			case TEXT_MAP -> (token == JsonToken.START_OBJECT) ? readTextMap(parser) : readValue(parser);
			case TEXT_LIST -> (token == JsonToken.START_ARRAY) ? readTextList(parser) : readValue(parser);
			case SOURCE -> (token == JsonToken.START_OBJECT) ? readSource(parser) : readValue(parser);
			case VALUE -> readValue(parser);
		};
	}

	/** An object's values as text, in order; a value that is no string shows as Java writes it. */
	private Map<String, String> readTextMap(JsonParser parser) {
		if (parser.nextToken() != JsonToken.PROPERTY_NAME) {
			return Map.of();
		}
		Map<String, String> map = new LinkedHashMap<>();
		do {
			String name = parser.currentName();
			map.put(name, readText(parser));
		}
		while (parser.nextToken() == JsonToken.PROPERTY_NAME);
		return map;
	}

	private List<String> readTextList(JsonParser parser) {
		JsonToken token = parser.nextToken();
		if (token == JsonToken.END_ARRAY || token == null) {
			return List.of();
		}
		List<String> list = new ArrayList<>(4);
		do {
			list.add(readTextValue(parser));
		}
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null);
		return list;
	}

	/** The next value, as text. */
	private String readText(JsonParser parser) {
		parser.nextToken();
		return readTextValue(parser);
	}

	/** The current value, as text. */
	private String readTextValue(JsonParser parser) {
		return (parser.currentToken() == JsonToken.VALUE_STRING) ? parser.getString()
				: String.valueOf(readValue(parser));
	}

	/** A publisher's {@code source} object; a property given twice keeps its last value. */
	private Source readSource(JsonParser parser) {
		@Nullable Object app = null;
		@Nullable Object host = null;
		@Nullable Object pid = null;
		@Nullable Object instance = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			switch (name) {
				case JsonFields.SOURCE_APP -> app = readValue(parser);
				case JsonFields.SOURCE_HOST -> host = readValue(parser);
				case JsonFields.SOURCE_PID -> pid = readValue(parser);
				case JsonFields.SOURCE_INSTANCE -> instance = readValue(parser);
				default -> parser.skipChildren();
			}
		}
		return new Source(stringOrNull(app), stringOrNull(host), JsonRecordMapping.wholeNumber(pid),
				stringOrNull(instance));
	}

	private static @Nullable String stringOrNull(@Nullable Object value) {
		return (value instanceof String string) ? string : null;
	}

	private Map<String, Object> readObject(JsonParser parser) {
		Map<String, Object> object = new LinkedHashMap<>();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			object.put(name, readValue(parser));
		}
		return object;
	}

	private @Nullable Object readValue(JsonParser parser) {
		return switch (parser.currentToken()) {
			case START_OBJECT -> readObject(parser);
			case START_ARRAY -> readArray(parser);
			case VALUE_STRING -> parser.getString();
			case VALUE_NUMBER_INT -> parser.getNumberValue();
			case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			default -> null;
		};
	}

	private List<Object> readArray(JsonParser parser) {
		List<Object> array = new ArrayList<>();
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
			array.add(readValue(parser));
		}
		return array;
	}

}
