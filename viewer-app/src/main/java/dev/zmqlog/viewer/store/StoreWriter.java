package dev.zmqlog.viewer.store;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import dev.zmqlog.viewer.entry.EntrySink;
import dev.zmqlog.viewer.entry.HeapSize;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.SourceTable.SavedSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands entries to the store on a thread of its own, so that ingestion never waits for a
 * disk or a database: the ingest thread queues each entry (bounded by the heap the queued
 * entries take) and goes on; when the queue is full the entry is not stored, and counted.
 * The writer's thread writes in batches, commits at least every second (with the next id
 * and the sources' counts), and applies retention every {@link #RETENTION_INTERVAL}.
 */
public final class StoreWriter implements EntrySink, AutoCloseable {

	static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

	static final Duration RETENTION_INTERVAL = Duration.ofSeconds(10);

	/** How often a standby viewer tries the writer's lock, and trims what it keeps by the writer's progress. */
	static final Duration STANDBY_INTERVAL = Duration.ofSeconds(1);

	/** A standby keeps what it received this long before the writer's last commit, for receipts a little apart. */
	static final Duration STANDBY_MARGIN = Duration.ofSeconds(2);

	/** Entries written at once at most. */
	static final int MAX_BATCH = 5_000;

	/** Sources kept with each commit; the others' counts are folded into one row. */
	public static final int MAX_SAVED_SOURCES = 1_000;

	/** How long the writer naps when nothing is queued. */
	private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private static final Logger logger = LoggerFactory.getLogger(StoreWriter.class);

	private final HistoryStore store;

	private final Supplier<List<SavedSource>> sources;

	private final Clock clock;

	private final long maxQueuedBytes;

	private final long maxBytes;

	private final Duration maxAge;

	private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();

	private final AtomicLong queuedBytes = new AtomicLong();

	private final LongAdder notStored = new LongAdder();

	private final LongAdder stored = new LongAdder();

	/** The highest id not stored because the queue was full; the ingest thread's. */
	private volatile long highestShed;

	/** The highest id the writer's thread has written (or failed to): with {@link #highestShed}, what a commit covers. */
	private volatile long highestWritten;

	private volatile long committedId;

	private volatile Duration writeLag = Duration.ZERO;

	private volatile @Nullable String lastError;

	private volatile @Nullable Instant lastErrorAt;

	private volatile boolean running = true;

	private final Thread thread;

	/** The store, when several viewers share it; else {@code null}. */
	private final @Nullable SharedStore shared;

	/** What this viewer received while another one writes; the writer's thread's. */
	private final StandbyBuffer standby;

	private volatile long takeovers;

	private volatile @Nullable Instant lastTakeoverAt;

	private volatile long gapFilled;

	private volatile long gapAlreadyStored;

	public StoreWriter(HistoryStore store, Supplier<List<SavedSource>> sources, Clock clock, long maxQueuedBytes,
			long maxBytes, Duration maxAge) {
		this(store, sources, clock, maxQueuedBytes, maxBytes, maxAge, maxQueuedBytes);
	}

	/**
	 * @param maxQueuedBytes the most heap the entries waiting for the store may take
	 * @param maxBytes the most the store may take on disk
	 * @param maxAge how long entries are kept
	 * @param standbyMaxBytes the most heap what a standby viewer keeps for a takeover may take
	 */
	public StoreWriter(HistoryStore store, Supplier<List<SavedSource>> sources, Clock clock, long maxQueuedBytes,
			long maxBytes, Duration maxAge, long standbyMaxBytes) {
		this.store = store;
		this.shared = (store instanceof SharedStore sharedStore) ? sharedStore : null;
		this.standby = new StandbyBuffer(standbyMaxBytes);
		this.sources = sources;
		this.clock = clock;
		this.maxQueuedBytes = maxQueuedBytes;
		this.maxBytes = maxBytes;
		this.maxAge = maxAge;
		this.highestShed = store.nextId() - 1;
		this.highestWritten = this.highestShed;
		this.committedId = this.highestShed;
		this.thread = new Thread(this::run, "zmqlog-store-writer");
		this.thread.setDaemon(true);
		if (store.durable()) {
			this.thread.start();
		}
	}

	/** Queues an entry for the store, or counts it as not stored when the queue is full. Never waits. */
	@Override
	public void accept(ViewerEntry entry) {
		long size = HeapSize.of(entry);
		if (this.queuedBytes.get() + size > this.maxQueuedBytes) {
			this.notStored.increment();
			this.highestShed = entry.id();
			return;
		}
		this.queuedBytes.addAndGet(size);
		this.queue.offer(new Queued(entry, size));
	}

