package dev.zmqlog.logback;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When the publishing thread holds its queue for subscribers, and for how long: at start
 * until subscribers join or {@code awaitSubscriber} passes (the slow joiner), and after
 * the last subscriber left until one comes back or {@code awaitResubscribe} passes. A hold
 * that a subscription ends lasts at least {@link #JOINERS_WINDOW_NANOS} from its start and
 * {@link #JOINERS_GAP_NANOS} after the last subscriber joined, within its deadline, so that
 * every subscriber already running sees the first events, not only the first to connect.
 * One hold per period without subscribers. Decides only: the caller reads the socket and
 * waits. Used by one thread.
 */
final class SubscriberHold {

	/**
	 * How long from its start a hold waits for further subscribers once one has come.
	 * Subscribers that were waiting for the endpoint retry their connection every 100 ms
	 * (libzmq's and JeroMQ's reconnect interval), so they all arrive within about that of
	 * the bind; the margin covers a handshake on a busy machine. An application that runs
	 * longer than this before it exits loses no time to it.
	 */
	static final long JOINERS_WINDOW_NANOS = 300_000_000;

	/** How long a hold waits after a subscriber joined, for one that is still on its way. */
	static final long JOINERS_GAP_NANOS = 100_000_000;

	/** Monotonic nanoseconds, {@link System#nanoTime()} outside tests: a wall clock may jump. */
	private final LongSupplier nanoClock;

	private final long resubscribeNanos;

	/** When the current hold began: the socket's opening, or the last subscriber's leaving. */
	private long startNanos;

	/** When the current hold ends while nobody subscribes. */
	private long untilNanos;

	/** When the current hold ends once someone subscribed: grows while joiners keep coming. */
	private long settleUntilNanos;

	/** Whether the current period without subscriber has had its hold. */
	private boolean spent;

	private boolean hadSubscriber;

	/** The socket's subscription count when the hold last saw it grow. */
	private long subscriptionsSeen;

	/**
	 * Begins the first hold: the socket has just opened.
	 * @param awaitSubscriber the first hold's longest time
	 * @param awaitResubscribe the longest hold after the last subscriber left
	 * @param nanoClock monotonic nanoseconds
	 */
	SubscriberHold(Duration awaitSubscriber, Duration awaitResubscribe, LongSupplier nanoClock) {
		this.nanoClock = nanoClock;
		this.resubscribeNanos = awaitResubscribe.toNanos();
		begin(awaitSubscriber.toNanos());
	}

	private void begin(long lengthNanos) {
		this.startNanos = this.nanoClock.getAsLong();
		this.untilNanos = this.startNanos + lengthNanos;
		this.settleUntilNanos = this.startNanos + JOINERS_WINDOW_NANOS;
		this.spent = false;
	}

	/**
	 * Whether to hold the queue now. Begins a new hold when the last subscriber has just left.
	 * @param subscribed whether someone is subscribed
	 * @param subscriptions the subscriptions the socket has received so far
	 */
	boolean applies(boolean subscribed, long subscriptions) {
		if (subscribed && this.hadSubscriber) {
			this.subscriptionsSeen = subscriptions;
			return false;
		}
		if (!subscribed && this.hadSubscriber) {
			// the last subscriber just left: give it time to come back
			this.hadSubscriber = false;
			begin(this.resubscribeNanos);
		}
		return !this.spent || subscribed;
	}

	/** Ends the hold by {@code deadlineNanos} at the latest: the publisher is stopping. */
	void endBy(long deadlineNanos) {
		if (deadlineNanos - this.untilNanos < 0) {
			this.untilNanos = deadlineNanos;
		}
	}

	/**
	 * How much longer the hold lasts; zero or less ends it.
	 * @param subscribed whether someone is subscribed
	 * @param subscriptions the subscriptions the socket has received so far
	 */
	long remainingNanos(boolean subscribed, long subscriptions) {
		long now = this.nanoClock.getAsLong();
		long until = this.untilNanos;
		if (subscribed) {
			if (subscriptions != this.subscriptionsSeen) {
				this.subscriptionsSeen = subscriptions;
				this.settleUntilNanos = later(this.settleUntilNanos, now + JOINERS_GAP_NANOS);
			}
			until = earlier(until, this.settleUntilNanos);
		}
		return until - now;
	}

	/** The hold is over, with or without subscribers; the next begins when the last one leaves. */
	void end(boolean subscribed) {
		this.hadSubscriber = subscribed;
		this.spent = true;
	}

	// nanoTime values compare by their difference: they may wrap
	private static long earlier(long a, long b) {
		return (a - b < 0) ? a : b;
	}

	private static long later(long a, long b) {
		return (a - b < 0) ? b : a;
	}

}
