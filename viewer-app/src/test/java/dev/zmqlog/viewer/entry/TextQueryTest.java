package dev.zmqlog.viewer.entry;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.zmqlog.viewer.entry.TestEntries.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TextQueryTest {

	private static EntryFilter filter(String... parameters) {
		Map<String, List<String>> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < parameters.length; i += 2) {
			map.computeIfAbsent(parameters[i], (absent) -> new java.util.ArrayList<>()).add(parameters[i + 1]);
		}
		return EntryFilter.of(map);
	}

	@Test
	void substringIsCaseInsensitiveAndCanBeInverted() {
		ViewerEntry disk = entry(1, "Disk full");

		assertThat(filter("q", "DISK").matches(disk)).isTrue();
		assertThat(filter("q", "disk", "not", "true").matches(disk)).isFalse();
		assertThat(filter("q", "cpu", "not", "true").matches(disk)).isTrue();
	}

	@Test
	void regexMatchesAnywhere() {
		assertThat(filter("q", "\\d{4}", "regex", "true").matches(entry(1, "port 8080 busy"))).isTrue();
		assertThat(filter("q", "^busy", "regex", "true").matches(entry(1, "port 8080 busy"))).isFalse();
	}

	@Test
	void catastrophicRegexEndsWithinItsTimeLimitAsNoMatch() {
		long before = TextQuery.timedOut();
		EntryFilter evil = filter("q", "(a+)+$", "regex", "true");
		ViewerEntry entry = entry(1, "a".repeat(5_000) + "!");

		long started = System.nanoTime();
		boolean matched = evil.matches(entry);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(matched).isFalse();
		assertThat(took).isLessThan(Duration.ofMillis(TextQuery.EVALUATION_LIMIT_NANOS / 1_000_000 + 500));
		assertThat(TextQuery.timedOut()).isGreaterThan(before);
	}

	@Test
	void invalidRegexOrFlagIsABadValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> filter("q", "[0-9", "regex", "true"))
			.withMessageContaining("regular expression");
		assertThatIllegalArgumentException().isThrownBy(() -> filter("q", "a", "regex", "maybe"));
		assertThatIllegalArgumentException().isThrownBy(() -> filter("level", "LOUD"));
	}

	@Test
	void fieldFiltersNarrowByLoggerThreadSourceMdcAndMarker() {
		ViewerEntry entry = entry(1, "m");

		assertThat(filter("logger", "app.", "thread", "main", "source", "app").matches(entry)).isTrue();
		assertThat(filter("source", "instance").matches(entry)).isTrue();
		assertThat(filter("source", "other").matches(entry)).isFalse();
		assertThat(filter("mdc.user", "ann").matches(entry)).isFalse();
		assertThat(filter("marker", "AUDIT").matches(entry)).isFalse();
		assertThat(filter("level", "warn").matches(entry)).isFalse();
		assertThat(filter().isAll()).isTrue();
	}

}
