package dev.zmqlog.viewer.entry;

import java.io.OutputStream;
import java.util.Arrays;
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

	/** Sources whose JSON is remembered, by identity: a power of two. */
	private static final int SOURCE_SLOTS = 16;

	/** Longer sources are written each time: ordinary ones take about a hundred bytes. */
	private static final int MAX_SOURCE_TEXT_BYTES = 512;

	private final @Nullable SourceText[] sourceTexts = new SourceText[SOURCE_SLOTS];

	/** The entry as UTF-8 JSON text. */
	public byte[] bytes(ViewerEntry entry) {
		Utf8Json json = new Utf8Json(256 + 3 * entry.message().length());
		writeEntry(json, entry);
		return json.toByteArray();
	}

	/** The entry as one line of JSON text. */
	public String text(ViewerEntry entry) {
		Utf8Json json = new Utf8Json(256 + 3 * entry.message().length());
		writeEntry(json, entry);
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
			writeEntry(json, entries.get(i));
			if (json.size() > 32 * 1024) {
				// a large answer goes out in pieces rather than as one array in memory
				json.writeTo(out);
				json = new Utf8Json(64 * 1024);
			}
		}
		json.raw(']');
		json.writeTo(out);
	}

	/** Writes the entry's JSON text at the end of {@code json}: the stream writes its frames around it. */
	public void write(Utf8Json json, ViewerEntry entry) {
		writeEntry(json, entry);
	}

	private void writeEntry(Utf8Json json, ViewerEntry entry) {
		json.raw("{\"id\":").number(entry.id());
		json.raw(",\"time\":").instant(entry.time());
		json.raw(",\"received\":").instant(entry.received());
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

	/**
	 * Writes a source, copying the JSON written for the same object before where it is one of
	 * those remembered: the entries of one publisher share their source object (the source
	 * table's), and writing it anew took a fifth of the broadcaster's time. Each remembered
	 * source is immutable, so threads may share them: one not seen yet is only written again.
	 */
	private void writeSource(Utf8Json json, @Nullable Source source) {
		if (source == null) {
			json.nullValue();
			return;
		}
		int slot = System.identityHashCode(source) & (SOURCE_SLOTS - 1);
		SourceText known = this.sourceTexts[slot];
		if (known != null && known.source() == source) {
			json.raw(known.json());
			return;
		}
		int start = json.size();
		writeSourceObject(json, source);
		if (json.size() - start <= MAX_SOURCE_TEXT_BYTES) {
			this.sourceTexts[slot] = new SourceText(source, Arrays.copyOfRange(json.array(), start, json.size()));
		}
	}

	private static void writeSourceObject(Utf8Json json, Source source) {
		json.raw("{\"app\":").string(source.app());
		json.raw(",\"host\":").string(source.host());
		json.raw(",\"pid\":").number(source.pid());
		json.raw(",\"instance\":").string(source.instance()).raw('}');
	}

	/**
	 * @param source a source object
	 * @param json its JSON text
	 */
	private record SourceText(Source source, byte[] json) {
	}

}
