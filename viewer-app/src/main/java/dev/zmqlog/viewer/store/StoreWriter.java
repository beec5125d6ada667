package dev.zmqlog.viewer.store;

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

	/**
	 * @param maxQueuedBytes the most heap the entries waiting for the store may take
	 * @param maxBytes the most the store may take on disk
	 * @param maxAge how long entries are kept
	 */
	public StoreWriter(HistoryStore store, Supplier<List<SavedSource>> sources, Clock clock, long maxQueuedBytes,
			long maxBytes, Duration maxAge) {
		this.store = store;
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
		List<ViewerEntry> batch = new ArrayList<>(MAX_BATCH);
		while (this.running || !this.queue.isEmpty()) {
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
			this.notStored.add(batch.size());
			failed("writing " + batch.size() + " entries", ex);
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
		return new Status(this.stored.sum(), this.notStored.sum(), this.queuedBytes.get(),
				this.maxQueuedBytes, this.committedId, this.writeLag, this.lastError, this.lastErrorAt,
				this.thread.isAlive());
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
	 */
	public record Status(long stored, long notStored, long queuedBytes, long maxQueuedBytes,
			long committedId, Duration writeLag, @Nullable String lastError, @Nullable Instant lastErrorAt,
			boolean writing) {
	}

}
