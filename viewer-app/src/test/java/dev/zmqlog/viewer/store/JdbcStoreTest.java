package dev.zmqlog.viewer.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The PostgreSQL store against a real server: every filter finds exactly what it matches,
 * ids and sources survive a reopen, one viewer writes at a time, retention drops days.
 */
class JdbcStoreTest {

	private static final long FAR = Long.MAX_VALUE;

	private static final long NO_DEADLINE = Long.MAX_VALUE;

	private TestDatabase database;

	private JdbcStore store;

	@BeforeEach
	void open() throws Exception {
		this.database = TestDatabase.create();
		this.store = JdbcStore.open(this.database.dataSource());
	}

	@AfterEach
	void close() {
		if (this.store != null) {
			this.store.close();
		}
		if (this.database != null) {
			this.database.close();
		}
	}

	private List<ViewerEntry> writeAndCommit(int count) throws Exception {
		List<ViewerEntry> entries = new ArrayList<>();
		for (long id = 1; id <= count; id++) {
			String app = (id % 2 == 0) ? "shop" : "billing";
			Level level = Level.values()[(int) (id % 5)];
			entries.add(StoredEntries.entry(id, app, level, "order " + id + " placed by Ada 100%_done"));
		}
		this.store.write(entries);
		this.store.commit(count + 1, List.of());
		return entries;
	}

	private static List<Long> ids(List<ViewerEntry> entries) {
		return entries.stream().map(ViewerEntry::id).toList();
	}

	@Test
	void everyFilterFindsExactlyWhatItMatches() throws Exception {
		List<ViewerEntry> entries = writeAndCommit(2_000);
		List<Map<String, List<String>>> filters = List.of(Map.of(), Map.of("topic", List.of("shop.ERROR")),
				Map.of("level", List.of("WARN")), Map.of("q", List.of("ORDER 123 ")), Map.of("q", List.of("0%_d")),
				Map.of("q", List.of("order 2\\d{2} "), "regex", List.of("true")),
				Map.of("q", List.of("order 1"), "not", List.of("true")), Map.of("source", List.of("billing")),
				Map.of("source", List.of("shop-instance", "nobody")), Map.of("logger", List.of("com.sh")),
				Map.of("thread", List.of("worker-2")), Map.of("mdc.traceId", List.of("t3")),
				Map.of("mdc.traceId", List.of("t3"), "mdc.user", List.of("u13")), Map.of("marker", List.of("AUDIT")),
				Map.of("marker", List.of("OTHER")), Map.of("q", List.of("IllegalState"), "level", List.of("ERROR")),
				Map.of("from", List.of("2026-03-01T03:10:00Z"), "to", List.of("2026-03-01T03:20:00.123456789Z")));
		for (Map<String, List<String>> parameters : filters) {
			EntryFilter filter = EntryFilter.of(parameters, Clock.systemUTC());
			List<Long> expected = ids(entries.stream().filter(filter::matches).toList());
			assertThat(ids(this.store.newest(filter, Long.MIN_VALUE, FAR, 10_000, NO_DEADLINE).entries()))
				.as("%s", parameters).isEqualTo(expected);
			assertThat(ids(this.store.oldest(filter, 0, FAR, 7, NO_DEADLINE).entries())).as("%s", parameters)
				.isEqualTo(expected.subList(0, Math.min(7, expected.size())));
			Map<Long, Integer> counted = new HashMap<>();
			this.store.count(filter, FAR, (time, level) -> counted.merge(time, 1, Integer::sum), NO_DEADLINE);
			assertThat(counted.values().stream().mapToInt(Integer::intValue).sum()).as("%s", parameters)
				.isEqualTo(expected.size());
		}
		assertThat(ids(this.store.newest(EntryFilter.ALL, Long.MIN_VALUE, 1001, 3, NO_DEADLINE).entries()))
			.containsExactly(998L, 999L, 1000L);
		assertThat(this.store.get(1234)).isEqualTo(entries.get(1233));
		assertThat(this.store.size().entries()).isEqualTo(2_000);
		assertThat(this.store.size().oldest()).isEqualTo(StoredEntries.START.plusSeconds(1));
	}

