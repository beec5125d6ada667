package dev.zmqlog.viewer.web;

import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.viewer.entry.TestEntries;
import dev.zmqlog.viewer.entry.ViewerEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broadcaster writes a batch's JSON in one array: a burst is cut into batches of about
 * {@value StreamFrames#MAX_BATCH_BYTES} bytes, so that no array it makes is much longer.
 */
class BroadcasterTest {

	@Test
	void aBurstOfOrdinaryEntriesIsCutWhereItsJsonReachesTheLimit() {
		List<ViewerEntry> entries = new ArrayList<>();
		for (int i = 1; i <= 5_000; i++) {
			entries.add(TestEntries.entry(i, "an ordinary line of about a hundred characters, as applications log them, "
					+ "number " + i));
		}

		List<ViewerEntry> batch = Broadcaster.atMostBatchBytes(entries);

		long estimated = batch.stream().mapToLong(StreamFrames::estimatedSize).sum();
		assertThat(batch.size()).isBetween(1_000, 4_999);
		assertThat(estimated).isLessThanOrEqualTo(StreamFrames.MAX_BATCH_BYTES);
		assertThat(estimated + StreamFrames.estimatedSize(entries.get(batch.size())))
			.isGreaterThan(StreamFrames.MAX_BATCH_BYTES);
		// the class the window's lists have, so that the code writing batches sees one class only
		assertThat(batch).hasSameClassAs(entries);
	}

	@Test
	void anEntryLargerThanTheLimitGoesAlone() {
		List<ViewerEntry> entries = List.of(TestEntries.entry(1, "x".repeat(StreamFrames.MAX_BATCH_BYTES)),
				TestEntries.entry(2, "two"));

		assertThat(Broadcaster.atMostBatchBytes(entries)).extracting(ViewerEntry::id).containsExactly(1L);
		assertThat(Broadcaster.atMostBatchBytes(entries.subList(1, 2))).extracting(ViewerEntry::id).containsExactly(2L);
	}

	@Test
	void aBatchUnderTheLimitGoesWhole() {
		List<ViewerEntry> entries = List.of(TestEntries.entry(1, "one"), TestEntries.entry(2, "two"));

		assertThat(Broadcaster.atMostBatchBytes(entries)).hasSize(2);
	}

}
