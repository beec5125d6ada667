package dev.zmqlog.viewer.cli;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.protocol.Source;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The watcher's {@code --json} line: one JSON object per entry, every key always present
 * (null when the message does not carry it), in this order:
 * {@code time, topic, level, logger, message, exception, thread, mdc, markers, seq, source, kind}.
 * See {@link WatchCommand} for what each holds.
 */
final class JsonLineFormat {

	private final JsonFactory factory = JsonFactory.builder().build();

	String line(LogEntry entry, Instant receivedAt) {
		StringWriter text = new StringWriter(256);
		try (JsonGenerator json = this.factory.createGenerator(ObjectWriteContext.empty(), text)) {
			json.writeStartObject();
			json.writeStringProperty("time", ((entry.time() != null) ? entry.time() : receivedAt).toString());
			json.writeStringProperty("topic", entry.topic());
			json.writeStringProperty("level", (entry.level() != null) ? entry.level().name() : null);
			json.writeStringProperty("logger", entry.logger());
			json.writeStringProperty("message", entry.message());
			json.writeStringProperty("exception", entry.exception());
			json.writeStringProperty("thread", entry.thread());
			json.writeName("mdc");
			json.writeStartObject();
			for (Map.Entry<String, String> value : entry.mdc().entrySet()) {
				json.writeStringProperty(value.getKey(), value.getValue());
			}
			json.writeEndObject();
			json.writeName("markers");
			json.writeStartArray();
			for (String marker : entry.markers()) {
				json.writeString(marker);
			}
			json.writeEndArray();
			json.writeName("seq");
			writeNumber(json, entry.seq());
			json.writeName("source");
			writeSource(json, entry.source());
			json.writeStringProperty("kind", entry.kind().name().toLowerCase(Locale.ROOT));
			json.writeEndObject();
		}
		return text.toString();
	}

	private static void writeNumber(JsonGenerator json, @Nullable Long number) {
		if (number != null) {
			json.writeNumber(number);
		}
		else {
			json.writeNull();
		}
	}

	private static void writeSource(JsonGenerator json, @Nullable Source source) {
		if (source == null) {
			json.writeNull();
			return;
		}
		json.writeStartObject();
		json.writeStringProperty("app", source.app());
		json.writeStringProperty("host", source.host());
		json.writeName("pid");
		writeNumber(json, source.pid());
		json.writeStringProperty("instance", source.instance());
		json.writeEndObject();
	}

}
