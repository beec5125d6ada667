package dev.zmqlog.viewer.history;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every topic seen, with how many entries it had. Bounded, so that a publisher inventing
 * topics cannot exhaust memory: past the limit, new topics are counted under one key.
 */
public final class TopicCounts {

	/** Where topics past the limit are counted. */
	public static final String OTHER_TOPICS = "(other topics)";

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	private final int maxTopics;

	public TopicCounts(int maxTopics) {
		this.maxTopics = maxTopics;
	}

	public void count(String topic) {
		LongAdder count = this.counts.get(topic);
		if (count == null) {
			String key = (this.counts.size() < this.maxTopics) ? topic : OTHER_TOPICS;
			count = this.counts.computeIfAbsent(key, (absent) -> new LongAdder());
		}
		count.increment();
	}

	/** The topics in alphabetical order, with their counts. */
	public List<TopicCount> snapshot() {
		return this.counts.entrySet()
			.stream()
			.map((entry) -> new TopicCount(entry.getKey(), entry.getValue().sum()))
			.sorted((a, b) -> a.topic().compareTo(b.topic()))
			.toList();
	}

	/**
	 * @param topic the topic
	 * @param count entries received on it
	 */
	public record TopicCount(String topic, long count) {
	}

}
