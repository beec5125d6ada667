package dev.zmqlog.logback;

import java.util.concurrent.atomic.LongAdder;

/**
 * Numbers the events the I/O thread publishes, 1, 2, 3… from the appender's start, with a
 * gap for every event lost on the way, so that receivers count the losses. Numbering on
 * the I/O thread costs the logging threads nothing; they only count what they drop.
 * <p>
 * Before each batch the I/O thread learns how many events were lost since the last one
 * and puts the gap after the events queued at that moment, which were mostly logged
 * before the losses: the count of a gap is exact, its position approximate. With no
 * losses the numbers have no gaps. Used by the I/O thread only.
 */
final class SequenceNumbering {

	private final LongAdder losses;

	private long lossesSeen;

	private long last;

	private long pendingGap;

	private long numbersBeforeGap;

	/**
	 * @param losses every event lost, by whichever thread lost it; what it counts before
	 * this numbering starts belongs to an earlier start
	 */
	SequenceNumbering(LongAdder losses) {
		this.losses = losses;
		this.lossesSeen = losses.sum();
	}

	/**
	 * Learns of the losses since the last call.
	 * @param queued the events waiting now, which get their numbers before the gap
	 */
	void observeLosses(int queued) {
		long total = this.losses.sum();
		if (total != this.lossesSeen) {
			this.pendingGap += total - this.lossesSeen;
			this.lossesSeen = total;
			this.numbersBeforeGap = queued;
		}
	}

	/** Takes the next number. */
	long next() {
		if (this.pendingGap > 0) {
			if (this.numbersBeforeGap > 0) {
				this.numbersBeforeGap--;
			}
			else {
				this.last += this.pendingGap;
				this.pendingGap = 0;
			}
		}
		return ++this.last;
	}

	/**
	 * Leaves out the numbers of {@code count} events lost and counted here and now, before
	 * any number taken later: a gap at its exact place.
	 */
	void skipLost(long count) {
		this.last += count;
		this.lossesSeen += count;
	}

	/**
	 * Records that the event that took the last number was lost and counted: its number
	 * is already the gap, so the count must not make another.
	 */
	void lastNumberLost() {
		this.lossesSeen++;
	}

}
