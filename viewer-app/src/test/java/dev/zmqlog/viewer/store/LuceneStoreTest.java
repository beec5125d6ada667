package dev.zmqlog.viewer.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.zmqlog.protocol.EntryKind;
import dev.zmqlog.protocol.Level;
import dev.zmqlog.protocol.Source;
import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.SourceTable.SavedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store on real files: what is committed comes back by every filter, in id
 * order, after a reopen too, with the next id and the sources' counts.
 */
class LuceneStoreTest {

	private static final long FAR = Long.MAX_VALUE;

	private static final long NO_DEADLINE = Long.MAX_VALUE;

	@TempDir
	Path folder;

	private LuceneStore store;

	@BeforeEach
	void open() throws Exception {
		this.store = LuceneStore.open(this.folder, 16);
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	private List<ViewerEntry> writeAndCommit(int count) throws Exception {
		List<ViewerEntry> entries = new ArrayList<>();
		for (long id = 1; id <= count; id++) {
			String app = (id % 2 == 0) ? "shop" : "billing";
			Level level = Level.values()[(int) (id % 5)];
			entries.add(StoredEntries.entry(id, app, level, "order " + id + " placed by Ada"));
		}
		this.store.write(entries);
		this.store.commit(count + 1, List.of());
		return entries;
	}

	private static EntryFilter filter(Map<String, List<String>> parameters) {
		return EntryFilter.of(parameters, java.time.Clock.systemUTC());
	}

	private static List<Long> ids(List<ViewerEntry> entries) {
		return entries.stream().map(ViewerEntry::id).toList();
	}

	@Test
	void newestAndOldestPagesComeInIdOrder() throws Exception {
		writeAndCommit(2_500);
		assertThat(ids(this.store.newest(EntryFilter.ALL, Long.MIN_VALUE, FAR, 3, NO_DEADLINE).entries()))
			.containsExactly(2498L, 2499L, 2500L);
		assertThat(ids(this.store.newest(EntryFilter.ALL, Long.MIN_VALUE, 1001, 3, NO_DEADLINE).entries()))
			.containsExactly(998L, 999L, 1000L);
		assertThat(ids(this.store.oldest(EntryFilter.ALL, 1000, FAR, 3, NO_DEADLINE).entries()))
			.containsExactly(1001L, 1002L, 1003L);
		assertThat(this.store.get(1234)).isEqualTo(StoredEntries.entry(1234, "shop", Level.values()[4],
				"order 1234 placed by Ada"));
	}

	@Test
	void everyFilterFindsExactlyWhatItMatches() throws Exception {
		// more than the first window of a page search (4,096 ids): sparse filters cross several
		List<ViewerEntry> entries = writeAndCommit(12_000);
		List<Map<String, List<String>>> filters = List.of(Map.of("topic", List.of("shop.ERROR")),
				Map.of("level", List.of("WARN")), Map.of("q", List.of("ORDER 123 ")), Map.of("q", List.of("r 12")),
				Map.of("q", List.of("ad")), Map.of("q", List.of("order 2\\d{2} "), "regex", List.of("true")),
				Map.of("q", List.of("order 1"), "not", List.of("true")), Map.of("source", List.of("billing")),
				Map.of("source", List.of("shop-instance")), Map.of("logger", List.of("com.sh")),
				Map.of("thread", List.of("worker-2")), Map.of("mdc.traceId", List.of("t3")),
				Map.of("mdc.traceId", List.of("t3"), "mdc.user", List.of("u13")), Map.of("marker", List.of("AUDIT")),
				Map.of("marker", List.of("OTHER")), Map.of("q", List.of("IllegalState"), "level", List.of("ERROR")),
				Map.of("from", List.of("2026-03-01T03:10:00Z"), "to", List.of("2026-03-01T03:20:00.123456789Z")));
		for (Map<String, List<String>> parameters : filters) {
			EntryFilter filter = filter(parameters);
			List<Long> expected = ids(entries.stream().filter(filter::matches).toList());
			List<Long> newest = ids(this.store.newest(filter, Long.MIN_VALUE, FAR, 20_000, NO_DEADLINE).entries());
			assertThat(newest).as("%s", parameters).isEqualTo(expected);
			List<EntryFacets> matching = entries.stream().filter(filter::matches).map(EntryFacets::of).toList();
			assertThat(this.store.newestFacets(filter, FAR, 5_000, NO_DEADLINE).entries()).as("%s", parameters)
				.isEqualTo(matching.subList(Math.max(0, matching.size() - 5_000), matching.size()));
			List<Long> oldest = ids(this.store.oldest(filter, 0, FAR, 7, NO_DEADLINE).entries());
			assertThat(oldest).as("%s", parameters).isEqualTo(expected.subList(0, Math.min(7, expected.size())));
			Map<Long, Integer> counted = new HashMap<>();
			this.store.count(filter, FAR, (time, level) -> counted.merge(time, 1, Integer::sum), NO_DEADLINE);
			assertThat(counted.values().stream().mapToInt(Integer::intValue).sum()).as("%s", parameters)
				.isEqualTo(expected.size());
		}
	}

	@Test
	void reopenedStoreContinuesIdsAndKeepsSources() throws Exception {
		writeAndCommit(10);
		SavedSource source = new SavedSource(new Source("shop", "host-1", 7L, "i-1"), Instant.parse("2026-03-01T00:00:00Z"),
				Instant.parse("2026-03-01T01:00:00Z"), 500, 12, 513, null);
		// ids 11 and 12 were handed out but not stored (shed): the next start must not give them again
		this.store.commit(13, List.of(source));
		this.store.close();

		this.store = LuceneStore.open(this.folder, 16);

		assertThat(this.store.nextId()).isEqualTo(13);
		assertThat(this.store.savedSources()).containsExactly(source);
		assertThat(this.store.size().entries()).isEqualTo(10);
		assertThat(this.store.size().oldest()).isEqualTo(StoredEntries.START.plusSeconds(1));
	}

	@Test
	void uncommittedEntriesAreNotThereAfterAReopen() throws Exception {
		writeAndCommit(10);
		this.store.write(List.of(StoredEntries.entry(11, "shop", Level.INFO, "not committed")));
		// what a kill -9 leaves: the writer never closes; a copy of the folder has only the commit
		Path copy = this.folder.resolveSibling(this.folder.getFileName() + "-copy");
		org.apache.lucene.store.FSDirectory source = org.apache.lucene.store.FSDirectory.open(this.folder);
		java.nio.file.Files.createDirectories(copy);
		for (String file : source.listAll()) {
			if (!file.equals("write.lock")) {
				java.nio.file.Files.copy(this.folder.resolve(file), copy.resolve(file));
			}
		}
		source.close();
		try (LuceneStore reopened = LuceneStore.open(copy, 16)) {
			assertThat(reopened.nextId()).isEqualTo(11);
			assertThat(reopened.get(11)).isNull();
			assertThat(reopened.get(10)).isNotNull();
		}
	}

	@Test
	void hugeEntriesAreStoredAndFound() throws Exception {
		// past what is cut into trigrams, yet quick enough to scan within a text query's 20 ms
		String huge = "x".repeat(100_000) + " needle at the end";
		Map<String, String> mdc = new LinkedHashMap<>();
		for (int i = 0; i < 100_000; i++) {
			mdc.put("key" + i, "value" + i);
		}
		String longName = "L".repeat(40_000);
		ViewerEntry entry = new ViewerEntry(1, StoredEntries.START, StoredEntries.START, longName, Level.INFO, longName,
				longName, huge, huge, mdc, List.of(longName), 1L, new Source(longName, longName, 1L, longName),
				EntryKind.STRUCTURED);
		this.store.write(List.of(entry));
		this.store.commit(2, List.of());

		ViewerEntry oneMegabyte = new ViewerEntry(2, StoredEntries.START, StoredEntries.START, "t", Level.INFO, null, null,
				"y".repeat(1 << 20), null, Map.of(), List.of(), null, null, EntryKind.PLAIN);
		this.store.write(List.of(oneMegabyte));
		this.store.commit(3, List.of());
		assertThat(this.store.get(2)).isEqualTo(oneMegabyte);
		assertThat(ids(this.store.newest(filter(Map.of("q", List.of("NEEDLE AT"))), Long.MIN_VALUE, FAR, 10,
				NO_DEADLINE).entries())).containsExactly(1L);
		for (String name : List.of("thread", "logger", "topic", "marker", "source")) {
			assertThat(ids(this.store.newest(filter(Map.of(name, List.of(longName))), Long.MIN_VALUE, FAR, 10,
					NO_DEADLINE).entries())).as(name).containsExactly(1L);
		}
		assertThat(ids(this.store.newest(filter(Map.of("mdc.key99999", List.of("value99999"), "thread",
				List.of(longName), "logger", List.of(longName), "topic", List.of(longName), "marker",
				List.of(longName), "source", List.of(longName))), Long.MIN_VALUE, FAR, 10, NO_DEADLINE).entries()))
			.containsExactly(1L);
		assertThat(ids(this.store.newest(filter(Map.of("thread", List.of(longName + "x"))), Long.MIN_VALUE, FAR, 10,
				NO_DEADLINE).entries())).isEmpty();
		assertThat(this.store.get(1)).isEqualTo(entry);
	}

	@Test
	void retentionRemovesTheOldestBySizeAndAge() throws Exception {
		writeAndCommit(20_000);
		long bytes = this.store.bytesOnDisk();

		this.store.retain(Long.MAX_VALUE, StoredEntries.START.plusSeconds(101));
		this.store.commit(20_001, List.of());
		assertThat(this.store.oldest(EntryFilter.ALL, Long.MIN_VALUE, FAR, 1, NO_DEADLINE).entries().get(0).id())
			.isEqualTo(101);

		this.store.retain(bytes / 2, Instant.EPOCH);
		this.store.commit(20_001, List.of());
		long oldest = this.store.oldest(EntryFilter.ALL, Long.MIN_VALUE, FAR, 1, NO_DEADLINE).entries().get(0).id();
		assertThat(oldest).isGreaterThan(10_000);
		assertThat(this.store.newest(EntryFilter.ALL, Long.MIN_VALUE, FAR, 1, NO_DEADLINE).entries().get(0).id())
			.isEqualTo(20_000);
	}

}
