package dev.zmqlog.viewer.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicCountsTest {

	@Test
	void manyHugeTopicsStayWithinTheBudgetCutShort() {
		TopicCounts topics = new TopicCounts(64 * 1024);
		String huge = "t".repeat(1024 * 1024);
		for (int i = 0; i < 400; i++) {
			topics.count(i + huge);
		}

		assertThat(topics.bytes()).isLessThanOrEqualTo(64 * 1024);
		assertThat(topics.snapshot()).allSatisfy(
				(row) -> assertThat(row.topic().length()).isLessThanOrEqualTo(TableText.MAX_CHARS + 1));
		assertThat(topics.snapshot().stream().mapToLong(TopicCounts.TopicCount::count).sum()).isEqualTo(400);
		assertThat(topics.snapshot()).anySatisfy((row) -> assertThat(row.topic()).isEqualTo(TopicCounts.OTHER_TOPICS));
	}

	@Test
	void countsEachTopic() {
		TopicCounts topics = new TopicCounts(64 * 1024);
		topics.count("a.INFO");
		topics.count("a.INFO");
		topics.count("b.WARN");

		assertThat(topics.snapshot()).containsExactly(new TopicCounts.TopicCount("a.INFO", null, 2),
				new TopicCounts.TopicCount("b.WARN", null, 1));
	}

	@Test
	void countsATopicPerApp() {
		TopicCounts topics = new TopicCounts(64 * 1024);
		topics.count("orders", "shop.INFO.db");
		topics.count("orders", "shop.INFO.db");
		topics.count("payments", "shop.INFO.db");
		topics.count(null, "shop.INFO.db");
		topics.count("payments", "pay.WARN");

		assertThat(topics.snapshot()).containsExactly(new TopicCounts.TopicCount("pay.WARN", "payments", 1),
				new TopicCounts.TopicCount("shop.INFO.db", null, 1),
				new TopicCounts.TopicCount("shop.INFO.db", "orders", 2),
				new TopicCounts.TopicCount("shop.INFO.db", "payments", 1));
	}

	@Test
	void manyHugeAppsStayWithinTheBudget() {
		TopicCounts topics = new TopicCounts(64 * 1024);
		String huge = "a".repeat(1024 * 1024);
		for (int i = 0; i < 400; i++) {
			topics.count(i + huge, "t.INFO");
		}

		assertThat(topics.bytes()).isLessThanOrEqualTo(64 * 1024);
		assertThat(topics.snapshot().stream().mapToLong(TopicCounts.TopicCount::count).sum()).isEqualTo(400);
		assertThat(topics.snapshot()).anySatisfy((row) -> assertThat(row.topic()).isEqualTo(TopicCounts.OTHER_TOPICS));
	}

}
