package dev.zmqlog.viewer.history;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.zmqlog.protocol.Source;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceTableTest {

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final Source REAL = new Source("billing", "host-1", 42L, "real-instance");

	private SourceTable table(long maxBytes) {
		return new SourceTable(maxBytes, this.clock);
	}

	private static SourceTable.SourceRow row(SourceTable table, String app) {
		return table.snapshot().stream().filter((row) -> app.equals(row.app()) && !String.valueOf(row.instance()).startsWith("fake-"))
			.findFirst().orElseThrow();
	}

	@Test
	void evictedSourcesKeepTheirLossInOneRow() {
		SourceTable table = table(1 << 20);
		realSourceLosesFifty(table);
		for (int i = 0; i < 100_000; i++) {
			// sources that come back are kept as the real one is: they push it out
			Source fake = new Source("other", "host-2", 7L, "again-" + i);
			table.record(fake, 1L, NOW);
			table.record(fake, 2L, NOW);
		}

		assertThat(table.bytes()).isLessThanOrEqualTo(1 << 20);
		assertThat(table.snapshot()).noneMatch((row) -> "real-instance".equals(row.instance()));
		assertThat(row(table, SourceTable.EVICTED).lost()).isEqualTo(50);
		assertThat(table.totalLost()).isEqualTo(50);
	}

	/** Numbers 1..101 with the 50 even ones missing. */
	private static void realSourceLosesFifty(SourceTable table) {
		for (long seq = 1; seq <= 101; seq += 2) {
			table.record(REAL, seq, NOW);
		}
	}

	@Test
	void gapsInSeqAreLost() {
		SourceTable table = table(1 << 20);
		realSourceLosesFifty(table);

		assertThat(row(table, "billing").lost()).isEqualTo(50);
		assertThat(row(table, "billing").received()).isEqualTo(51);
		assertThat(table.totalLost()).isEqualTo(50);
	}

	@Test
	void replayedSeqNumbersNeverSubtract() {
		SourceTable table = table(1 << 20);
		realSourceLosesFifty(table);
		for (long seq = 1; seq <= 101; seq++) {
			table.record(REAL, seq, NOW);
		}

		assertThat(row(table, "billing").lost()).isEqualTo(50);
	}

	@Test
	void aHundredThousandFakeSourcesLeaveTheRealSourcesLossCounted() {
		SourceTable table = table(1 << 20);
		realSourceLosesFifty(table);
		for (int i = 0; i < 100_000; i++) {
			table.record(new Source("billing", "host-1", 42L, "fake-" + i), 1L, NOW);
		}
		// and the fake sender replays the real source's old numbers
		for (long seq = 1; seq <= 101; seq++) {
			table.record(REAL, seq, NOW);
		}

		assertThat(table.bytes()).isLessThanOrEqualTo(1 << 20);
		assertThat(row(table, "billing").instance()).isEqualTo("real-instance");
		assertThat(row(table, "billing").lost()).isEqualTo(50);
		assertThat(table.totalLost()).isEqualTo(50);
		long shownLost = table.snapshot().stream().mapToLong(SourceTable.SourceRow::lost).sum();
		assertThat(shownLost).isEqualTo(50);
		assertThat(row(table, SourceTable.EVICTED).received()).as("fakes pushed out").isGreaterThan(90_000);
	}

	@Test
	void longFieldsAreCutForTheTable() {
		SourceTable table = table(1 << 20);
		String huge = "i".repeat(1_000_000);
		table.record(new Source("app", "host", 1L, huge), 1L, NOW);

		SourceTable.SourceRow row = row(table, "app");
		assertThat(row.instance()).hasSize(TableText.MAX_CHARS + TableText.CUT.length()).endsWith(TableText.CUT);
		assertThat(table.bytes()).isLessThan(4_000);
	}

	@Test
	void entriesOfOneSourceShareTheTablesSourceUnlessItIsCut() {
		SourceTable table = table(1 << 20);
		Source first = new Source("app", "host", 1L, "instance");
		assertThat(table.record(first, 1L, NOW)).isSameAs(first);
		assertThat(table.record(new Source("app", "host", 1L, "instance"), 2L, NOW)).isSameAs(first);

		Source huge = new Source("app", "host", 1L, "i".repeat(1_000_000));
		assertThat(table.record(huge, 1L, NOW)).isSameAs(huge);
		Source hugeAgain = new Source("app", "host", 1L, "i".repeat(1_000_000));
		assertThat(table.record(hugeAgain, 2L, NOW)).as("an entry keeps its fields whole").isSameAs(hugeAgain);
	}

	@Test
	void aNewInstanceOfTheSameAppAndHostIsARestart() {
		SourceTable table = table(1 << 20);
		table.record(new Source("app", "host", 1L, "first"), 1L, NOW);
		table.record(new Source("app", "host", 2L, "second"), 1L, NOW);

		assertThat(table.snapshot()).anySatisfy((row) -> {
			assertThat(row.instance()).isEqualTo("second");
			assertThat(row.restartOf()).isEqualTo("first");
		});
	}

}
