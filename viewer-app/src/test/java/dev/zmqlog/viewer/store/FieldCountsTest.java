package dev.zmqlog.viewer.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.zmqlog.viewer.store.EntryHistory.FieldValue;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass counting of {@code /api/fields} answers exactly what the two passes over
 * whole entries answered before it: the same values, counts, ties broken by value, and the
 * same order of fields.
 */
class FieldCountsTest {

	@Test
	void answersWhatTwoPassesOverTheSampleAnswered() {
		Random random = new Random(7);
		for (int round = 0; round < 200; round++) {
			List<EntryFacets> sample = new ArrayList<>();
			int entries = random.nextInt(300);
			for (int i = 0; i < entries; i++) {
				sample.add(facets(random));
			}
			FieldCounts counts = new FieldCounts();
			sample.forEach(counts::add);
			Map<String, List<FieldValue>> expected = twoPasses(sample);
			Map<String, List<FieldValue>> actual = counts.top(EntryHistory.FIELD_VALUES, EntryHistory.MDC_KEYS);
			assertThat(actual).as("round %d", round).isEqualTo(expected);
			assertThat(List.copyOf(actual.keySet())).as("round %d", round).isEqualTo(List.copyOf(expected.keySet()));
		}
	}

	private static EntryFacets facets(Random random) {
		Map<String, String> mdc = new LinkedHashMap<>();
		int keys = random.nextInt(4) * random.nextInt(10);
		for (int i = 0; i < keys; i++) {
			mdc.put("k" + random.nextInt(30), "v" + random.nextInt(1 + random.nextInt(40)));
		}
		return new EntryFacets(maybe(random, "logger"), maybe(random, "thread"), maybe(random, "app"), mdc);
	}

	private static @Nullable String maybe(Random random, String prefix) {
		return (random.nextInt(20) == 0) ? null : prefix + random.nextInt(1 + random.nextInt(25));
	}

	/** How {@code EntryHistory.fields} counted before: boxed counts, the MDC in a second pass. */
	private static Map<String, List<FieldValue>> twoPasses(List<EntryFacets> sample) {
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		Map<String, Long> mdcKeys = new HashMap<>();
		for (EntryFacets entry : sample) {
			count(counts, "logger", entry.logger());
			count(counts, "thread", entry.thread());
			count(counts, "source.app", entry.app());
			entry.mdc().keySet().forEach((key) -> mdcKeys.merge(key, 1L, Long::sum));
		}
		List<String> keys = top(mdcKeys, EntryHistory.MDC_KEYS).stream().map(FieldValue::value).toList();
		for (EntryFacets entry : sample) {
			for (String key : keys) {
				count(counts, "mdc." + key, entry.mdc().get(key));
			}
		}
		Map<String, List<FieldValue>> fields = new LinkedHashMap<>();
		counts.forEach((field, values) -> fields.put(field, top(values, EntryHistory.FIELD_VALUES)));
		return fields;
	}

	private static void count(Map<String, Map<String, Long>> counts, String field, @Nullable String value) {
		if (value != null) {
			counts.computeIfAbsent(field, (absent) -> new HashMap<>()).merge(value, 1L, Long::sum);
		}
	}

	private static List<FieldValue> top(Map<String, Long> values, int limit) {
		return values.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(limit)
			.map((entry) -> new FieldValue(entry.getKey(), entry.getValue()))
			.toList();
	}

}
