package dev.zmqlog.viewer.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.viewer.entry.EntryJson;
import dev.zmqlog.viewer.entry.Utf8Json;
import dev.zmqlog.viewer.entry.ViewerEntry;

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

	/** What the comma between two entries becomes where one frame ends and the next starts. */
	private static final byte[] BETWEEN_FRAMES = "]}{\"type\":\"entries\",\"entries\":[".getBytes(StandardCharsets.UTF_8);

	/** JSON bytes an entry takes besides its texts: keys, times, ids, source. */
	private static final int ENTRY_BYTES_BESIDES_TEXT = 384;

	private StreamFrames() {
	}

	/**
	 * Writes the entries' JSON once, in the layout of their frames, into one array: each
	 * entry's text is a slice of it, and so is each frame, so that neither is copied again
	 * for a browser that wants every entry. Where a frame is full, the comma before the
	 * next entry becomes the end of one frame and the start of the next (that entry's
	 * bytes move once).
	 */
	static Written write(List<ViewerEntry> entries, EntryJson json) {
		if (entries.isEmpty()) {
			return new Written(List.of(), List.of(), 0);
		}
		Utf8Json out = new Utf8Json(estimatedSize(entries));
		int[] starts = new int[entries.size()];
		int[] ends = new int[entries.size()];
		List<int[]> frameBounds = new ArrayList<>(1);
		int frameStart = 0;
		out.raw(ENTRIES_START);
		for (int i = 0; i < entries.size(); i++) {
			int comma = -1;
			if (out.size() > frameStart + ENTRIES_START.length) {
				comma = out.size();
				out.raw(',');
			}
			int start = out.size();
			json.write(out, entries.get(i));
			if (comma >= 0 && out.size() + ENTRIES_END.length - frameStart > MAX_FRAME_BYTES) {
				out.replace(comma, BETWEEN_FRAMES);
				frameBounds.add(new int[] { frameStart, comma + ENTRIES_END.length });
				frameStart = comma + ENTRIES_END.length;
				start += BETWEEN_FRAMES.length - 1;
			}
			starts[i] = start;
			ends[i] = out.size();
		}
		out.raw(ENTRIES_END);
		frameBounds.add(new int[] { frameStart, out.size() });
		byte[] buffer = out.array();
		List<EncodedEntry> encoded = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			encoded.add(new EncodedEntry(entries.get(i), buffer, starts[i], ends[i] - starts[i]));
		}
		List<Frame> frames = new ArrayList<>(frameBounds.size());
		for (int[] bounds : frameBounds) {
			frames.add(new Frame(buffer, bounds[0], bounds[1] - bounds[0]));
		}
		return new Written(encoded, frames, buffer.length);
	}

	/** About the bytes the entries' JSON takes, so that the array rarely grows while written. */
	private static int estimatedSize(List<ViewerEntry> entries) {
		long size = 64;
		for (ViewerEntry entry : entries) {
			size += ENTRY_BYTES_BESIDES_TEXT + entry.message().length() + entry.topic().length()
					+ ((entry.exception() != null) ? entry.exception().length() : 0);
		}
		return (int) Math.min(size, Integer.MAX_VALUE - 16);
	}

	/** Frames of entries written before, for a browser that wants only some of them. */
	static List<Frame> entries(List<EncodedEntry> entries) {
		List<Frame> frames = new ArrayList<>(1);
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
			frames.add(Frame.of(frame.toByteArray()));
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

	static Frame skipped(long count) {
		return Frame.of(("{\"type\":\"skipped\",\"count\":" + count + "}").getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Entries written once, and the frames made of them, in one array.
	 *
	 * @param entries each entry with its slice
	 * @param frames the frames that carry them all, in order
	 * @param bytes the array's length, what it holds in memory
	 */
	record Written(List<EncodedEntry> entries, List<Frame> frames, long bytes) {
	}

}
