package dev.zmqlog.viewer.store;

import java.io.IOException;
import java.util.Arrays;

import dev.zmqlog.protocol.Level;
import org.jspecify.annotations.Nullable;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;

/**
 * What a histogram needs of one segment, per block of {@value #BLOCK} documents: the
 * block's first and last id, its earliest and latest time, and how many documents it holds
 * per level. Entries arrive in about time order and a segment is sorted by id, so a
 * block's times mostly fall in one bucket of a histogram: it is added whole, and only the
 * blocks that straddle a bucket's edge (or hold deleted documents) are read entry by entry.
 * Built from the doc values once per segment (a segment never changes; deletions are
 * checked at query time), 60 bytes per block.
 */
final class TimeBlocks {

	static final int BLOCK_SHIFT = 10;

	static final int BLOCK = 1 << BLOCK_SHIFT;

	/** Level slots per block: no level first, then each {@link Level} by ordinal. */
	static final int LEVELS = Level.values().length + 1;

	private final int maxDoc;

	private final long[] firstId;

	private final long[] lastId;

	private final long[] minTime;

	private final long[] maxTime;

	private final int[] counts;

	private TimeBlocks(int maxDoc) {
		this.maxDoc = maxDoc;
		int blocks = (maxDoc + BLOCK - 1) >>> BLOCK_SHIFT;
		this.firstId = new long[blocks];
		this.lastId = new long[blocks];
		this.minTime = new long[blocks];
		this.maxTime = new long[blocks];
		this.counts = new int[blocks * LEVELS];
	}

	static TimeBlocks of(LeafReader reader) throws IOException {
		TimeBlocks blocks = new TimeBlocks(reader.maxDoc());
		Arrays.fill(blocks.minTime, Long.MAX_VALUE);
		Arrays.fill(blocks.maxTime, Long.MIN_VALUE);
		Arrays.fill(blocks.firstId, Long.MAX_VALUE);
		Arrays.fill(blocks.lastId, Long.MIN_VALUE);
		NumericDocValues ids = reader.getNumericDocValues(EntryDocument.ID);
		NumericDocValues times = reader.getNumericDocValues(EntryDocument.TIME);
		NumericDocValues levels = reader.getNumericDocValues(EntryDocument.LEVEL);
		for (int doc = 0; doc < blocks.maxDoc; doc++) {
			int block = doc >>> BLOCK_SHIFT;
			long id = value(ids, doc);
			long time = value(times, doc);
			blocks.firstId[block] = Math.min(blocks.firstId[block], id);
			blocks.lastId[block] = Math.max(blocks.lastId[block], id);
			blocks.minTime[block] = Math.min(blocks.minTime[block], time);
			blocks.maxTime[block] = Math.max(blocks.maxTime[block], time);
			blocks.counts[block * LEVELS + slot(levels, doc)]++;
		}
		return blocks;
	}

	/** The time of a document (0 when missing, as in a damaged entry); documents in increasing order. */
	static long value(@Nullable NumericDocValues times, int doc) throws IOException {
		return (times != null && times.advanceExact(doc)) ? times.longValue() : 0;
	}

	/** The level slot of a document: 0 without a level, else the level's ordinal + 1; documents in increasing order. */
	static int slot(@Nullable NumericDocValues levels, int doc) throws IOException {
		if (levels == null || !levels.advanceExact(doc)) {
			return 0;
		}
		long level = levels.longValue();
		return (level >= 0 && level < LEVELS - 1) ? (int) level + 1 : 0;
	}

	static @Nullable Level level(int slot) {
		return (slot == 0) ? null : Level.values()[slot - 1];
	}

	int blocks() {
		return this.firstId.length;
	}

	int maxDoc() {
		return this.maxDoc;
	}

	long firstId(int block) {
		return this.firstId[block];
	}

	long lastId(int block) {
		return this.lastId[block];
	}

	long minTime(int block) {
		return this.minTime[block];
	}

	long maxTime(int block) {
		return this.maxTime[block];
	}

	int count(int block, int slot) {
		return this.counts[block * LEVELS + slot];
	}

}
