package dev.zmqlog.viewer.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.zmqlog.protocol.EntryKind;
import dev.zmqlog.protocol.Level;
import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.RecentWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A histogram counted from the embedded store's blocks ({@link TimeBlockCounter}) is the
 * one counted entry by entry from the same entries in memory: over several segments, with
 * deleted entries, times out of order, entries without a level, any bucket width, a lowest
 * level, and the window's boundary cutting the store.
 */
class TimeBlockCounterTest {

	private static final Instant START = Instant.parse("2026-03-01T03:00:00Z");

	private static final int ENTRIES = 30_000;

	@TempDir
	Path folder;

	private final Clock clock = Clock.fixed(START.plus(Duration.ofHours(2)), ZoneOffset.UTC);

	@Test
	void blocksCountWhatEachEntryCounts() throws Exception {
		Random random = new Random(7);
		List<ViewerEntry> entries = new ArrayList<>();
		for (long id = 1; id <= ENTRIES; id++) {
			// 100 ms apart, one in twenty up to 5 s early or late
			long millis = id * 100 + ((random.nextInt(20) == 0) ? random.nextInt(10_000) - 5_000 : 0);
			Level level = (id % 7 == 0) ? null : Level.values()[(int) (id % Level.values().length)];
			Instant time = START.plusMillis(millis);
			entries.add(new ViewerEntry(id, time, START.plusMillis(id), "t", level, "l", "th", "m " + id, null, Map.of(),
					List.of(), id, null, EntryKind.PLAIN));
		}
		try (LuceneStore store = LuceneStore.open(this.folder, 16)) {
			for (int from = 0; from < ENTRIES; from += 5_000) {
				store.write(entries.subList(from, from + 5_000));
				store.commit(from + 5_001, List.of());
			}
			// deletes ids below 2,500: the first segment keeps half
			store.retain(Long.MAX_VALUE, START.plusMillis(2_500));
			store.commit(ENTRIES + 1, List.of());
			List<ViewerEntry> kept = entries.subList(2_499, ENTRIES);

			for (long boundary : List.of(ENTRIES + 1L, 17_777L)) {
				EntryHistory stored = new EntryHistory(new RecentWindow(1, 1 << 20, boundary), store, this.clock);
				RecentWindow all = new RecentWindow(ENTRIES, 1L << 30, kept.get(0).id());
				kept.stream().filter((entry) -> entry.id() < boundary).forEach(all::accept);
				EntryHistory counted = new EntryHistory(all, new MemoryStore(), this.clock);
				for (Map<String, List<String>> parameters : List.of(Map.<String, List<String>>of(),
						Map.of("level", List.of("WARN")),
						Map.of("from", List.of(START.plusSeconds(600).toString()), "to",
								List.of(START.plusMillis(2_345_678).toString())),
						Map.of("from", List.of(START.plusSeconds(1_000).toString()), "level", List.of("DEBUG")))) {
					EntryFilter filter = EntryFilter.of(parameters, this.clock);
					for (int buckets : List.of(1, 7, 60, 1_000)) {
						EntryHistory.Histogram expected = counted.histogram(filter, buckets, Long.MAX_VALUE);
						EntryHistory.Histogram actual = stored.histogram(filter, buckets, Long.MAX_VALUE);
						assertThat(actual).as("%s, %d buckets, boundary %d", parameters, buckets, boundary)
							.isEqualTo(expected);
					}
				}
			}
		}
	}

}
