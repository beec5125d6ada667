package dev.zmqlog.viewer.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongFunction;

import dev.zmqlog.viewer.history.EntryFilter;
import dev.zmqlog.viewer.history.EntryHistory;
import dev.zmqlog.viewer.history.ViewerEntry;

/**
 * Numbers entries, keeps them in the history and queues them for every browser. A browser
 * that joins gets the history after the last entry it saw, then every new entry: joining
 * and publishing exclude each other, so nothing falls between the two and nothing comes
 * twice.
 */
public final class LiveStream {

	/** Entries sent to a browser that joins without saying what it saw. */
	static final int INITIAL_BACKLOG = 5_000;

	private final EntryHistory history;

	private final List<SessionOutbox> outboxes = new CopyOnWriteArrayList<>();

	private final Object lock = new Object();

	/** New at every start: ids from another instance mean nothing here. */
	private final String instance = java.util.UUID.randomUUID().toString();

	public LiveStream(EntryHistory history) {
		this.history = history;
	}

	/** This viewer run's identity, which browsers send back with {@code after}. */
	public String instance() {
		return this.instance;
	}

	/**
	 * Adds an entry.
	 * @param entryWithId makes the entry for the id it gets
	 * @return the entry
	 */
	public ViewerEntry publish(LongFunction<ViewerEntry> entryWithId) {
		synchronized (this.lock) {
			ViewerEntry entry = entryWithId.apply(this.history.nextId());
			this.history.append(entry);
			if (!this.outboxes.isEmpty()) {
				// one for all browsers, so that its JSON is written once
				StreamedEntry streamed = new StreamedEntry(entry);
				for (SessionOutbox outbox : this.outboxes) {
					outbox.offer(streamed);
				}
			}
			return entry;
		}
	}

	/**
	 * Starts streaming to a browser.
	 * @param outbox the browser's outbox
	 * @param afterId the last id the browser saw, or a negative number for none
	 */
	void open(SessionOutbox outbox, long afterId) {
		synchronized (this.lock) {
			// first: the backlog may start a send that fails and closes the browser at once
			this.outboxes.add(outbox);
			EntryFilter filter = outbox.filter();
			// an id this viewer never gave out comes from before a restart: start afresh
			if (afterId < 0 || afterId >= this.history.nextId()) {
				outbox.offerAll(this.history.last(filter, INITIAL_BACKLOG));
			}
			else {
				long oldestKept = this.history.nextId() - this.history.size();
				if (afterId + 1 < oldestKept) {
					// the history no longer has what came right after: say how much is gone
					outbox.skip(oldestKept - afterId - 1);
				}
				outbox.offerAll(this.history.after(afterId, filter, this.history.capacity()));
			}
		}
	}

	void close(SessionOutbox outbox) {
		synchronized (this.lock) {
			this.outboxes.remove(outbox);
		}
	}

	List<SessionOutbox> outboxes() {
		return this.outboxes;
	}

}
