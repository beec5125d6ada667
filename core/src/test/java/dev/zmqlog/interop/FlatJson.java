package dev.zmqlog.interop;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the one-line JSON objects a Python script prints: flat objects of strings,
 * numbers, booleans and nulls.
 */
final class FlatJson {

	private static final JsonFactory FACTORY = JsonFactory.builder().build();

	private FlatJson() {
	}

	/** The object's properties in order; a JSON null is a key mapped to {@code null}. */
	static Map<String, @Nullable Object> parse(String line) {
		Map<String, @Nullable Object> object = new LinkedHashMap<>();
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), line)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalArgumentException("not a JSON object: " + line);
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				object.put(name, value(parser, parser.nextToken(), line));
			}
		}
		return object;
	}

	private static @Nullable Object value(JsonParser parser, JsonToken token, String line) {
		return switch (token) {
			case VALUE_STRING -> parser.getString();
			case VALUE_NUMBER_INT -> parser.getLongValue();
			case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case VALUE_NULL -> null;
			default -> throw new IllegalArgumentException("not a flat JSON object: " + line);
		};
	}

}
