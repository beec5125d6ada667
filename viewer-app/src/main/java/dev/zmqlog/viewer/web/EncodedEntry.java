package dev.zmqlog.viewer.web;

import java.io.ByteArrayOutputStream;

import dev.zmqlog.viewer.entry.ViewerEntry;

/**
 * An entry on its way to browsers with its JSON, written once for all of them: a slice of
 * the array its whole batch was written into.
 *
 * @param entry the entry
 * @param buffer the batch's UTF-8 JSON text
 * @param offset where the entry's text starts in it
 * @param length how long it is
 */
record EncodedEntry(ViewerEntry entry, byte[] buffer, int offset, int length) {

	void writeTo(ByteArrayOutputStream out) {
		out.write(this.buffer, this.offset, this.length);
	}

}
