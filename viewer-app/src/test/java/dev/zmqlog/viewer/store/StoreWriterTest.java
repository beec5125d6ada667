package dev.zmqlog.viewer.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.zmqlog.protocol.Level;
import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.HeapSize;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.SourceTable.SavedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The writer's thread stores what the ingest thread hands over, commits within a second,
 * and when the store cannot keep up, counts what it does not store instead of making
 * ingestion wait or holding more than its byte budget.
 */
class StoreWriterTest {

	@TempDir
	Path folder;

	@Test
	void entriesAreCommittedWithinASecond() throws Exception {
		try (LuceneStore store = LuceneStore.open(this.folder, 16);
				StoreWriter writer = new StoreWriter(store, List::of, Clock.systemUTC(), 1 << 20, Long.MAX_VALUE,
						Duration.ofDays(7))) {
			// the first commit loads Lucene's classes, seconds on a busy machine: not what is measured
			writer.accept(StoredEntries.entry(1, "shop", Level.INFO, "entry 1"));
			await().atMost(Duration.ofSeconds(30)).until(() -> writer.status().committedId() == 1);
			long start = System.nanoTime();
			for (long id = 2; id <= 100; id++) {
				writer.accept(StoredEntries.entry(id, "shop", Level.INFO, "entry " + id));
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> store.newest(EntryFilter.ALL, 1, Long.MAX_VALUE, 1, Long.MAX_VALUE)
					.entries()
					.size() == 1 && writer.status().committedId() == 100);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			assertThat(writer.status().stored()).isEqualTo(100);
			assertThat(writer.status().notStored()).isZero();
		}
	}

	@Test
	void aStoreThatCannotKeepUpShedsCountedWithoutBlocking() throws Exception {
		StalledStore stalled = new StalledStore();
		ViewerEntry sample = StoredEntries.entry(1, "shop", Level.INFO, "x".repeat(1_000));
		long budget = 50 * HeapSize.of(sample);
		try (StoreWriter writer = new StoreWriter(stalled, List::of, Clock.systemUTC(), budget, Long.MAX_VALUE,
				Duration.ofDays(7))) {
			long start = System.nanoTime();
			for (long id = 1; id <= 10_000; id++) {
				writer.accept(StoredEntries.entry(id, "shop", Level.INFO, "x".repeat(1_000)));
			}
			long elapsed = System.nanoTime() - start;
			assertThat(TimeUnit.NANOSECONDS.toMillis(elapsed)).as("ingestion never waits").isLessThan(2_000);
			StoreWriter.Status status = writer.status();
			assertThat(status.queuedBytes()).isLessThanOrEqualTo(budget);
			// at most one batch taken by the stalled write, and what fits the budget, is held
			assertThat(status.notStored()).isGreaterThanOrEqualTo(10_000 - 50 - StoreWriter.MAX_BATCH);
			stalled.release();
		}
	}

	@Test
	void theNextIdFollowsEntriesThatWereNotStored() throws Exception {
		SavedSource[] none = {};
		try (LuceneStore store = LuceneStore.open(this.folder, 16);
				StoreWriter writer = new StoreWriter(store, () -> List.of(none), Clock.systemUTC(), 0, Long.MAX_VALUE,
						Duration.ofDays(7))) {
			writer.accept(StoredEntries.entry(1, "shop", Level.INFO, "shed: the budget is 0"));
			await().atMost(Duration.ofSeconds(5)).until(() -> writer.status().committedId() == 1);
			assertThat(writer.status().notStored()).isEqualTo(1);
		}
		try (LuceneStore reopened = LuceneStore.open(this.folder, 16)) {
			assertThat(reopened.nextId()).isEqualTo(2);
		}
	}

}
