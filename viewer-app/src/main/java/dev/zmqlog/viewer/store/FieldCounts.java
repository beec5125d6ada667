package dev.zmqlog.viewer.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import dev.zmqlog.viewer.store.EntryHistory.FieldValue;
import org.jspecify.annotations.Nullable;

/**
 * Counts the values of {@code /api/fields} over a sample of entries, added oldest first,
 * in one pass: every MDC key's values are counted as they come (the sample bounds them),
 * and the most frequent keys are chosen at the end. Counts are mutable cells, not boxed
 * longs, and no field name is built per entry: the profile of the facets showed a third of
 * their time in hash maps. Fields are listed in the order in which the sample first shows
 * them, the fixed fields before the MDC keys.
 */
final class FieldCounts {

	/** Most frequent first, then by value. */
	private static final Comparator<Map.Entry<String, Count>> MOST_FREQUENT = Comparator
		.<Map.Entry<String, Count>>comparingLong((entry) -> -entry.getValue().value)
		.thenComparing(Map.Entry::getKey);

	private final Values logger = new Values("logger", 0);

	private final Values thread = new Values("thread", 1);

	private final Values app = new Values("source.app", 2);

	private final Map<String, Values> mdc = new HashMap<>();

	private int entries;

	void add(EntryFacets facets) {
		this.logger.count(facets.logger(), this.entries);
		this.thread.count(facets.thread(), this.entries);
		this.app.count(facets.app(), this.entries);
		for (Map.Entry<String, String> pair : facets.mdc().entrySet()) {
			this.mdc.computeIfAbsent(pair.getKey(), (key) -> new Values("mdc." + key, 0))
				.count(pair.getValue(), this.entries);
		}
		this.entries++;
	}

	/** Per field, its {@code values} most frequent values; MDC keys: the {@code keys} most frequent. */
	Map<String, List<FieldValue>> top(int values, int keys) {
		List<Values> fields = new ArrayList<>();
		for (Values fixed : List.of(this.logger, this.thread, this.app)) {
			if (fixed.total > 0) {
				fields.add(fixed);
			}
		}
		fields.sort(Comparator.comparingInt((Values field) -> field.firstEntry));
		List<Map.Entry<String, Values>> mdcKeys = top(this.mdc, keys, Comparator
			.<Map.Entry<String, Values>>comparingLong((entry) -> -entry.getValue().total)
			.thenComparing(Map.Entry::getKey));
		List<Values> mdcFields = new ArrayList<>(mdcKeys.size());
		for (int rank = 0; rank < mdcKeys.size(); rank++) {
			Values field = mdcKeys.get(rank).getValue();
			field.order = rank;
			mdcFields.add(field);
		}
		mdcFields.sort(Comparator.comparingInt((Values field) -> field.firstEntry)
			.thenComparingInt((field) -> field.order));
		fields.addAll(mdcFields);
		Map<String, List<FieldValue>> top = new LinkedHashMap<>();
		for (Values field : fields) {
			top.put(field.name, top(field.counts, values, MOST_FREQUENT).stream()
				.map((entry) -> new FieldValue(entry.getKey(), entry.getValue().value))
				.toList());
		}
		return top;
	}

	/** The first {@code limit} of the map's entries in the order given, without sorting them all. */
	private static <V> List<Map.Entry<String, V>> top(Map<String, V> map, int limit,
			Comparator<Map.Entry<String, V>> order) {
		PriorityQueue<Map.Entry<String, V>> kept = new PriorityQueue<>(limit + 1, order.reversed());
		for (Map.Entry<String, V> entry : map.entrySet()) {
			kept.add(entry);
			if (kept.size() > limit) {
				kept.poll();
			}
		}
		List<Map.Entry<String, V>> top = new ArrayList<>(kept);
		top.sort(order);
		return top;
	}

	/** A field's values and how many entries had each. */
	private static final class Values {

		private final String name;

		private final Map<String, Count> counts = new HashMap<>();

		private long total;

		/** The sample's first entry with a value. */
		private int firstEntry = -1;

		/** Where the field stands among those of its kind that first show in the same entry. */
		private int order;

		Values(String name, int order) {
			this.name = name;
			this.order = order;
		}

		void count(@Nullable String value, int entry) {
			if (value == null) {
				return;
			}
			if (this.total++ == 0) {
				this.firstEntry = entry;
			}
			Count count = this.counts.get(value);
			if (count == null) {
				count = new Count();
				this.counts.put(value, count);
			}
			count.value++;
		}

	}

	/** A mutable count. */
	private static final class Count {

		private long value;

	}

}
