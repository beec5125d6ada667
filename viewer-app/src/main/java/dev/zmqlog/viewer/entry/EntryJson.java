package dev.zmqlog.viewer.entry;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import dev.zmqlog.protocol.Source;
import org.jspecify.annotations.Nullable;

/**
 * The one JSON form of an entry (PRODUCT.md §5.2), written by the HTTP API, the live
 * stream, {@code watch --json} and downloads alike: every key always present, in the order
 * of {@link #FIELDS}, absent values {@code null} (or empty), UTF-8. Thread-safe.
 */
public final class EntryJson {

	/** The keys of an entry, in the order they are written; {@code frontend/src/types.ts} is checked against them. */
	public static final List<String> FIELDS = List.of("id", "time", "received", "topic", "level", "logger", "thread",
			"message", "exception", "mdc", "markers", "seq", "source", "kind");

	/** The keys of an entry's source. */
	public static final List<String> SOURCE_FIELDS = List.of("app", "host", "pid", "instance");

	/** The entry as UTF-8 JSON text. */
	public byte[] bytes(ViewerEntry entry) {
		Utf8Json json = new Utf8Json(256 + 3 * entry.message().length());
		write(json, entry);
		return json.toByteArray();
	}

	/** The entry as one line of JSON text. */
	public String text(ViewerEntry entry) {
		Utf8Json json = new Utf8Json(256 + 3 * entry.message().length());
		write(json, entry);
		return json.text();
	}

	/** Writes the entries as a JSON array, oldest first. */
	public void writeArray(OutputStream out, List<ViewerEntry> entries) {
		Utf8Json json = new Utf8Json(64 * 1024);
		json.raw('[');
		for (int i = 0; i < entries.size(); i++) {
			if (i > 0) {
				json.raw(',');
			}
			write(json, entries.get(i));
			if (json.size() > 32 * 1024) {
				// a large answer goes out in pieces rather than as one array in memory
				json.writeTo(out);
				json = new Utf8Json(64 * 1024);
			}
		}
		json.raw(']');
		json.writeTo(out);
	}

	/**
	 * Writes the entries as one JSON array into {@code out}, and says where each entry's
	 * text ends: entry {@code i} is the bytes from {@code ends[i - 1] + 1} (after the comma;
	 * {@code 1} after the bracket for the first) to {@code ends[i]}.
	 * @return the offset in {@code out} after each entry
	 */
	public int[] writeEach(ByteArrayOutputStream out, List<ViewerEntry> entries) {
		int[] ends = new int[entries.size()];
		Utf8Json json = new Utf8Json(Math.max(64, entries.size() * 512));
		json.raw('[');
		int base = out.size();
		for (int i = 0; i < entries.size(); i++) {
			if (i > 0) {
				json.raw(',');
			}
			write(json, entries.get(i));
			ends[i] = base + json.size();
		}
		json.raw(']');
		json.writeTo(out);
		return ends;
	}

	private static void write(Utf8Json json, ViewerEntry entry) {
		String time = IsoInstant.format(entry.time());
		json.raw("{\"id\":").number(entry.id());
		json.raw(",\"time\":").string(time);
		json.raw(",\"received\":")
			.string((entry.received() == entry.time()) ? time : IsoInstant.format(entry.received()));
		json.raw(",\"topic\":").string(entry.topic());
		json.raw(",\"level\":").string((entry.level() != null) ? entry.level().name() : null);
		json.raw(",\"logger\":").string(entry.logger());
		json.raw(",\"thread\":").string(entry.thread());
		json.raw(",\"message\":").string(entry.message());
		json.raw(",\"exception\":").string(entry.exception());
		json.raw(",\"mdc\":{");
		boolean first = true;
		for (Map.Entry<String, String> value : entry.mdc().entrySet()) {
			if (!first) {
				json.raw(',');
			}
			json.string(value.getKey()).raw(':').string(value.getValue());
			first = false;
		}
		json.raw("},\"markers\":[");
		for (int i = 0; i < entry.markers().size(); i++) {
			if (i > 0) {
				json.raw(',');
			}
			json.string(entry.markers().get(i));
		}
		json.raw("],\"seq\":").number(entry.seq());
		json.raw(",\"source\":");
		writeSource(json, entry.source());
		json.raw(",\"kind\":").string(entry.kind().name()).raw('}');
	}

	private static void writeSource(Utf8Json json, @Nullable Source source) {
		if (source == null) {
			json.nullValue();
			return;
		}
		json.raw("{\"app\":").string(source.app());
		json.raw(",\"host\":").string(source.host());
		json.raw(",\"pid\":").number(source.pid());
		json.raw(",\"instance\":").string(source.instance()).raw('}');
	}

}
