package dev.zmqlog.viewer.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.EntryJson;
import dev.zmqlog.viewer.history.RecentWindow;
import dev.zmqlog.viewer.store.EntryHistory;
import dev.zmqlog.viewer.store.MemoryStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stall watch on a clock the test moves: a browser that reads nothing while the
 * viewer runs is closed; a clock jump while the whole viewer stood still (SIGSTOP, then
 * SIGCONT) closes nobody.
 */
class StallWatchTest {

	private static final Duration TICK = Duration.ofMillis(50);

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final StallWatch watch = new StallWatch(this.nanos::get, TICK, Duration.ofSeconds(1));

	private final List<BrowserSender> closed = new ArrayList<>();

	/** A browser whose send is under way and makes no progress. */
	private final BrowserSender sending = browser();

	private static BrowserSender browser() {
		BrowserOutbox outbox = new BrowserOutbox(10, 1 << 20);
		outbox.skip(1);
		return new BrowserSender(null, EntryFilter.ALL, outbox, new EntryHistory(new RecentWindow(1, 1, 1), new MemoryStore(), Clock.systemUTC()), new EntryJson(), (task) -> {
		}, new java.util.concurrent.Semaphore(1));
	}

	private void tick(Duration after) {
		this.nanos.addAndGet(after.toNanos());
		this.watch.tick(List.of(this.sending), this.closed::add);
	}

	@Test
	void browserThatTakesNothingForTheLimitIsClosed() {
		for (int i = 0; i < 25; i++) {
			tick(TICK);
		}

		assertThat(this.closed).containsExactly(this.sending);
	}

	@Test
	void clockJumpOfAStoppedViewerClosesNoBrowser() {
		tick(TICK);
		tick(Duration.ofMinutes(5));
		tick(TICK);

		assertThat(this.closed).isEmpty();
	}

	@Test
	void browserThatReadsIsNeverClosed() {
		for (int i = 0; i < 100; i++) {
			this.sending.outbox().progressed();
			tick(TICK);
		}

		assertThat(this.closed).isEmpty();
	}

}
