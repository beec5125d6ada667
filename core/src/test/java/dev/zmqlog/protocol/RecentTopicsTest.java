package dev.zmqlog.protocol;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentTopicsTest {

	private final RecentTopics topics = new RecentTopics();

	private final AtomicInteger decoded = new AtomicInteger();

	private @Nullable String text(String topic) {
		return this.topics.text(topic.getBytes(StandardCharsets.UTF_8), this::decode);
	}

	private @Nullable String decode(byte[] frame) {
		this.decoded.incrementAndGet();
		String text = new String(frame, StandardCharsets.UTF_8);
		return text.startsWith("bad") ? null : text;
	}

	@Test
	void aTopicSeenBeforeIsTheSameTextWithoutDecodingIt() {
		String first = text("greeter.INFO.db");
		assertThat(text("greeter.INFO.db")).isSameAs(first).isEqualTo("greeter.INFO.db");
		assertThat(this.decoded).hasValue(1);
	}

	@Test
	void topicsOfOneSlotEachKeepTheirOwnText() {
		for (int i = 0; i < 10 * RecentTopics.SLOTS; i++) {
			assertThat(text("topic." + i)).isEqualTo("topic." + i);
		}
		assertThat(text("topic.0")).isEqualTo("topic.0");
	}

	@Test
	void aFrameWithoutTextIsNeverRemembered() {
		assertThat(text("bad.INFO")).isNull();
		assertThat(text("bad.INFO")).isNull();
		assertThat(this.decoded).hasValue(2);
	}

	@Test
	void aLongTopicIsDecodedEveryTime() {
		String topic = "t".repeat(RecentTopics.MAX_BYTES + 1);
		assertThat(text(topic)).isEqualTo(topic);
		assertThat(text(topic)).isEqualTo(topic);
		assertThat(this.decoded).hasValue(2);
	}

}
