package dev.zmqlog.viewer.store;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.RecentWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.util.FileSystemUtils;

/**
 * A harness, not a test (its name keeps it out of the build's test run; it asserts
 * nothing): fills an embedded store with realistic entries as fast as the writer's path
 * goes, then measures each query kind of PRODUCT.md §5.4 while entries keep arriving at a
 * steady rate through {@link StoreWriter}. Run:
 * <pre>
 * ./mvnw -q -pl viewer-app -am -Dtest=StoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dzmqlog.benchmark.entries=10000000 -Dzmqlog.benchmark.folder=/tmp/zmqlog-bench test
 * </pre>
 * ({@code -Dzmqlog.benchmark.keep=true} keeps the folder, {@code -Dzmqlog.benchmark.reuse=true} then
 * measures the queries on it again without filling it; {@code -Dzmqlog.benchmark.ingestOnly=true} skips the queries;
 * {@code -Dzmqlog.benchmark.kinds=fields,newest} times only the query kinds whose names contain one of those words, and
 * {@code -Dzmqlog.benchmark.rounds=500} times each that often, for a profile.)
 * Entries: about 300 B of text each, 1 % with a 2–4 KB stack trace, 70 % with an MDC trace
 * id, five apps, forty loggers, twenty threads, every level.
 */
@EnabledIfSystemProperty(named = "zmqlog.benchmark.entries", matches = "\\d+")
class StoreBenchmark {

	private static final int BATCH = StoreWriter.MAX_BATCH;

	private static final int ROUNDS = Integer.getInteger("zmqlog.benchmark.rounds", 50);

	private static final List<String> KINDS = List.of(System.getProperty("zmqlog.benchmark.kinds", "").split(","));

	private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final Random random = new Random(42);

	private final Instant start = Instant.now().minus(Duration.ofHours(2));

	private final BenchmarkEntries generator = new BenchmarkEntries(this.random, this.start);

	private ViewerEntry entry(long id, long millis) {
		return this.generator.entry(id, millis);
	}

	@Test
	void run() throws Exception {
		long entries = Long.getLong("zmqlog.benchmark.entries");
		Path folder = Path.of(System.getProperty("zmqlog.benchmark.folder", "target/store-benchmark"));
		boolean reuse = Boolean.getBoolean("zmqlog.benchmark.reuse") && Files.isDirectory(folder);
		if (!reuse) {
			FileSystemUtils.deleteRecursively(folder);
		}
		boolean assertions = false;
		assert assertions = true;
		System.out.printf("StoreBenchmark: %,d entries, %d cores, load %.1f, JVM %s, heap %d MB, assertions %s%n",
				entries, Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.vm.version"),
				Runtime.getRuntime().maxMemory() >> 20, assertions ? "on (-ea: Lucene's own checks slow it)" : "off");
		try (LuceneStore store = LuceneStore.open(folder, 16)) {
			if (!reuse) {
				ingest(store, entries);
			}
			if (!Boolean.getBoolean("zmqlog.benchmark.ingestOnly")) {
				queries(store, entries);
			}
		}
		if (!Boolean.getBoolean("zmqlog.benchmark.keep")) {
			FileSystemUtils.deleteRecursively(folder);
		}
	}

