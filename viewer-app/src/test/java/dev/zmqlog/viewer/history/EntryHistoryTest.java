package dev.zmqlog.viewer.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EntryHistoryTest {

	private static final long PLENTY = Long.MAX_VALUE;

	private static ViewerEntry entry(long id, String message) {
		return new ViewerEntry(id, Instant.EPOCH, "app.INFO", "INFO", "app", message, null, "main", Map.of(), id,
				null, "STRUCTURED");
	}

	private static void append(EntryHistory history, int count, String message) {
		for (int i = 0; i < count; i++) {
			history.append(entry(history.nextId(), message));
		}
	}

	private static List<Long> ids(List<ViewerEntry> entries) {
		return entries.stream().map(ViewerEntry::id).toList();
	}

	@Test
	void keepsTheLastEntriesUpToItsCapacity() {
		EntryHistory history = new EntryHistory(3, PLENTY);
		append(history, 5, "m");
		assertThat(history.size()).isEqualTo(3);
		assertThat(ids(history.last(EntryFilter.ALL, 10))).containsExactly(3L, 4L, 5L);
	}

	@Test
	void largeEntriesAreForgottenToStayWithinTheMemoryBound() {
		String megabyteOfText = "x".repeat(512 * 1024);
		long bound = 5 * 1024 * 1024;
		EntryHistory history = new EntryHistory(1_000, bound);
		append(history, 100, megabyteOfText);
		assertThat(history.bytes()).isLessThanOrEqualTo(bound);
		assertThat(history.size()).isEqualTo(4);
		assertThat(ids(history.last(EntryFilter.ALL, 10))).containsExactly(97L, 98L, 99L, 100L);
	}

	@Test
	void anEntryLargerThanTheBoundIsStillKeptAlone() {
		EntryHistory history = new EntryHistory(10, 1_000);
		append(history, 3, "y".repeat(10_000));
		assertThat(ids(history.last(EntryFilter.ALL, 10))).containsExactly(3L);
	}

	@Test
	void afterReturnsWhatCameAfterAnIdOldestFirst() {
		EntryHistory history = new EntryHistory(10, PLENTY);
		append(history, 6, "m");
		assertThat(ids(history.after(3, EntryFilter.ALL, 100))).containsExactly(4L, 5L, 6L);
		assertThat(ids(history.after(6, EntryFilter.ALL, 100))).isEmpty();
	}

	@Test
	void lastAppliesTheFilterBeforeTheLimit() {
		EntryHistory history = new EntryHistory(10, PLENTY);
		history.append(entry(1, "disk full"));
		history.append(entry(2, "ok"));
		history.append(entry(3, "Disk gone"));
		assertThat(ids(history.last(EntryFilter.of(null, null, "disk"), 1))).containsExactly(3L);
		assertThat(ids(history.last(EntryFilter.of(null, null, "disk"), 5))).containsExactly(1L, 3L);
	}

	@Test
	void entriesMustComeInIdOrder() {
		EntryHistory history = new EntryHistory(10, PLENTY);
		assertThatIllegalArgumentException().isThrownBy(() -> history.append(entry(7, "m")));
	}

}
