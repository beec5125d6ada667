package dev.zmqlog.viewer.store;

import java.time.Instant;

import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.RecentWindow;
import org.jspecify.annotations.Nullable;

/**
 * The seam of a viewer that shares its store with others and did not write all it
 * numbered: its own ids and the stored ones differ for what it received while another
 * viewer wrote. The store answers for everything committed; the window for what is not
 * yet: while standing by, the entries received after the writer's last commit as this
 * viewer last read it (the store answering for the ids that commit covered, and no more);
 * once writing, those after its own last commit. A cursor among its standby entries (ids the
 * store does not know) stands for the time it was received: the stored entries received
 * before (or after) it.
 */
final class SharedIdSeam implements IdSeam {

	private final SharedStore store;

	private final RecentWindow window;

	SharedIdSeam(SharedStore store, RecentWindow window) {
		this.store = store;
		this.window = window;
	}

	@Override
	public long windowFrom(long windowOldestId) {
		if (this.store.writing()) {
			return Math.max(windowOldestId, this.store.committedOwnId() + 1);
		}
		SharedStore.Committed last = this.store.othersCommitted();
		if (last == null) {
			return windowOldestId;
		}
		Instant committed = last.upTo();
		// the first entry received after the writer's last commit; receipts increase with ids
		long low = windowOldestId;
		long high = this.window.newestId() + 1;
		while (low < high) {
			long middle = (low + high) >>> 1;
			ViewerEntry entry = this.window.get(middle);
			if (entry == null || !entry.received().isAfter(committed)) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	@Override
	public long storeBefore(long beforeId, long windowFrom) {
		// while standing by, the store answers for what the commit the window starts after covers, and no more
		SharedStore.Committed last = this.store.writing() ? null : this.store.othersCommitted();
		long committed = (last != null) ? last.nextId() : Long.MAX_VALUE;
		if (beforeId >= windowFrom) {
			return Math.min(windowFrom, committed);
		}
		Instant received = standbyReceived(beforeId);
		return Math.min(committed, (received != null) ? this.store.firstIdReceivedFrom(received) : beforeId);
	}

	@Override
	public long storeAfter(long afterId) {
		Instant received = standbyReceived(afterId);
		if (received == null) {
			return afterId;
		}
		long first = this.store.firstIdReceivedFrom(received.plusNanos(1_000));
		return (first == Long.MAX_VALUE) ? Long.MAX_VALUE - 1 : first - 1;
	}

	/**
	 * When the entry of an id this viewer numbered while standing by was received; {@code null}
	 * for any other id (a stored one). An entry the window no longer has stands at the
	 * window's oldest.
	 */
	private @Nullable Instant standbyReceived(long id) {
		if (id < this.store.firstOwnId() || id >= this.store.firstWrittenOwnId()) {
			return null;
		}
		ViewerEntry entry = this.window.get(id);
		if (entry == null) {
			entry = this.window.get(this.window.oldestId());
		}
		return (entry != null) ? entry.received() : null;
	}

}
