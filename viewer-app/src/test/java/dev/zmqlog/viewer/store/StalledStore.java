package dev.zmqlog.viewer.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.RecentWindow.Selection;
import dev.zmqlog.viewer.history.SourceTable.SavedSource;
import org.jspecify.annotations.Nullable;

/** A durable store whose writes wait until released: a disk that stopped answering. */
final class StalledStore implements HistoryStore {

	private final MemoryStore empty = new MemoryStore();

	private final CountDownLatch release = new CountDownLatch(1);

	void release() {
		this.release.countDown();
	}

	@Override
	public StoreType type() {
		return StoreType.EMBEDDED;
	}

	@Override
	public boolean durable() {
		return true;
	}

	@Override
	public long nextId() {
		return 1;
	}

	@Override
	public List<SavedSource> savedSources() {
		return List.of();
	}

	@Override
	public void write(List<ViewerEntry> entries) throws IOException {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			throw new InterruptedIOException();
		}
	}

	@Override
	public void commit(long nextId, List<SavedSource> sources) {
	}

	@Override
	public long retain(long maxBytes, Instant oldestReceived) {
		return 0;
	}

	@Override
	public Selection newest(EntryFilter filter, long afterId, long beforeId, int limit, long deadlineNanos) {
		return this.empty.newest(filter, afterId, beforeId, limit, deadlineNanos);
	}

	@Override
	public Selection oldest(EntryFilter filter, long afterId, long beforeId, int limit, long deadlineNanos) {
		return this.empty.oldest(filter, afterId, beforeId, limit, deadlineNanos);
	}

	@Override
	public @Nullable ViewerEntry get(long id) {
		return null;
	}

	@Override
	public boolean count(EntryFilter filter, long beforeId, EntryCounter counter, long deadlineNanos) {
		return true;
	}

	@Override
	public StoreSize size() {
		return StoreSize.EMPTY;
	}

	@Override
	public void close() {
	}

}