	@Test
	void reopenedStoreContinuesIdsAndKeepsSources() throws Exception {
		writeAndCommit(10);
		SavedSource source = new SavedSource(new Source("shop", "host-1", 7L, "i-1"), Instant.parse("2026-03-01T00:00:00Z"),
				Instant.parse("2026-03-01T01:00:00Z"), 500, 12, 513, null);
		this.store.commit(13, List.of(source));
		this.store.close();

		this.store = JdbcStore.open(this.database.dataSource());

		assertThat(this.store.nextId()).isEqualTo(13);
		assertThat(this.store.savedSources()).containsExactly(source);
	}

	@Test
	void uncommittedEntriesAreNotStored() throws Exception {
		writeAndCommit(10);
		this.store.write(List.of(StoredEntries.entry(11, "shop", Level.INFO, "never committed")));
		// the viewer dies: its connection goes, and the transaction with it
		this.store.close();
		this.store = JdbcStore.open(this.database.dataSource());
		assertThat(this.store.get(11)).isNull();
		assertThat(this.store.nextId()).isEqualTo(11);
	}

	@Test
	void aSecondViewerStandsByAndNumbersAboveTheStore() throws Exception {
		writeAndCommit(10);
		try (JdbcStore second = JdbcStore.open(this.database.dataSource())) {
			assertThat(second.writing()).isFalse();
			assertThat(second.ownIdsStored()).isFalse();
			assertThat(second.nextId()).isEqualTo(11 + JdbcStore.STANDBY_HEADROOM);
			assertThat(second.tryTakeOver()).as("the first viewer holds the lock").isFalse();
			assertThatIOException().isThrownBy(() -> second.write(List.of(StoredEntries.entry(12, "shop", Level.INFO, "x"))))
				.withMessageContaining("another viewer writes");
			assertThat(second.readCommittedUpTo()).isEqualTo(StoredEntries.START.plusSeconds(10).plusMillis(3));
			assertThat(second.othersCommitted()).isEqualTo(
					new SharedStore.Committed(StoredEntries.START.plusSeconds(10).plusMillis(3), 11));
		}
	}