	/** The writer's path at full speed: batches of 5,000, a commit every second. */
	private void ingest(LuceneStore store, long entries) throws Exception {
		long cpuBefore = processCpuNanos();
		long began = System.nanoTime();
		long lastCommit = began;
		List<ViewerEntry> batch = new ArrayList<>(BATCH);
		long millisPerEntry = Math.max(1, Duration.ofHours(2).toMillis() / entries);
		for (long id = 1; id <= entries; id++) {
			batch.add(entry(id, id * millisPerEntry));
			if (batch.size() == BATCH) {
				store.write(batch);
				batch.clear();
				if (System.nanoTime() - lastCommit >= 1_000_000_000L) {
					store.commit(id + 1, List.of());
					lastCommit = System.nanoTime();
				}
			}
			if (id % 1_000_000 == 0) {
				System.out.printf("  %,d entries, %,.0f entries/s so far%n", id, id / seconds(began));
			}
		}
		store.write(batch);
		store.commit(entries + 1, List.of());
		double took = seconds(began);
		double cpu = (processCpuNanos() - cpuBefore) / 1e9;
		System.out.printf("ingest: %,d entries in %.1f s = %,.0f entries/s; %,d bytes on disk = %.0f B/entry%n", entries,
				took, entries / took, store.bytesOnDisk(), store.bytesOnDisk() / (double) entries);
		System.out.printf("ingest CPU: %.1f s of the process (merges included, the entries' generation too) = %,.0f entries"
				+ " per CPU-second; load %.1f%n", cpu, entries / cpu,
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/** Each query kind, 50 times (or {@code zmqlog.benchmark.rounds}), while 10,000 entries/s arrive through the writer. */
	private void queries(LuceneStore store, long entries) throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong nextId = new AtomicLong(entries + 1);
		try (StoreWriter writer = new StoreWriter(store, List::of, Clock.systemUTC(), 16 << 20, Long.MAX_VALUE,
				Duration.ofDays(3650))) {
			Thread feeder = new Thread(() -> {
				long began = System.nanoTime();
				long sent = 0;
				while (running.get()) {
					long due = (System.nanoTime() - began) / 100_000;
					for (; sent < due; sent++) {
						long id = nextId.getAndIncrement();
						writer.accept(entry(id, Duration.ofHours(2).toMillis()));
					}
					try {
						Thread.sleep(1);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "benchmark-feeder");
			feeder.start();
			Thread.sleep(2_000);
			EntryHistory history = new EntryHistory(new RecentWindow(1, 1 << 20, 1L << 40), store, Clock.systemUTC());
			Instant lastHour = this.start.plus(Duration.ofHours(1));
			Map<String, Supplier<Object>> kinds = new LinkedHashMap<>();
			kinds.put("newest 500", () -> store.newest(EntryFilter.ALL, Long.MIN_VALUE, Long.MAX_VALUE, 500, deadline()));
			kinds.put("newest 500 before an old id", () -> store.newest(EntryFilter.ALL, Long.MIN_VALUE, entries / 3, 500,
					deadline()));
			kinds.put("level>=WARN + topic prefix, 500", () -> store.newest(filter("level", "WARN", "topic", "service-3."),
					Long.MIN_VALUE, Long.MAX_VALUE, 500, deadline()));
			kinds.put("one traceId (mdc)", () -> store.newest(filter("mdc.traceId", Long.toHexString(entries / 14)),
					Long.MIN_VALUE, Long.MAX_VALUE, 500, deadline()));
			kinds.put("logger + thread, 500", () -> store.newest(filter("logger", "com.example.service.2.Component",
					"thread", "worker-7"), Long.MIN_VALUE, Long.MAX_VALUE, 500, deadline()));
			kinds.put("substring over all (rare)", () -> store.newest(filter("q", "Handler37.handle"),
					Long.MIN_VALUE, Long.MAX_VALUE, 500, deadline()));
			kinds.put("substring, newest 500 (common)", () -> store.newest(filter("q", "payment"), Long.MIN_VALUE,
					Long.MAX_VALUE, 500, deadline()));
			kinds.put("regex, newest 500", () -> store.newest(filter("q", "pay\\w+ invoice", "regex", "true"),
					Long.MIN_VALUE, Long.MAX_VALUE, 500, deadline()));
			kinds.put("histogram, last hour, 60 buckets", () -> history.histogram(
					filter("from", lastHour.toString()), 60, deadline()));
			kinds.put("histogram, everything, 60 buckets", () -> history.histogram(EntryFilter.ALL, 60, deadline()));
			kinds.put("fields (newest 5,000)", () -> history.fields(EntryFilter.ALL, deadline()));
			kinds.put("context of an old entry, 10 lines", () -> history.context(entries / 2, 10, deadline()));
			kinds.keySet().removeIf((name) -> KINDS.stream().noneMatch(name::contains));
			for (Map.Entry<String, Supplier<Object>> kind : kinds.entrySet()) {
				long[] nanos = new long[ROUNDS];
				long[] cpuNanos = new long[ROUNDS];
				for (int i = 0; i < ROUNDS; i++) {
					long began = System.nanoTime();
					long cpuBegan = THREADS.getCurrentThreadCpuTime();
					kind.getValue().get();
					cpuNanos[i] = THREADS.getCurrentThreadCpuTime() - cpuBegan;
					nanos[i] = System.nanoTime() - began;
				}
				Arrays.sort(nanos);
				Arrays.sort(cpuNanos);
				// the query thread's CPU time: what a query costs, whatever else the machine runs meanwhile
				System.out.printf("query %-36s first %8.2f ms, p50 %8.2f ms, p99 %8.2f ms; CPU p50 %8.2f ms%n",
						kind.getKey(), nanos[0] / 1e6, nanos[ROUNDS / 2] / 1e6, nanos[ROUNDS * 99 / 100] / 1e6,
						cpuNanos[ROUNDS / 2] / 1e6);
			}
			running.set(false);
			feeder.join();
			StoreWriter.Status status = writer.status();
			System.out.printf("while querying: %,d entries stored at 10,000/s, %,d not stored, write lag %s%n",
					status.stored(), status.notStored(), status.writeLag());
		}
	}

	private static EntryFilter filter(String... pairs) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			parameters.put(pairs[i], List.of(pairs[i + 1]));
		}
		return EntryFilter.of(parameters, Clock.systemUTC());
	}

	private static long deadline() {
		return System.nanoTime() + 5_000_000_000L;
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static double seconds(long began) {
		return (System.nanoTime() - began) / 1e9;
	}

}
