package dev.zmqlog.viewer.store;

import java.time.Instant;
import java.util.List;

import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.RecentWindow.Selection;
import dev.zmqlog.viewer.history.SourceTable.SavedSource;
import org.jspecify.annotations.Nullable;

/**
 * {@code store.type=memory}: nothing beyond the recent window, nothing on disk; the
 * history is the window and starts empty at every start.
 */
public final class MemoryStore implements HistoryStore {

	@Override
	public StoreType type() {
		return StoreType.MEMORY;
	}

	@Override
	public boolean durable() {
		return false;
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
	public void write(List<ViewerEntry> entries) {
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
		return new Selection(List.of(), true, 0);
	}

	@Override
	public Selection oldest(EntryFilter filter, long afterId, long beforeId, int limit, long deadlineNanos) {
		return new Selection(List.of(), true, 0);
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