	private void run() {
		long lastCommit = System.nanoTime();
		long lastRetention = System.nanoTime() - RETENTION_INTERVAL.toNanos();
		Instant oldestUncommitted = null;
		long lastStandby = System.nanoTime() - STANDBY_INTERVAL.toNanos();
		List<ViewerEntry> batch = new ArrayList<>(MAX_BATCH);
		while (this.running || !this.queue.isEmpty()) {
			if (this.shared != null && (!this.shared.writing() || !this.standbyEmpty())) {
				long now = System.nanoTime();
				boolean due = now - lastStandby >= STANDBY_INTERVAL.toNanos();
				if (due) {
					lastStandby = now;
				}
				if (!standBy(this.shared, due)) {
					if (this.queue.isEmpty() && this.running) {
						LockSupport.parkNanos(IDLE_NANOS);
					}
					continue;
				}
				lastCommit = System.nanoTime();
			}
			long batchBytes = 0;
			Queued queued;
			while (batch.size() < MAX_BATCH && (queued = this.queue.poll()) != null) {
				batch.add(queued.entry());
				batchBytes += queued.bytes();
			}
			if (!batch.isEmpty()) {
				if (oldestUncommitted == null) {
					oldestUncommitted = batch.get(0).received();
				}
				write(batch);
				this.highestWritten = batch.get(batch.size() - 1).id();
				this.queuedBytes.addAndGet(-batchBytes);
				batch.clear();
			}
			long now = System.nanoTime();
			boolean pending = handled() != this.committedId;
			if (pending && (now - lastCommit >= COMMIT_INTERVAL.toNanos() || !this.running)) {
				if (commit()) {
					if (oldestUncommitted != null) {
						this.writeLag = Duration.between(oldestUncommitted, this.clock.instant());
					}
					oldestUncommitted = null;
				}
				lastCommit = now;
			}
			if (now - lastRetention >= RETENTION_INTERVAL.toNanos() && this.running) {
				retain();
				lastRetention = now;
			}
			if (this.queue.isEmpty() && this.running) {
				LockSupport.parkNanos(IDLE_NANOS);
			}
		}
	}

	private void write(List<ViewerEntry> batch) {
		try {
			this.store.write(batch);
			this.stored.add(batch.size());
		}
		catch (Exception | OutOfMemoryError ex) {
			failed("writing " + batch.size() + " entries", ex);
			if (this.shared != null && !this.shared.writing()) {
				// the lock went with the connection: keep them for when this viewer writes again
				batch.forEach(this.standby::add);
			}
			else {
				this.notStored.add(batch.size());
			}
		}
	}

	private boolean standbyEmpty() {
		return this.standby.bytes() == 0;
	}

	/**
	 * While another viewer writes: keeps what arrives, and every {@link #STANDBY_INTERVAL}
	 * tries the lock (taking over fills the gap from what was kept) or trims what the
	 * writer's commits have passed.
	 * @return whether this viewer writes now, the gap filled
	 */
	private boolean standBy(SharedStore shared, boolean due) {
		Queued queued;
		while ((queued = this.queue.poll()) != null) {
			this.standby.add(queued.entry(), queued.bytes());
			this.queuedBytes.addAndGet(-queued.bytes());
			this.highestWritten = queued.entry().id();
		}
		if (!due) {
			return false;
		}
		try {
			if (shared.tryTakeOver()) {
				fillGap(shared);
				return true;
			}
			Instant committed = shared.readCommittedUpTo();
			if (committed != null) {
				this.standby.trimUpTo(committed.minus(STANDBY_MARGIN));
			}
		}
		catch (Exception | OutOfMemoryError ex) {
			failed(shared.writing() ? "filling the gap after taking over" : "standing by", ex);
		}
		return false;
	}

	/** Writes, after taking over, what this viewer received that the dead writer had not committed. */
	private void fillGap(SharedStore shared) throws IOException {
		long dropped = this.standby.dropped();
		List<ViewerEntry> received = this.standby.entries();
		SharedStore.GapFill gap = shared.unstored(received);
		List<ViewerEntry> entries = gap.entries();
		for (int from = 0; from < entries.size(); from += MAX_BATCH) {
			List<ViewerEntry> batch = entries.subList(from, Math.min(entries.size(), from + MAX_BATCH));
			this.store.write(batch);
			this.stored.add(batch.size());
		}
		if (!received.isEmpty()) {
			this.highestWritten = Math.max(this.highestWritten, received.get(received.size() - 1).id());
		}
		if (!commit()) {
			throw new IOException("the gap's commit failed: " + this.lastError);
		}
		this.standby.drain();
		this.takeovers++;
		this.lastTakeoverAt = this.clock.instant();
		this.gapFilled += entries.size();
		this.gapAlreadyStored += gap.alreadyStored() + gap.beforeCommit();
		Instant oldest = received.isEmpty() ? null : received.get(0).received();
		logger.warn("Took over writing the shared history (the writer's last commit: {}): stored {} entries this viewer "
				+ "received that it had not, skipped {} structured entries it had and {} others received before its "
				+ "last commit", gap.committedUpTo(), entries.size(), gap.alreadyStored(), gap.beforeCommit());
		if (dropped > 0 && oldest != null && gap.committedUpTo() != null && oldest.isAfter(gap.committedUpTo())) {
			logger.warn("What arrived from {} to {} is not in the shared history: the standby buffer ({} bytes, "
					+ "store.standby-max-memory) had made room for newer entries", gap.committedUpTo(), oldest,
					this.standby.maxBytes());
		}
	}

