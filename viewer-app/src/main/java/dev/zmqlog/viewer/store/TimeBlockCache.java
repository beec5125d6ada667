package dev.zmqlog.viewer.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;

/**
 * The {@link TimeBlocks} of each open segment, built on first use and dropped when the
 * segment is closed. As the writer's merged-segment warmer it builds them for a merged
 * segment on the merge's thread, before queries see it, so a query seldom pays for more
 * than the last second's small segment.
 */
final class TimeBlockCache implements IndexWriter.IndexReaderWarmer {

	private final Map<IndexReader.CacheKey, TimeBlocks> blocks = new ConcurrentHashMap<>();

	/** The blocks of a segment; {@code null} when the reader is not a segment's (no core to key them by). */
	@Nullable TimeBlocks of(LeafReader reader) {
		IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
		if (helper == null) {
			return null;
		}
		return this.blocks.computeIfAbsent(helper.getKey(), (key) -> {
			helper.addClosedListener(this.blocks::remove);
			try {
				return TimeBlocks.of(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@Override
	public void warm(LeafReader reader) {
		try {
			of(reader);
		}
		catch (RuntimeException ex) {
			// the merge goes on; a query that needs the blocks builds them, or reports the failure
		}
	}

}
