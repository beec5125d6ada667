package dev.zmqlog.viewer.history;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.zmqlog.viewer.entry.HeapSize;

/**
 * Every topic seen, with how many entries it had, bounded by the heap it takes: topics are
 * cut to {@value TableText#MAX_CHARS} characters, and once the table is full new topics are
 * counted under {@link #OTHER_TOPICS}. Written by the ingest thread only; read by anyone
 * without a lock.
 */
public final class TopicCounts {

	/** Where topics past the limit are counted. */
	public static final String OTHER_TOPICS = "(other topics)";

	/** A row besides its topic text: the map node, the counter and the table slot. */
	static final int ROW_BYTES = 32 + 16 + 8;

	private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

	private final long maxBytes;

	private volatile long bytes;

	public TopicCounts(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	public void count(String topic) {
		AtomicLong count = this.counts.get(topic);
		if (count == null) {
			count = row(topic);
		}
		count.incrementAndGet();
	}

	/** The counter of a topic seen for the first time, or of the topics beyond the limit. */
	private AtomicLong row(String topic) {
		String key = TableText.cut(topic);
		AtomicLong count = this.counts.get(key);
		if (count != null) {
			return count;
		}
		long rowBytes = ROW_BYTES + HeapSize.of(key);
		if (this.bytes + rowBytes > this.maxBytes) {
			key = OTHER_TOPICS;
			rowBytes = ROW_BYTES + HeapSize.of(key);
			count = this.counts.get(key);
			if (count != null) {
				return count;
			}
		}
		this.bytes += rowBytes;
		count = new AtomicLong();
		this.counts.put(key, count);
		return count;
	}

	/** Heap the table takes. */
	public long bytes() {
		return this.bytes;
	}

	/** The topics in alphabetical order, with their counts. */
	public List<TopicCount> snapshot() {
		return this.counts.entrySet()
			.stream()
			.map((entry) -> new TopicCount(entry.getKey(), entry.getValue().get()))
			.sorted((a, b) -> a.topic().compareTo(b.topic()))
			.toList();
	}

	/**
	 * @param topic the topic, cut to {@value TableText#MAX_CHARS} characters
	 * @param count entries received on it
	 */
	public record TopicCount(String topic, long count) {
	}

}
