package dev.zmqlog.viewer.web;

import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Finds browsers that take no data: one whose send made no progress for the stall limit
 * is handed to the closer. Time is counted in the watch's own ticks, each worth at most
 * two tick periods: when the whole viewer stood still (stopped and continued, a long GC
 * pause, a suspended VM), the clock jumps but no browser had a chance to read, so the jump
 * counts as one tick, not as a stall. Runs on one thread.
 */
final class StallWatch {

	private final LongSupplier nanoTime;

	private final long tickNanos;

	private final Map<BrowserSender, Track> tracks = new WeakHashMap<>();

	private long stallLimitNanos;

	private long lastTickNanos;

	/**
	 * @param nanoTime the clock, {@link System#nanoTime()} but in tests
	 * @param tick how often {@link #tick} is called
	 * @param stallLimit how long a browser may take no data
	 */
	StallWatch(LongSupplier nanoTime, Duration tick, Duration stallLimit) {
		this.nanoTime = nanoTime;
		this.tickNanos = tick.toNanos();
		this.stallLimitNanos = stallLimit.toNanos();
		this.lastTickNanos = nanoTime.getAsLong();
	}

	void stallLimit(Duration limit) {
		this.stallLimitNanos = limit.toNanos();
	}

	/** Looks at every browser once; the stalled ones go to {@code close}. */
	void tick(Iterable<BrowserSender> browsers, Consumer<BrowserSender> close) {
		long now = this.nanoTime.getAsLong();
		long elapsed = Math.min(now - this.lastTickNanos, 2 * this.tickNanos);
		this.lastTickNanos = now;
		for (BrowserSender browser : browsers) {
			Track track = this.tracks.computeIfAbsent(browser, (absent) -> new Track());
			BrowserOutbox outbox = browser.outbox();
			long progress = outbox.progress();
			if (!outbox.isSending() || progress != track.progress) {
				track.progress = progress;
				track.stalledNanos = 0;
			}
			else {
				track.stalledNanos += elapsed;
				if (track.stalledNanos > this.stallLimitNanos) {
					track.stalledNanos = Long.MIN_VALUE / 2;
					close.accept(browser);
				}
			}
		}
	}

	private static final class Track {

		private long progress = -1;

		private long stalledNanos;

	}

}
