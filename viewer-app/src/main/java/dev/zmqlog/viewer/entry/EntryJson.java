package dev.zmqlog.viewer.entry;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import dev.zmqlog.protocol.Source;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The one JSON form of an entry (PRODUCT.md §5.2), written by the HTTP API, the live
 * stream, {@code watch --json} and downloads alike: every key always present, in the order
 * of {@link #FIELDS}, absent values {@code null} (or empty). Thread-safe.
 */
public final class EntryJson {

	/** The keys of an entry, in the order they are written; {@code frontend/src/types.ts} is checked against them. */
	public static final List<String> FIELDS = List.of("id", "time", "received", "topic", "level", "logger", "thread",
			"message", "exception", "mdc", "markers", "seq", "source", "kind");

	/** The keys of an entry's source. */
	public static final List<String> SOURCE_FIELDS = List.of("app", "host", "pid", "instance");

	private final JsonFactory factory = JsonFactory.builder().build();

	/** The entry as UTF-8 JSON text. */
	public byte[] bytes(ViewerEntry entry) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 2 * entry.message().length());
		try (JsonGenerator json = this.factory.createGenerator(ObjectWriteContext.empty(), out)) {
			write(json, entry);
		}
		return out.toByteArray();
	}

	/** The entry as one line of JSON text. */
	public String text(ViewerEntry entry) {
		java.io.StringWriter out = new java.io.StringWriter(256 + entry.message().length());
		try (JsonGenerator json = this.factory.createGenerator(ObjectWriteContext.empty(), out)) {
			write(json, entry);
		}
		return out.toString();
	}

	/** Writes the entries as a JSON array, oldest first. */
	public void writeArray(OutputStream out, List<ViewerEntry> entries) {
		try (JsonGenerator json = this.factory.createGenerator(ObjectWriteContext.empty(), out)) {
			json.writeStartArray();
			for (ViewerEntry entry : entries) {
				write(json, entry);
			}
			json.writeEndArray();
		}
	}

	/**
	 * Writes the entries as one JSON array into {@code out} with one generator, and says
	 * where each entry's text ends: entry {@code i} is the bytes from {@code ends[i - 1] + 1}
	 * (after the comma; {@code 1} after the bracket for the first) to {@code ends[i]}.
	 * @return the offset in {@code out} after each entry
	 */
	public int[] writeEach(ByteArrayOutputStream out, List<ViewerEntry> entries) {
		int[] ends = new int[entries.size()];
		try (JsonGenerator json = this.factory.createGenerator(ObjectWriteContext.empty(), out)) {
			json.writeStartArray();
			for (int i = 0; i < entries.size(); i++) {
				write(json, entries.get(i));
				json.flush();
				ends[i] = out.size();
			}
			json.writeEndArray();
		}
		return ends;
	}

	public void write(JsonGenerator json, ViewerEntry entry) {
		json.writeStartObject();
		json.writeNumberProperty("id", entry.id());
		String time = IsoInstant.format(entry.time());
		json.writeStringProperty("time", time);
		json.writeStringProperty("received",
				(entry.received() == entry.time()) ? time : IsoInstant.format(entry.received()));
		json.writeStringProperty("topic", entry.topic());
		json.writeStringProperty("level", (entry.level() != null) ? entry.level().name() : null);
		json.writeStringProperty("logger", entry.logger());
		json.writeStringProperty("thread", entry.thread());
		json.writeStringProperty("message", entry.message());
		json.writeStringProperty("exception", entry.exception());
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
		json.writeStringProperty("kind", entry.kind().name());
		json.writeEndObject();
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
