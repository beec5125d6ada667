package dev.zmqlog.viewer.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The store as {@code /api/stats} and the health check show it.
 *
 * @param type embedded, jdbc or memory
 * @param bytes space the store takes
 * @param entries entries it keeps
 * @param oldest time of its oldest entry
 * @param stored entries written since the viewer started
 * @param notStored entries not stored since the viewer started (the store fell behind, or failed)
 * @param queuedBytes heap of the entries waiting to be stored
 * @param writeLag how long the entries of the last commit waited for it
 * @param committedId the newest id committed
 * @param writing whether the writer's thread runs (always false for memory)
 * @param lastError the store's last failure, or what was done about a damaged store at start
 * @param lastErrorAt when the last failure happened
 * @param shared with jdbc: this viewer's role among those sharing the database, its takeovers
 */
public record StoreReport(String type, long bytes, long entries, @Nullable Instant oldest, long stored, long notStored,
		long queuedBytes, Duration writeLag, long committedId, boolean writing, @Nullable String lastError,
		@Nullable Instant lastErrorAt, StoreWriter.@Nullable SharedStatus shared) {

	public static StoreReport of(HistoryStore store, StoreWriter writer) {
		StoreWriter.Status status = writer.status();
		HistoryStore.StoreSize size;
		String sizeError = null;
		try {
			size = store.size();
		}
		catch (RuntimeException ex) {
			size = HistoryStore.StoreSize.EMPTY;
			sizeError = "reading the store's size: " + ex;
		}
		String lastError = (status.lastError() != null) ? status.lastError()
				: (sizeError != null) ? sizeError : store.recovery();
		return new StoreReport(store.type().name().toLowerCase(Locale.ROOT), size.bytes(), size.entries(), size.oldest(),
				status.stored(), status.notStored(), status.queuedBytes(), status.writeLag(), status.committedId(),
				status.writing(), lastError, status.lastErrorAt(), status.shared());
	}

}
