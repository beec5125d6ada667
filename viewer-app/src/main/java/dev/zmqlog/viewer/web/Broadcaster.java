package dev.zmqlog.viewer.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.zmqlog.viewer.entry.EntryJson;
import dev.zmqlog.viewer.entry.Utf8Json;
import dev.zmqlog.viewer.entry.EntrySink;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.RecentWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands new entries to every browser, off the ingest thread. The ingest thread only wakes
 * it ({@link #accept}); its own thread reads what is new in the recent window, writes each
 * entry's JSON once, in the frames that every browser that wants every entry is sent, and
 * offers the batch to each browser without waiting for any. Batches start at least
 * {@value #MIN_BATCH_INTERVAL_MILLIS} ms apart: a quiet stream goes out at once, a busy
 * one in few large frames (a browser parses only so many frames a second).
 * <p>
 * Browsers join on this thread too, between two batches: a joining browser's backlog ends
 * where the next batch starts, so nothing falls between and nothing comes twice, without
 * a lock that ingestion would share.
 */
public final class Broadcaster implements EntrySink, AutoCloseable {

	static final long MIN_BATCH_INTERVAL_MILLIS = 10;

	private static final long MIN_BATCH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(MIN_BATCH_INTERVAL_MILLIS);

	private static final long IDLE_PARK_NANOS = Duration.ofMillis(100).toNanos();

	private static final Logger logger = LoggerFactory.getLogger(Broadcaster.class);

	private final RecentWindow window;

	private final EntryJson json;

	/** Where every batch's JSON is written before its frames are made: the same warm array each time. */
	private final Utf8Json scratch = new Utf8Json(256 * 1024);

	private final DirectMemoryBudget direct = DirectMemoryBudget.ofThisJvm();

	private final Thread thread;

	private final ConcurrentLinkedQueue<Join> joins = new ConcurrentLinkedQueue<>();

	/** Written by the broadcaster's thread; read by anyone who counts browsers. */
	private final List<BrowserSender> browsers = new CopyOnWriteArrayList<>();

	private volatile boolean parked;

	private volatile boolean running = true;

	private long handedOn;

	/** Whether the last batch was cut short, so the next one goes without waiting. */
	private boolean behind;

	private long lastBatchNanos = System.nanoTime() - MIN_BATCH_INTERVAL_NANOS;

	public Broadcaster(RecentWindow window, EntryJson json) {
		this.window = window;
		this.json = json;
		this.handedOn = window.newestId();
		this.thread = new Thread(this::run, "zmqlog-stream-broadcaster");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** An entry is in the window: wakes the broadcaster if it sleeps. Costs the ingest thread a volatile read. */
	@Override
	public void accept(ViewerEntry entry) {
		if (this.parked) {
			LockSupport.unpark(this.thread);
		}
	}

	/** Starts streaming to a browser after the entry it last saw (a negative id for none). */
	void join(BrowserSender browser, long afterId) {
		this.joins.add(new Join(browser, afterId));
		LockSupport.unpark(this.thread);
	}

	List<BrowserSender> browsers() {
		return this.browsers;
	}

	private void run() {
		while (this.running) {
			try {
				step();
			}
			catch (RuntimeException | OutOfMemoryError ex) {
				// one bad batch must not end the stream for everyone
				logger.warn("Broadcaster: {}", ex.toString());
			}
		}
	}

	private void step() {
		admitJoins();
		this.browsers.removeIf((browser) -> !browser.session().isOpen());
		long newest = this.window.newestId();
		if (newest == this.handedOn) {
			this.parked = true;
			if (this.window.newestId() == this.handedOn && this.joins.isEmpty()) {
				LockSupport.parkNanos(this, IDLE_PARK_NANOS);
			}
			this.parked = false;
			return;
		}
		long wait = this.lastBatchNanos + MIN_BATCH_INTERVAL_NANOS - System.nanoTime();
		if (wait > 0 && !this.behind) {
			LockSupport.parkNanos(this, wait);
			return;
		}
		this.lastBatchNanos = System.nanoTime();
		List<ViewerEntry> entries = this.window.range(this.handedOn, newest);
		long forgotten = (newest - this.handedOn) - entries.size();
		entries = atMostBatchBytes(entries);
		this.behind = !entries.isEmpty() && entries.get(entries.size() - 1).id() < newest;
		this.handedOn = entries.isEmpty() ? newest : entries.get(entries.size() - 1).id();
		if (this.browsers.isEmpty()) {
			return;
		}
		LiveBatch batch = batch(entries);
		for (BrowserSender browser : this.browsers) {
			if (forgotten > 0) {
				browser.skip(forgotten);
			}
			browser.offer(batch);
		}
	}

	/**
	 * The first entries of the list whose JSON takes about {@value StreamFrames#MAX_BATCH_BYTES}
	 * bytes at most, or the first entry alone. A batch's JSON is one array: under a heap of
	 * 256 MB flooded with 1 MB entries, an array of several megabytes once found no free run
	 * of regions that long (the collector does not move the large objects between them),
	 * and the heap ran out half empty. The first entries are copied into an ArrayList, the
	 * class {@link RecentWindow#range} gives, not viewed: a second class of list made the
	 * JIT compile the batch's writing again and again ({@link StreamFrames#write}).
	 */
	static List<ViewerEntry> atMostBatchBytes(List<ViewerEntry> entries) {
		long bytes = 0;
		for (int i = 0; i < entries.size(); i++) {
			bytes += StreamFrames.estimatedSize(entries.get(i));
			if (bytes > StreamFrames.MAX_BATCH_BYTES && i > 0) {
				return new ArrayList<>(entries.subList(0, i));
			}
		}
		return entries;
	}

	private void admitJoins() {
		Join join;
		while ((join = this.joins.poll()) != null) {
			long afterId = join.afterId;
			if (afterId > this.window.newestId()) {
				// an id this viewer never gave out comes from before a restart: start afresh
				afterId = -1;
			}
			// registered first: the backlog may start a send that fails and closes the browser at once
			this.browsers.add(join.browser);
			join.browser.startAfter(afterId);
			join.browser.backlog(new BrowserOutbox.Backlog(afterId, this.handedOn));
		}
	}

	private LiveBatch batch(List<ViewerEntry> entries) {
		StreamFrames.Written written = StreamFrames.write(entries, this.json, this.scratch, this.direct);
		// the frames' buffer, and about as much again for the entries it stands for
		return new LiveBatch(written.entries(), written.frames(), 2 * written.bytes());
	}

	@Override
	public void close() {
		this.running = false;
		LockSupport.unpark(this.thread);
	}

	private record Join(BrowserSender browser, long afterId) {
	}

}
