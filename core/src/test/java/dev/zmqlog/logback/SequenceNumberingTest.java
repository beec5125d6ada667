package dev.zmqlog.logback;

import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceNumberingTest {

	private final LongAdder losses = new LongAdder();

	private final SequenceNumbering numbering = new SequenceNumbering(this.losses);

	@Test
	void numbersFromOneWithoutGapsWhenNothingIsLost() {
		this.numbering.observeLosses(3);
		assertThat(take(3)).containsExactly(1, 2, 3);
		this.numbering.observeLosses(2);
		assertThat(take(2)).containsExactly(4, 5);
	}

	@Test
	void lossesMakeAGapAfterTheEventsQueuedWhenTheyAreSeen() {
		assertThat(take(2)).containsExactly(1, 2);
		this.losses.add(5);
		this.numbering.observeLosses(2);
		assertThat(take(3)).containsExactly(3, 4, 10);
	}

	@Test
	void lossesSeenWithNothingQueuedMakeTheGapBeforeTheNextEvent() {
		take(1);
		this.losses.add(2);
		this.numbering.observeLosses(0);
		assertThat(take(1)).containsExactly(4);
	}

	@Test
	void lossesCountedBeforeTheStartBelongToAnEarlierStart() {
		LongAdder earlier = new LongAdder();
		earlier.add(7);
		SequenceNumbering restarted = new SequenceNumbering(earlier);
		restarted.observeLosses(1);
		assertThat(restarted.next()).isEqualTo(1);
	}

	@Test
	void anEventLostAfterTakingItsNumberLeavesOneGap() {
		take(1);
		this.numbering.next();
		this.losses.increment();
		this.numbering.lastNumberLost();
		this.numbering.observeLosses(1);
		assertThat(take(1)).containsExactly(3);
	}

	private long[] take(int count) {
		return LongStream.range(0, count).map((i) -> this.numbering.next()).toArray();
	}

}
