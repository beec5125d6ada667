package dev.zmqlog.viewer.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.viewer.entry.EntryJson;
import dev.zmqlog.viewer.entry.Utf8Json;
import dev.zmqlog.viewer.entry.ViewerEntry;
import org.jspecify.annotations.Nullable;

/**
 * The stream's frames as UTF-8 bytes: {@code {"type":"entries","entries":[..]}} made of
 * entries' JSON written once, each frame at most about {@value #MAX_FRAME_BYTES} bytes (or
 * one entry), so that a burst of large entries goes out in frames a slow browser still
 * reads well within the stall limit; and {@code {"type":"skipped","count":N}}.
 */
final class StreamFrames {

	static final int MAX_FRAME_BYTES = 256 * 1024;

	/** The JSON of the batches the broadcaster writes, about, at most: or one entry. */
	static final int MAX_BATCH_BYTES = Utf8Json.MAX_RETAINED_BYTES;

	private static final byte[] ENTRIES_START = "{\"type\":\"entries\",\"entries\":[".getBytes(StandardCharsets.UTF_8);

	private static final byte[] ENTRIES_END = "]}".getBytes(StandardCharsets.UTF_8);

	/** What the comma between two entries becomes where one frame ends and the next starts. */
	private static final byte[] BETWEEN_FRAMES = "]}{\"type\":\"entries\",\"entries\":[".getBytes(StandardCharsets.UTF_8);

	/** JSON bytes an entry takes besides its texts: keys, times, ids, source. */
	private static final int ENTRY_BYTES_BESIDES_TEXT = 384;

	/** JSON bytes a batch takes besides its entries: the start and end of its frames. */
	private static final int BATCH_BYTES_BESIDES_ENTRIES = 64;

	private StreamFrames() {
	}

	/** Like {@link #write(List, EntryJson, Utf8Json, DirectMemoryBudget)}, in an array of its own: for one browser's frames. */
	static Written write(List<ViewerEntry> entries, EntryJson json) {
		return write(entries, json, null, null);
	}

