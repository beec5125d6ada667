package dev.zmqlog.viewer.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.zmqlog.viewer.entry.HeapSize;
import org.jspecify.annotations.Nullable;

/**
 * Every topic seen per app (the {@code source.app} of the entries on it; none for entries
 * without a source), with how many entries it had, bounded by the heap it takes: topics and
 * apps are cut to {@value TableText#MAX_CHARS} characters, and once the table is full new
 * rows are counted under {@link #OTHER_TOPICS} with no app. Written by the ingest thread only;
 * read by anyone without a lock.
 */
public final class TopicCounts {

	/** Where topics past the limit are counted. */
	public static final String OTHER_TOPICS = "(other topics)";

	/** A row besides its topic text: the map node, the counter and the table slot. */
	static final int ROW_BYTES = 32 + 16 + 8;

	/** An app's table besides its name: the map node and the map. */
	static final int APP_BYTES = 32 + 64;

	/** The key of entries without an app. */
	private static final String NO_APP = "";

	/** By app, then by topic: two lookups and no key to allocate per entry. */
	private final Map<String, Map<String, AtomicLong>> counts = new ConcurrentHashMap<>();

	/** The budget of the rows besides the overflow row, which is kept room for. */
	private final long rowsMaxBytes;

	private volatile long bytes;

	public TopicCounts(long maxBytes) {
		this.rowsMaxBytes = maxBytes - (ROW_BYTES + HeapSize.of(OTHER_TOPICS) + APP_BYTES + HeapSize.of(NO_APP));
	}

	/** Counts an entry without an app. */
	public void count(String topic) {
		count(null, topic);
	}

	public void count(@Nullable String app, String topic) {
		Map<String, AtomicLong> topics = this.counts.get((app != null) ? app : NO_APP);
		AtomicLong count = (topics != null) ? topics.get(topic) : null;
		if (count == null) {
			count = row((app != null) ? app : NO_APP, topic);
		}
		count.incrementAndGet();
	}

	/** The counter of a row seen for the first time, or of the rows beyond the limit. */
	private AtomicLong row(String app, String topic) {
		String appKey = TableText.cut(app);
		String key = TableText.cut(topic);
		Map<String, AtomicLong> topics = this.counts.get(appKey);
		AtomicLong count = (topics != null) ? topics.get(key) : null;
		if (count != null) {
			return count;
		}
		long rowBytes = ROW_BYTES + HeapSize.of(key) + ((topics == null) ? APP_BYTES + HeapSize.of(appKey) : 0);
		if (this.bytes + rowBytes > this.rowsMaxBytes) {
			appKey = NO_APP;
			key = OTHER_TOPICS;
			topics = this.counts.get(appKey);
			count = (topics != null) ? topics.get(key) : null;
			if (count != null) {
				return count;
			}
			rowBytes = ROW_BYTES + HeapSize.of(key) + ((topics == null) ? APP_BYTES + HeapSize.of(appKey) : 0);
		}
		if (topics == null) {
			topics = new ConcurrentHashMap<>();
			this.counts.put(appKey, topics);
		}
		this.bytes += rowBytes;
		count = new AtomicLong();
		topics.put(key, count);
		return count;
	}

	/** Heap the table takes. */
	public long bytes() {
		return this.bytes;
	}

	/** The rows in alphabetical order of topic, then app, with their counts. */
	public List<TopicCount> snapshot() {
		List<TopicCount> rows = new ArrayList<>();
		this.counts.forEach((app, topics) -> topics.forEach((topic, count) -> rows
			.add(new TopicCount(topic, app.equals(NO_APP) ? null : app, count.get()))));
		rows.sort(Comparator.comparing(TopicCount::topic)
			.thenComparing(TopicCount::app, Comparator.nullsFirst(Comparator.naturalOrder())));
		return rows;
	}

	/**
	 * @param topic the topic, cut to {@value TableText#MAX_CHARS} characters
	 * @param app the app of its entries ({@code source.app}), cut the same way; null for entries without one
	 * @param count entries received on it
	 */
	public record TopicCount(String topic, @Nullable String app, long count) {
	}

}
