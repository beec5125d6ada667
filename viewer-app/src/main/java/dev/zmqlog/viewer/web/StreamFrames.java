package dev.zmqlog.viewer.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stream's frames as UTF-8 bytes: {@code {"type":"entries","entries":[..]}} made of
 * entries' JSON written once, each frame at most about {@value #MAX_FRAME_BYTES} bytes (or
 * one entry), so that a burst of large entries goes out in frames a slow browser still
 * reads well within the stall limit; and {@code {"type":"skipped","count":N}}.
 */
final class StreamFrames {

	static final int MAX_FRAME_BYTES = 256 * 1024;

	private static final byte[] ENTRIES_START = "{\"type\":\"entries\",\"entries\":[".getBytes(StandardCharsets.UTF_8);

	private static final byte[] ENTRIES_END = "]}".getBytes(StandardCharsets.UTF_8);

	private StreamFrames() {
	}

	static List<byte[]> entries(List<EncodedEntry> entries) {
		List<byte[]> frames = new ArrayList<>(1);
		int next = 0;
		while (next < entries.size()) {
			ByteArrayOutputStream frame = new ByteArrayOutputStream(
					Math.min(MAX_FRAME_BYTES, 64 + sizeFrom(entries, next)));
			frame.writeBytes(ENTRIES_START);
			boolean first = true;
			do {
				if (!first) {
					frame.write(',');
				}
				entries.get(next).writeTo(frame);
				first = false;
				next++;
			}
			while (next < entries.size() && frame.size() + entries.get(next).length() < MAX_FRAME_BYTES);
			frame.writeBytes(ENTRIES_END);
			frames.add(frame.toByteArray());
		}
		return frames;
	}

	private static int sizeFrom(List<EncodedEntry> entries, int from) {
		long size = 0;
		for (int i = from; i < entries.size() && size < MAX_FRAME_BYTES; i++) {
			size += entries.get(i).length() + 1;
		}
		return (int) Math.min(size, MAX_FRAME_BYTES);
	}

	static byte[] skipped(long count) {
		return ("{\"type\":\"skipped\",\"count\":" + count + "}").getBytes(StandardCharsets.UTF_8);
	}

}