	@Test
	void aStandbyTakesOverAndStoresOnlyWhatTheDeadWriterLacked() throws Exception {
		// the writer stored seq 1..10 and texts received up to its last commit
		List<ViewerEntry> written = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			written.add(structured(i, i, at(i)));
		}
		written.add(text(11, "before the commit", at(5)));
		written.add(text(12, "twice the same", at(10)));
		this.store.write(written);
		this.store.commit(13, List.of());
		JdbcStore standby = JdbcStore.open(this.database.dataSource());
		try {
			long own = standby.nextId();
			// what the standby received: the same events, a little later, and what the writer never committed
			List<ViewerEntry> received = new ArrayList<>();
			for (int i = 3; i <= 14; i++) {
				received.add(structured(own++, i, at(i).plusMillis(2)));
			}
			received.add(text(own++, "before the commit", at(5).plusMillis(2)));
			received.add(text(own++, "long before the commit", at(7)));
			// within the band: matched by content, one of the two stored, the other not
			received.add(text(own++, "twice the same", at(10).plusMillis(1)));
			received.add(text(own++, "twice the same", at(10).plusMillis(400)));
			received.add(text(own++, "just after, received earlier here", at(10).minusMillis(1)));
			received.add(text(own++, "after the commit", at(12)));
			assertThat(standby.tryTakeOver()).isFalse();

			this.store.close();
			this.store = null;
			assertThat(standby.tryTakeOver()).isTrue();
			SharedStore.GapFill gap = standby.unstored(received);

			assertThat(gap.entries()).extracting(ViewerEntry::message)
				.containsExactly("event 11", "event 12", "event 13", "event 14", "twice the same",
						"just after, received earlier here", "after the commit");
			assertThat(gap.alreadyStored()).isEqualTo(8);
			assertThat(gap.beforeCommit()).isEqualTo(3);
			standby.write(gap.entries());
			standby.commit(own, List.of());

			List<ViewerEntry> all = standby.oldest(EntryFilter.ALL, Long.MIN_VALUE, FAR, 1_000, NO_DEADLINE).entries();
			assertThat(all.stream().filter((entry) -> entry.seq() != null).map(ViewerEntry::seq))
				.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
			assertThat(ids(all)).isSorted().doesNotHaveDuplicates();
			assertThat(all.get(12).id()).as("the standby's own ids continue the store's").isGreaterThan(12)
				.isEqualTo(gap.entries().get(0).id());
			assertThat(standby.ownIdsStored()).isFalse();
			assertThat(standby.committedOwnId()).isEqualTo(own - 1);
		}
		finally {
			standby.close();
		}
	}

	private static Instant at(int second) {
		return StoredEntries.START.plusSeconds(second);
	}

	private static ViewerEntry structured(long id, long seq, Instant received) {
		ViewerEntry entry = StoredEntries.entry(seq, "shop", Level.INFO, "event " + seq);
		return new ViewerEntry(id, entry.time(), received, entry.topic(), entry.level(), entry.logger(), entry.thread(),
				entry.message(), entry.exception(), entry.mdc(), entry.markers(), seq, entry.source(), entry.kind());
	}

	private static ViewerEntry text(long id, String message, Instant received) {
		return new ViewerEntry(id, received, received, "shop.INFO", Level.INFO, null, null, message, null, Map.of(),
				List.of(), null, null, EntryKind.TEXT);
	}

	@Test
	void hostileValuesAreStoredAndReadBackExactly() throws Exception {
		Map<String, String> mdc = new LinkedHashMap<>();
		for (int i = 0; i < 10_000; i++) {
			mdc.put("key\"\\" + i, "value\u0000\n" + i);
		}
		String nul = "a\u0000b";
		ViewerEntry entry = new ViewerEntry(1, StoredEntries.START, StoredEntries.START, nul, null, nul, nul,
				"x".repeat(1 << 20), nul, mdc, List.of(nul), null, new Source(nul, nul, null, nul), EntryKind.RAW);
		this.store.write(List.of(entry));
		this.store.commit(2, List.of());
		assertThat(this.store.get(1)).isEqualTo(entry);
		assertThat(ids(this.store.newest(EntryFilter.of(Map.of("mdc.key\"\\9999", List.of("value\u0000\n9999"))),
				Long.MIN_VALUE, FAR, 10, NO_DEADLINE).entries())).as("mdc").containsExactly(1L);
		assertThat(ids(this.store.newest(EntryFilter.of(Map.of("thread", List.of(nul))), Long.MIN_VALUE, FAR, 10,
				NO_DEADLINE).entries())).as("thread").containsExactly(1L);
		assertThat(ids(this.store.newest(EntryFilter.of(Map.of("thread", List.of("a\uFFFDb"))), Long.MIN_VALUE, FAR,
				10, NO_DEADLINE).entries())).as("what NUL is stored as in the column").isEmpty();
	}

	@Test
	void retentionDropsWholeDays() throws Exception {
		List<ViewerEntry> entries = new ArrayList<>();
		for (long id = 1; id <= 30; id++) {
			ViewerEntry entry = StoredEntries.entry(id, "shop", Level.INFO, "day " + id);
			Instant received = Instant.parse("2026-03-01T12:00:00Z").plusSeconds((id - 1) / 10 * 86_400);
			entries.add(new ViewerEntry(id, entry.time(), received, entry.topic(), entry.level(), entry.logger(),
					entry.thread(), entry.message(), entry.exception(), entry.mdc(), entry.markers(), entry.seq(),
					entry.source(), entry.kind()));
		}
		this.store.write(entries);
		this.store.commit(31, List.of());
		assertThat(partitions()).isEqualTo(3);

		this.store.retain(Long.MAX_VALUE, Instant.parse("2026-03-02T06:00:00Z"));
		assertThat(partitions()).isEqualTo(2);
		assertThat(this.store.oldest(EntryFilter.ALL, Long.MIN_VALUE, FAR, 1, NO_DEADLINE).entries().get(0).id())
			.isEqualTo(11);

		this.store.retain(1, Instant.EPOCH);
		assertThat(partitions()).as("the newest day stays").isEqualTo(1);
		assertThat(this.store.oldest(EntryFilter.ALL, Long.MIN_VALUE, FAR, 1, NO_DEADLINE).entries().get(0).id())
			.isEqualTo(21);
	}

	private int partitions() throws Exception {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet count = statement.executeQuery(
						"SELECT count(*) FROM pg_inherits WHERE inhparent = 'zmqlog_entries'::regclass")) {
			count.next();
			return count.getInt(1);
		}
	}

}