	/**
	 * Writes the entries' JSON once, in the layout of their frames: each frame, and each
	 * entry's text, is a slice of one buffer, so that neither is copied again for a browser
	 * that wants every entry. Where a frame is full, the comma before the next entry becomes
	 * the end of one frame and the start of the next (that entry's bytes move once).
	 * <p>
	 * A batch of ordinary size is written into the scratch and copied into a direct buffer
	 * (while the budget admits it), which a socket writes as it is: for a heap array it first copies the bytes into a
	 * direct buffer of its own, per browser and per write (for ten browsers that copy took a
	 * third of the senders' time). A batch of one entry larger than {@value #MAX_BATCH_BYTES}
	 * bytes stays in an array of its own, sized for it: it is rare, and a flood of such
	 * entries then holds no direct memory besides the heap.
	 * <p>
	 * The entries are read from an array: the lists given differ in class (the window's, a
	 * backlog's pages from the store; once, a view of a cut burst), and a hot loop over a list
	 * of another class than the JIT had seen failed its type checks and was compiled again,
	 * up to four times per check, taking the compiler 1 to 2.5 s of CPU in a busy minute.
	 * @param scratch where the JSON of a batch of ordinary size is written first, emptied
	 * before: one writer's to reuse, so that its memory is warm and no array is made per
	 * batch; none to write every batch into an array of its own
	 * @param direct the direct memory such a batch may take; none to keep it on the heap
	 */
	static Written write(List<ViewerEntry> list, EntryJson json, @Nullable Utf8Json scratch,
			@Nullable DirectMemoryBudget direct) {
		if (list.isEmpty()) {
			return new Written(List.of(), List.of(), 0);
		}
		ViewerEntry[] entries = list.toArray(new ViewerEntry[0]);
		int estimated = estimatedSize(entries);
		boolean ordinary = scratch != null && estimated - BATCH_BYTES_BESIDES_ENTRIES <= MAX_BATCH_BYTES;
		Utf8Json out = ordinary ? scratch : new Utf8Json(estimated);
		if (ordinary) {
			scratch.clear();
		}
		int[] starts = new int[entries.length];
		int[] ends = new int[entries.length];
		List<int[]> frameBounds = new ArrayList<>(1);
		int frameStart = 0;
		out.raw(ENTRIES_START);
		for (int i = 0; i < entries.length; i++) {
			int comma = -1;
			if (out.size() > frameStart + ENTRIES_START.length) {
				comma = out.size();
				out.raw(',');
			}
			int start = out.size();
			json.write(out, entries[i]);
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
		ByteBuffer buffer = ordinary ? copy(out, direct) : ByteBuffer.wrap(out.array(), 0, out.size());
		List<EncodedEntry> encoded = new ArrayList<>(entries.length);
		for (int i = 0; i < entries.length; i++) {
			encoded.add(new EncodedEntry(entries[i], buffer.slice(starts[i], ends[i] - starts[i])));
		}
		List<Frame> frames = new ArrayList<>(frameBounds.size());
		for (int[] bounds : frameBounds) {
			frames.add(new Frame(buffer.slice(bounds[0], bounds[1] - bounds[0])));
		}
		return new Written(encoded, frames, ordinary ? out.size() : out.array().length);
	}

	/**
	 * The scratch's bytes in a direct buffer; in an array where they came out larger than
	 * estimated (entries with large MDCs, say), or where the budget or the JVM has no direct
	 * memory left for them.
	 */
	private static ByteBuffer copy(Utf8Json scratch, @Nullable DirectMemoryBudget direct) {
		ByteBuffer copy = null;
		if (scratch.size() <= MAX_BATCH_BYTES && direct != null && direct.admits(scratch.size())) {
			try {
				copy = ByteBuffer.allocateDirect(scratch.size());
			}
			catch (OutOfMemoryError ex) {
				// past -XX:MaxDirectMemorySize: the socket then copies it, as it would an array
			}
		}
		if (copy == null) {
			copy = ByteBuffer.allocate(scratch.size());
		}
		return copy.put(scratch.array(), 0, scratch.size()).flip();
	}

	/** About the bytes the entries' JSON takes, so that the array rarely grows while written. */
	private static int estimatedSize(ViewerEntry[] entries) {
		long size = BATCH_BYTES_BESIDES_ENTRIES;
		for (ViewerEntry entry : entries) {
			size += estimatedSize(entry);
		}
		return (int) Math.min(size, Integer.MAX_VALUE - 16);
	}

	/** About the bytes an entry's JSON takes: its texts as they are, and what an entry takes besides. */
	static long estimatedSize(ViewerEntry entry) {
		return ENTRY_BYTES_BESIDES_TEXT + entry.message().length() + entry.topic().length()
				+ ((entry.exception() != null) ? entry.exception().length() : 0);
	}

	/** Frames of entries written before, for a browser that wants only some of them. */
	static List<Frame> entries(List<EncodedEntry> entries) {
		List<Frame> frames = new ArrayList<>(1);
		int next = 0;
		while (next < entries.size()) {
			// the entries that fit in one frame, or the one that does not fit alone
			int end = next + 1;
			int size = ENTRIES_START.length + ENTRIES_END.length + entries.get(next).length();
			while (end < entries.size() && size + 1 + entries.get(end).length() < MAX_FRAME_BYTES) {
				size += 1 + entries.get(end).length();
				end++;
			}
			ByteBuffer frame = ByteBuffer.allocate(size).put(ENTRIES_START);
			for (int i = next; i < end; i++) {
				if (i > next) {
					frame.put((byte) ',');
				}
				frame.put(entries.get(i).text());
			}
			frames.add(new Frame(frame.put(ENTRIES_END).flip()));
			next = end;
		}
		return frames;
	}

	static Frame skipped(long count) {
		return Frame.of(("{\"type\":\"skipped\",\"count\":" + count + "}").getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Entries written once, and the frames made of them, in one buffer.
	 *
	 * @param entries each entry with its slice
	 * @param frames the frames that carry them all, in order
	 * @param bytes what the buffer holds in memory
	 */
	record Written(List<EncodedEntry> entries, List<Frame> frames, long bytes) {
	}

}
