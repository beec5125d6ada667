package dev.zmqlog.viewer.store;

import java.util.List;

import dev.zmqlog.protocol.Level;
import dev.zmqlog.viewer.entry.HeapSize;
import dev.zmqlog.viewer.entry.ViewerEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a standby viewer keeps for a takeover: the newest entries within its byte budget,
 * the oldest dropped and counted, and what the writer's commits passed trimmed.
 */
class StandbyBufferTest {

	private static ViewerEntry entry(long id) {
		return StoredEntries.entry(id, "shop", Level.INFO, "entry " + id);
	}

	private static List<Long> ids(List<ViewerEntry> entries) {
		return entries.stream().map(ViewerEntry::id).toList();
	}

	@Test
	void keepsTheNewestWithinItsBudget() {
		long size = HeapSize.of(entry(1));
		StandbyBuffer buffer = new StandbyBuffer(3 * size + size / 2);
		for (long id = 1; id <= 10; id++) {
			buffer.add(entry(id));
		}
		assertThat(ids(buffer.entries())).containsExactly(8L, 9L, 10L);
		assertThat(buffer.dropped()).isEqualTo(7);
		assertThat(buffer.bytes()).isEqualTo(3 * size).isLessThanOrEqualTo(buffer.maxBytes());
	}

	@Test
	void anEntryLargerThanTheBudgetIsKeptAlone() {
		StandbyBuffer buffer = new StandbyBuffer(10);
		buffer.add(entry(1));
		buffer.add(entry(2));
		assertThat(ids(buffer.entries())).containsExactly(2L);
		assertThat(buffer.dropped()).isEqualTo(1);
	}

	@Test
	void trimsWhatTheWritersCommitPassedAndDrains() {
		StandbyBuffer buffer = new StandbyBuffer(Long.MAX_VALUE);
		for (long id = 1; id <= 10; id++) {
			buffer.add(entry(id));
		}
		buffer.trimUpTo(entry(4).received());
		assertThat(ids(buffer.entries())).containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
		assertThat(buffer.oldestReceived()).isEqualTo(entry(5).received());
		assertThat(buffer.dropped()).as("trimmed entries are stored, not dropped").isZero();
		assertThat(ids(buffer.drain())).hasSize(6);
		assertThat(buffer.bytes()).isZero();
		assertThat(buffer.oldestReceived()).isNull();
	}

}
