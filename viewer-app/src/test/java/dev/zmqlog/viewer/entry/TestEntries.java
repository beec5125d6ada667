package dev.zmqlog.viewer.entry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.zmqlog.protocol.EntryKind;
import dev.zmqlog.protocol.Level;
import dev.zmqlog.protocol.Source;

/**
 * Entries for tests that need no socket.
 */
public final class TestEntries {

	private TestEntries() {
	}

	public static ViewerEntry entry(long id, String message) {
		return entry(id, "app.INFO", Level.INFO, message);
	}

	public static ViewerEntry entry(long id, String topic, Level level, String message) {
		Instant now = Instant.ofEpochSecond(1_700_000_000L, id);
		return new ViewerEntry(id, now, now, topic, level, "app.Logger", "main", message, null, Map.of(), List.of(),
				id, new Source("app", "host", 1L, "instance"), EntryKind.STRUCTURED);
	}

}
