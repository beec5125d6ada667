package dev.zmqlog.logback;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hold's decisions on a clock the test moves: no socket, no sleeping. */
class SubscriberHoldTest {

	private static final long MS = 1_000_000;

	/** Starts where {@link System#nanoTime()} may: anywhere, near the wrap included. */
	private long now = Long.MAX_VALUE - 500 * MS;

	private final SubscriberHold hold = new SubscriberHold(Duration.ofSeconds(2), Duration.ofSeconds(30),
			() -> this.now);

	@Test
	void withNobodySubscribingTheFirstHoldLastsAwaitSubscriber() {
		assertThat(this.hold.applies(false, 0)).isTrue();
		assertThat(this.hold.remainingNanos(false, 0)).isEqualTo(2_000 * MS);

		advance(1_999);
		assertThat(this.hold.remainingNanos(false, 0)).isEqualTo(MS);
		advance(1);
		assertThat(this.hold.remainingNanos(false, 0)).isZero();
		this.hold.end(false);

		// what is logged once the hold ran out with nobody there is not held again
		advance(500);
		assertThat(this.hold.applies(false, 0)).isFalse();
	}

	@Test
	void anEarlyJoinerEndsTheHoldThreeHundredMillisecondsAfterTheBind() {
		this.hold.applies(false, 0);
		advance(40);
		assertThat(this.hold.remainingNanos(true, 1)).isEqualTo(260 * MS);
		advance(260);
		assertThat(this.hold.remainingNanos(true, 1)).isZero();
		this.hold.end(true);

		assertThat(this.hold.applies(true, 1)).isFalse();
	}

	@Test
	void everyFurtherJoinerGetsAHundredMillisecondsMoreForTheNextOne() {
		this.hold.applies(false, 0);
		advance(40);
		this.hold.remainingNanos(true, 1);
		advance(240);
		// a second watcher, 280 ms after the bind: the hold waits until 100 ms after it
		assertThat(this.hold.remainingNanos(true, 2)).isEqualTo(100 * MS);
		advance(90);
		assertThat(this.hold.remainingNanos(true, 3)).isEqualTo(100 * MS);
		advance(100);
		assertThat(this.hold.remainingNanos(true, 3)).isZero();
	}

	@Test
	void joinersNeverExtendTheHoldPastAwaitSubscriber() {
		this.hold.applies(false, 0);
		advance(1_950);
		assertThat(this.hold.remainingNanos(true, 1)).isEqualTo(50 * MS);
	}

	@Test
	void anApplicationThatLogsAfterTheWindowWaitsNotAtAllForASubscriberAlreadyThere() {
		this.hold.applies(false, 0);
		advance(30);
		this.hold.remainingNanos(true, 1);
		advance(270);
		assertThat(this.hold.remainingNanos(true, 1)).isZero();
		this.hold.end(true);

		advance(700);
		assertThat(this.hold.applies(true, 1)).isFalse();
	}

	@Test
	void stoppingEndsTheHoldByTheStopDeadline() {
		this.hold.applies(false, 0);
		advance(100);
		this.hold.endBy(this.now + 150 * MS);

		assertThat(this.hold.remainingNanos(false, 0)).isEqualTo(150 * MS);
	}

	@Test
	void aStopDeadlineAfterTheHoldChangesNothing() {
		this.hold.applies(false, 0);
		this.hold.endBy(this.now + 10_000 * MS);

		assertThat(this.hold.remainingNanos(false, 0)).isEqualTo(2_000 * MS);
	}

	@Test
	void whenTheLastSubscriberLeavesANewHoldWaitsAwaitResubscribe() {
		this.hold.applies(false, 0);
		advance(10);
		this.hold.remainingNanos(true, 1);
		advance(290);
		this.hold.end(true);

		advance(5_000);
		assertThat(this.hold.applies(false, 1)).isTrue();
		assertThat(this.hold.remainingNanos(false, 1)).isEqualTo(30_000 * MS);
		advance(29_000);
		assertThat(this.hold.remainingNanos(false, 1)).isEqualTo(1_000 * MS);
	}

	@Test
	void aReturningSubscriberEndsTheResubscribeHoldAfterTheJoinersWindow() {
		this.hold.applies(false, 0);
		this.hold.remainingNanos(true, 1);
		advance(300);
		this.hold.end(true);
		advance(5_000);
		this.hold.applies(false, 1);

		advance(2_000);
		// the window counts from the leaving, long past: only the gap after the joiner is left
		assertThat(this.hold.remainingNanos(true, 2)).isEqualTo(100 * MS);
	}

	@Test
	void aJoinerAfterTheHoldRanOutWithNobodyIsNotWaitedFor() {
		this.hold.applies(false, 0);
		advance(2_000);
		this.hold.remainingNanos(false, 0);
		this.hold.end(false);

		advance(3_000);
		assertThat(this.hold.applies(true, 1)).isTrue();
		assertThat(this.hold.remainingNanos(true, 1)).isNegative();
	}

	private void advance(long millis) {
		this.now += millis * MS;
	}

}
