package dev.zmqlog.viewer.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Entries the broadcaster hands to every browser at once, the same object for all: their
 * JSON is written once, and the frames of the whole batch too, for every browser that
 * wants every entry.
 *
 * @param entries the entries, oldest first
 * @param frames the batch's frames, made once when a browser that wants everything is
 * connected, else {@code null}
 * @param bytes the batch's JSON size, what it counts against a browser's budget
 */
record LiveBatch(List<EncodedEntry> entries, @Nullable List<byte[]> frames, long bytes) {
}
