package dev.zmqlog.viewer.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.ViewerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A harness, not a test (it asserts nothing): what pg_trgm buys substring queries on a
 * closed day of the PostgreSQL store. Fills a fresh database through {@link JdbcStore}'s
 * write path with entries spread over yesterday and today, measures substring queries
 * through {@link JdbcStore#newest}, then builds a GIN trigram index on yesterday's
 * partition only (today's, the one being written, is left alone) and measures again. Run:
 * <pre>
 * ./mvnw -q -pl viewer-app -am -Dtest=JdbcTrigramBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dzmqlog.benchmark.trgm.entries=2000000 test
 * </pre>
 */
@EnabledIfSystemProperty(named = "zmqlog.benchmark.trgm.entries", matches = "\\d+")
class JdbcTrigramBenchmark {

	private static final int BATCH = StoreWriter.MAX_BATCH;

	private static final int ROUNDS = 5;

	@Test
	void run() throws Exception {
		long entries = Long.getLong("zmqlog.benchmark.trgm.entries");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Instant yesterday = today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		BenchmarkEntries generator = new BenchmarkEntries(new Random(42), yesterday);
		long millisPerEntry = 2 * 86_400_000L / entries;
		String needle = null;
		try (TestDatabase database = TestDatabase.create(); JdbcStore store = JdbcStore.open(database.dataSource())) {
			long start = System.nanoTime();
			List<ViewerEntry> batch = new ArrayList<>(BATCH);
			for (long id = 1; id <= entries; id++) {
				ViewerEntry entry = generator.entry(id, (id - 1) * millisPerEntry);
				if (id == entries / 4) {
					// a rare substring: the random id at the end of one message of yesterday
					needle = entry.message().substring(entry.message().length() - 12);
				}
				batch.add(entry);
				if (batch.size() == BATCH) {
					store.write(batch);
					batch.clear();
					if (id % (20L * BATCH) == 0) {
						store.commit(id + 1, List.of());
					}
				}
			}
			store.write(batch);
			store.commit(entries + 1, List.of());
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("trgm: %,d entries written in %.1f s (%,.0f/s), load average %s%n", entries, seconds,
					entries / seconds, loadAverage());
			String partition = JdbcStore.TABLE + "_" + DateTimeFormatter.BASIC_ISO_DATE.format(today.minusDays(1));
			execute(database, "ANALYZE " + JdbcStore.TABLE);
			Map<String, EntryFilter> queries = Map.of("rare substring over all", EntryFilter.of(Map.of("q", List.of(needle))),
					"rare substring, to=end of yesterday",
					EntryFilter.of(Map.of("q", List.of(needle), "to", List.of(today.toString() + "T00:00:00Z"))),
					"common substring, newest 500", EntryFilter.of(Map.of("q", List.of("timeout retry"))));
			measure(store, queries, "without pg_trgm");
			System.out.printf("trgm: count(*) of the rare substring in yesterday's partition: %.0f ms%n",
					countMillis(database, partition, needle));
			execute(database, "CREATE EXTENSION IF NOT EXISTS pg_trgm");
			long built = System.nanoTime();
			execute(database, "CREATE INDEX " + partition + "_trgm ON " + partition + " USING gin (text gin_trgm_ops)");
			System.out.printf("trgm: GIN trigram index on yesterday's %,d entries built in %.1f s, %,d MB (the partition: "
					+ "%,d MB)%n", entries / 2, (System.nanoTime() - built) / 1e9,
					size(database, partition + "_trgm") >> 20, size(database, partition) >> 20);
			execute(database, "ANALYZE " + partition);
			measure(store, queries, "with pg_trgm on yesterday");
			System.out.printf("trgm: count(*) of the rare substring in yesterday's partition: %.0f ms%n",
					countMillis(database, partition, needle));
		}
	}

	private static void measure(JdbcStore store, Map<String, EntryFilter> queries, String label) {
		queries.forEach((name, filter) -> {
			store.newest(filter, Long.MIN_VALUE, Long.MAX_VALUE, 500, Long.MAX_VALUE);
			double[] millis = new double[ROUNDS];
			int found = 0;
			for (int i = 0; i < ROUNDS; i++) {
				long start = System.nanoTime();
				found = store.newest(filter, Long.MIN_VALUE, Long.MAX_VALUE, 500, Long.MAX_VALUE).entries().size();
				millis[i] = (System.nanoTime() - start) / 1e6;
			}
			Arrays.sort(millis);
			System.out.printf("trgm: %s: %s: %.0f ms median of %d warm (%d found)%n", label, name, millis[ROUNDS / 2],
					ROUNDS, found);
		});
	}

	private static double countMillis(TestDatabase database, String partition, String needle) throws Exception {
		long start = System.nanoTime();
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet count = statement
					.executeQuery("SELECT count(*) FROM " + partition + " WHERE text ILIKE '%" + needle + "%'")) {
			count.next();
		}
		return (System.nanoTime() - start) / 1e6;
	}

	private static void execute(TestDatabase database, String sql) throws Exception {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long size(TestDatabase database, String relation) throws Exception {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet size = statement.executeQuery("SELECT pg_total_relation_size('" + relation + "')")) {
			size.next();
			return size.getLong(1);
		}
	}

	private static String loadAverage() throws Exception {
		return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
	}

}
