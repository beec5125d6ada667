package dev.zmqlog.viewer.store;

import java.io.IOException;

import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.store.HistoryStore.EntryCounter;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;

/**
 * Counts a histogram whose filter holds a time range and a level at most
 * ({@link LuceneQueries#isTimeAndLevel}), segment by segment, with each segment's
 * {@link TimeBlocks}: a block wholly inside the range, below the id bound, without deleted
 * documents and within one bucket of the counter is added from its counts per level; any
 * other block is read entry by entry from the doc values. Either way the answer is the
 * query's: the same entries, the same times to the millisecond, the same levels.
 */
final class TimeBlockCounter {

	private final TimeBlockCache cache;

	TimeBlockCounter(TimeBlockCache cache) {
		this.cache = cache;
	}

	/** @return whether every entry was counted before the deadline */
	boolean count(IndexSearcher searcher, EntryFilter filter, long beforeId, EntryCounter counter, long deadlineNanos)
			throws IOException {
		long from = (filter.from() != null) ? filter.from().toEpochMilli() : Long.MIN_VALUE;
		long to = (filter.to() != null) ? filter.to().toEpochMilli() : Long.MAX_VALUE;
		int lowestSlot = (filter.level() != null) ? filter.level().ordinal() + 1 : 0;
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			TimeBlocks blocks = this.cache.of(leaf.reader());
			if (blocks == null) {
				blocks = TimeBlocks.of(leaf.reader());
			}
			if (!count(leaf.reader(), blocks, from, to, lowestSlot, beforeId, counter, deadlineNanos)) {
				return false;
			}
		}
		return true;
	}

	private static boolean count(LeafReader reader, TimeBlocks blocks, long from, long to, int lowestSlot,
			long beforeId, EntryCounter counter, long deadlineNanos) throws IOException {
		Bits live = reader.getLiveDocs();
		NumericDocValues ids = reader.getNumericDocValues(EntryDocument.ID);
		NumericDocValues times = reader.getNumericDocValues(EntryDocument.TIME);
		NumericDocValues levels = reader.getNumericDocValues(EntryDocument.LEVEL);
		for (int block = 0; block < blocks.blocks(); block++) {
			if (System.nanoTime() > deadlineNanos) {
				return false;
			}
			if (blocks.firstId(block) >= beforeId) {
				break;
			}
			if (blocks.maxTime(block) < from || blocks.minTime(block) > to) {
				continue;
			}
			boolean whole = blocks.lastId(block) < beforeId && blocks.minTime(block) >= from
					&& blocks.maxTime(block) <= to && allLive(live, blocks, block)
					&& countWhole(blocks, block, lowestSlot, counter);
			if (!whole) {
				int end = Math.min(blocks.maxDoc(), (block + 1) << TimeBlocks.BLOCK_SHIFT);
				for (int doc = block << TimeBlocks.BLOCK_SHIFT; doc < end; doc++) {
					if (live != null && !live.get(doc)) {
						continue;
					}
					if (TimeBlocks.value(ids, doc) >= beforeId) {
						break;
					}
					long time = TimeBlocks.value(times, doc);
					int slot = TimeBlocks.slot(levels, doc);
					if (time >= from && time <= to && slot >= lowestSlot) {
						counter.count(time, TimeBlocks.level(slot));
					}
				}
			}
		}
		return true;
	}

	/** Hands the block's counts per level to the counter, if it takes the block's times as one bucket. */
	private static boolean countWhole(TimeBlocks blocks, int block, int lowestSlot, EntryCounter counter) {
		boolean first = true;
		for (int slot = lowestSlot; slot < TimeBlocks.LEVELS; slot++) {
			int entries = blocks.count(block, slot);
			if (entries > 0) {
				boolean counted = counter.countAll(blocks.minTime(block), blocks.maxTime(block), TimeBlocks.level(slot),
						entries);
				if (first && !counted) {
					return false;
				}
				first = false;
			}
		}
		return true;
	}

	private static boolean allLive(Bits live, TimeBlocks blocks, int block) {
		if (live == null) {
			return true;
		}
		int end = Math.min(blocks.maxDoc(), (block + 1) << TimeBlocks.BLOCK_SHIFT);
		for (int doc = block << TimeBlocks.BLOCK_SHIFT; doc < end; doc++) {
			if (!live.get(doc)) {
				return false;
			}
		}
		return true;
	}

}
