package dev.zmqlog.viewer.web;

import java.nio.ByteBuffer;

import dev.zmqlog.viewer.entry.ViewerEntry;

/**
 * An entry on its way to browsers with its JSON, written once for all of them: a slice of
 * the buffer its whole batch was written into (see {@link StreamFrames#write}).
 *
 * @param entry the entry
 * @param json its UTF-8 JSON text, from position 0 to the limit, never moved
 */
record EncodedEntry(ViewerEntry entry, ByteBuffer json) {

	int length() {
		return this.json.remaining();
	}

	/** The text, in a buffer of its own that a bulk copy may move. */
	ByteBuffer text() {
		return this.json.duplicate();
	}

}
