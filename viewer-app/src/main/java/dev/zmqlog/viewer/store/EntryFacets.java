package dev.zmqlog.viewer.store;

import java.util.Map;

import dev.zmqlog.viewer.entry.ViewerEntry;
import org.jspecify.annotations.Nullable;

/**
 * What {@code /api/fields} counts of one entry; a store can read these without the
 * entry's message and stack trace.
 *
 * @param logger the entry's logger
 * @param thread its thread
 * @param app its source's app
 * @param mdc its MDC
 */
public record EntryFacets(@Nullable String logger, @Nullable String thread, @Nullable String app,
		Map<String, String> mdc) {

	static EntryFacets of(ViewerEntry entry) {
		return new EntryFacets(entry.logger(), entry.thread(), (entry.source() != null) ? entry.source().app() : null,
				entry.mdc());
	}

}
