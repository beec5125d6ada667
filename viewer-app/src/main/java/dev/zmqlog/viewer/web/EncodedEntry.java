package dev.zmqlog.viewer.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.viewer.entry.EntryJson;
import dev.zmqlog.viewer.entry.ViewerEntry;

/**
 * An entry on its way to browsers with its JSON, written once for all of them: a slice of
 * the buffer its whole batch was written into.
 *
 * @param entry the entry
 * @param buffer the batch's UTF-8 JSON text
 * @param offset where the entry's text starts in it
 * @param length how long it is
 */
record EncodedEntry(ViewerEntry entry, byte[] buffer, int offset, int length) {

	/** The entries written as JSON with one generator into one buffer. */
	static List<EncodedEntry> encode(List<ViewerEntry> entries, EntryJson json) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, entries.size() * 512));
		int[] ends = json.writeEach(out, entries);
		byte[] buffer = out.toByteArray();
		List<EncodedEntry> encoded = new ArrayList<>(entries.size());
		int start = 1;
		for (int i = 0; i < entries.size(); i++) {
			encoded.add(new EncodedEntry(entries.get(i), buffer, start, ends[i] - start));
			start = ends[i] + 1;
		}
		return encoded;
	}

	void writeTo(ByteArrayOutputStream out) {
		out.write(this.buffer, this.offset, this.length);
	}

}
