package dev.zmqlog.viewer.history;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.HeapSize;
import dev.zmqlog.viewer.entry.ViewerEntry;
import org.junit.jupiter.api.Test;

import static dev.zmqlog.viewer.entry.TestEntries.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecentWindowTest {

	private static List<Long> ids(List<ViewerEntry> entries) {
		return entries.stream().map(ViewerEntry::id).toList();
	}

	private static void append(RecentWindow window, int count, String message) {
		for (int i = 0; i < count; i++) {
			window.accept(entry(window.newestId() + 1, message));
		}
	}

	@Test
	void keepsTheLastEntriesByCount() {
		RecentWindow window = new RecentWindow(3, Long.MAX_VALUE, 1);
		append(window, 5, "m");

		assertThat(window.size()).isEqualTo(3);
		assertThat(window.oldestId()).isEqualTo(3);
		assertThat(ids(window.range(0, 5))).containsExactly(3L, 4L, 5L);
		assertThat(window.get(2)).isNull();
	}

	@Test
	void keepsTheLastEntriesByHeap() {
		long one = HeapSize.of(entry(1, "x".repeat(1_000)));
		RecentWindow window = new RecentWindow(1_000, 4 * one, 1);
		append(window, 100, "x".repeat(1_000));

		assertThat(window.bytes()).isLessThanOrEqualTo(4 * one);
		assertThat(ids(window.range(0, 100))).containsExactly(97L, 98L, 99L, 100L);
	}

	@Test
	void anEntryLargerThanTheBudgetIsKeptAloneUntilTheNext() {
		RecentWindow window = new RecentWindow(10, 100, 1);
		append(window, 3, "x".repeat(1_000));

		assertThat(ids(window.range(0, 3))).containsExactly(3L);
	}

	@Test
	void lastFindsTheNewestMatchesOldestFirst() {
		RecentWindow window = new RecentWindow(10, Long.MAX_VALUE, 1);
		window.accept(entry(1, "disk full"));
		window.accept(entry(2, "ok"));
		window.accept(entry(3, "Disk gone"));
		EntryFilter disk = EntryFilter.of(java.util.Map.of("q", List.of("disk")));

		assertThat(ids(window.last(disk, 1, -1, Long.MAX_VALUE, Long.MAX_VALUE).entries())).containsExactly(3L);
		assertThat(ids(window.last(disk, 5, -1, Long.MAX_VALUE, Long.MAX_VALUE).entries())).containsExactly(1L, 3L);
		assertThat(ids(window.last(disk, 5, -1, 2, Long.MAX_VALUE).entries())).containsExactly(1L);
	}

	@Test
	void firstCountsWhatTheWindowNoLongerHas() {
		RecentWindow window = new RecentWindow(5, Long.MAX_VALUE, 1);
		append(window, 10, "m");

		RecentWindow.Selection resumed = window.first(EntryFilter.ALL, 100, 2, 10, Long.MAX_VALUE);
		assertThat(ids(resumed.entries())).containsExactly(6L, 7L, 8L, 9L, 10L);
		assertThat(resumed.unread()).as("3, 4 and 5 are gone").isEqualTo(3);
		assertThat(resumed.complete()).isTrue();
		assertThat(ids(window.first(EntryFilter.ALL, 2, 6, 10, Long.MAX_VALUE).entries())).containsExactly(7L, 8L);
		assertThat(window.first(EntryFilter.ALL, 100, 10, 10, Long.MAX_VALUE).entries()).isEmpty();
	}

	@Test
	void firstStopsAtItsDeadlineAndCountsTheRestUnread() {
		RecentWindow window = new RecentWindow(1_000, Long.MAX_VALUE, 1);
		append(window, 1_000, "m");

		RecentWindow.Selection cut = window.first(EntryFilter.ALL, 10_000, 0, 1_000, System.nanoTime() - 1);
		assertThat(cut.complete()).isFalse();
		assertThat(cut.entries().size() + cut.unread()).isEqualTo(1_000);
	}

	@Test
	void idsMustFollowEachOther() {
		RecentWindow window = new RecentWindow(10, Long.MAX_VALUE, 5);
		window.accept(entry(5, "m"));

		assertThatIllegalArgumentException().isThrownBy(() -> window.accept(entry(7, "m")));
	}

	@Test
	void readersSeeConsecutiveEntriesWhileTheWriterOverwritesThem() throws InterruptedException {
		RecentWindow window = new RecentWindow(64, Long.MAX_VALUE, 1);
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicReference<String> wrong = new AtomicReference<>();
		List<Thread> readers = new ArrayList<>();
		for (int r = 0; r < 2; r++) {
			Thread reader = new Thread(() -> {
				while (writing.get() && wrong.get() == null) {
					long newest = window.newestId();
					List<ViewerEntry> entries = window.range(newest - 64, newest);
					for (int i = 0; i < entries.size(); i++) {
						ViewerEntry entry = entries.get(i);
						long expected = entries.get(0).id() + i;
						if (entry.id() != expected || !entry.message().equals("m" + expected)) {
							wrong.set("read " + entry.id() + " " + entry.message() + " where " + expected + " belongs");
						}
					}
				}
			});
			reader.start();
			readers.add(reader);
		}
		for (long id = 1; id <= 300_000; id++) {
			window.accept(entry(id, "m" + id));
		}
		writing.set(false);
		for (Thread reader : readers) {
			reader.join();
		}

		assertThat(wrong.get()).isNull();
	}

}
