package dev.zmqlog.viewer.web;

import java.util.List;

/**
 * Entries the broadcaster hands to every browser at once, the same object for all: their
 * JSON is written once, in the frames of the whole batch, which every browser that wants
 * every entry is sent as they are.
 *
 * @param entries the entries, oldest first, each with its slice of the frames
 * @param frames the batch's frames
 * @param bytes what the batch holds in memory, what it counts against a browser's budget
 */
record LiveBatch(List<EncodedEntry> entries, List<Frame> frames, long bytes) {
}
