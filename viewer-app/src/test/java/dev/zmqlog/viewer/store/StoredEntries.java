package dev.zmqlog.viewer.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.zmqlog.protocol.EntryKind;
import dev.zmqlog.protocol.Level;
import dev.zmqlog.protocol.Source;
import dev.zmqlog.viewer.entry.ViewerEntry;

/** Entries with every field set, for the store's tests. */
final class StoredEntries {

	static final Instant START = Instant.parse("2026-03-01T03:00:00.123456789Z");

	private StoredEntries() {
	}

	/** Entry {@code id}, one second after the one before, from app {@code app}. */
	static ViewerEntry entry(long id, String app, Level level, String message) {
		Instant time = START.plusSeconds(id);
		return new ViewerEntry(id, time, time.plusMillis(3), app + "." + level + ".db", level, "com." + app + ".Service",
				"worker-" + (id % 3), message, (level == Level.ERROR) ? "java.lang.IllegalStateException: " + message
						+ "\n\tat com." + app + ".Service.run(Service.java:42)" : null,
				Map.of("traceId", "t" + (id % 5), "user", "u" + id), List.of("AUDIT"), id,
				new Source(app, "host-1", 4242L, app + "-instance"), EntryKind.STRUCTURED);
	}

}
