package dev.zmqlog.viewer.web;

import dev.zmqlog.viewer.entry.ViewerEntry;

/**
 * An entry on its way to browsers with its JSON, written once for all of them.
 *
 * @param entry the entry
 * @param json its UTF-8 JSON text
 */
record EncodedEntry(ViewerEntry entry, byte[] json) {
}