	/** The highest id written or shed: the next start continues after it. */
	private long handled() {
		return Math.max(this.highestWritten, this.highestShed);
	}

	private boolean commit() {
		long nextId = handled() + 1;
		try {
			this.store.commit(nextId, this.sources.get());
			this.committedId = nextId - 1;
			return true;
		}
		catch (Exception | OutOfMemoryError ex) {
			failed("committing", ex);
			return false;
		}
	}

	private void retain() {
		try {
			long removed = this.store.retain(this.maxBytes, this.clock.instant().minus(this.maxAge));
			if (removed > 0) {
				logger.debug("Retention removed {} entries", removed);
			}
		}
		catch (Exception | OutOfMemoryError ex) {
			failed("applying retention", ex);
		}
	}

	private void failed(String what, Throwable ex) {
		String message = what + ": " + ex;
		if (!message.equals(this.lastError)) {
			logger.warn("The history store failed {}", message, ex);
		}
		this.lastError = message;
		this.lastErrorAt = this.clock.instant();
	}

	/** Where the writer stands. */
	public Status status() {
		SharedStatus shared = null;
		if (this.shared != null) {
			SharedStore.Committed committed = this.shared.othersCommitted();
			shared = new SharedStatus(this.shared.writing() ? "writer" : "standby", this.takeovers, this.lastTakeoverAt,
					this.gapFilled, this.gapAlreadyStored, this.standby.bytes(), this.standby.maxBytes(),
					this.standby.dropped(), (committed != null) ? committed.upTo() : null);
		}
		return new Status(this.stored.sum(), this.notStored.sum(), this.queuedBytes.get(),
				this.maxQueuedBytes, this.committedId, this.writeLag, this.lastError, this.lastErrorAt,
				this.thread.isAlive(), shared);
	}

	/** Stops after writing and committing what is queued. */
	@Override
	public void close() {
		this.running = false;
		LockSupport.unpark(this.thread);
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Queued(ViewerEntry entry, long bytes) {
	}

	/**
	 * @param stored entries written since the start
	 * @param notStored entries not stored since the start: the queue was full, or the store failed
	 * @param queuedBytes heap the waiting entries take
	 * @param maxQueuedBytes heap they may take before entries are not stored
	 * @param committedId the highest id committed (readable by queries and kept across a restart)
	 * @param writeLag from the oldest entry of the last commit's batch arriving to that commit
	 * @param lastError the store's last failure, if any
	 * @param lastErrorAt when it happened
	 * @param writing whether the writer's thread runs
	 * @param shared where this viewer stands among those sharing the store; {@code null} when not shared
	 */
	public record Status(long stored, long notStored, long queuedBytes, long maxQueuedBytes,
			long committedId, Duration writeLag, @Nullable String lastError, @Nullable Instant lastErrorAt,
			boolean writing, @Nullable SharedStatus shared) {
	}

	/**
	 * A viewer among several sharing one store.
	 *
	 * @param role {@code writer} (holds the lock) or {@code standby}
	 * @param takeovers times this viewer took over writing since it started
	 * @param lastTakeoverAt when it last did
	 * @param gapFilled entries it stored on taking over that the writer before it had not
	 * @param gapAlreadyStored entries it kept that the writer before it had stored already
	 * @param standbyBytes heap of what it keeps for a takeover
	 * @param standbyMaxBytes the most that may take ({@code store.standby-max-memory})
	 * @param standbyDropped entries that made room for newer ones in it
	 * @param writerCommittedUpTo while standing by: when the newest entry of the writer's last commit was received
	 */
	public record SharedStatus(String role, long takeovers, @Nullable Instant lastTakeoverAt, long gapFilled,
			long gapAlreadyStored, long standbyBytes, long standbyMaxBytes, long standbyDropped,
			@Nullable Instant writerCommittedUpTo) {
	}

}
