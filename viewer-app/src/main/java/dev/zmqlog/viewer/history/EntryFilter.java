package dev.zmqlog.viewer.history;

import java.util.List;
import java.util.Locale;

import dev.zmqlog.protocol.Level;
import org.jspecify.annotations.Nullable;

/**
 * Which entries a client wants: topic prefixes (any of them), a lowest level, and a
 * case-insensitive substring of the message, logger, topic or exception.
 *
 * @param topics topic prefixes; empty means every topic
 * @param level the lowest level, or {@code null} for every entry
 * @param query the text to look for, or {@code null}
 */
public record EntryFilter(List<String> topics, @Nullable Level level, @Nullable String query) {

	public static final EntryFilter ALL = new EntryFilter(List.of(), null, null);

	public EntryFilter {
		topics = topics.stream().filter((topic) -> !topic.isEmpty()).toList();
		query = (query == null || query.isEmpty()) ? null : query.toLowerCase(Locale.ROOT);
	}

	/**
	 * A filter from request parameters.
	 * @param topics {@code topic} values
	 * @param level a level name, or {@code null}
	 * @param query {@code q}, or {@code null}
	 * @return the filter
	 * @throws IllegalArgumentException when the level is no level name
	 */
	public static EntryFilter of(@Nullable List<String> topics, @Nullable String level, @Nullable String query) {
		Level lowest = null;
		if (level != null && !level.isBlank()) {
			lowest = Level.ofName(level.strip());
			if (lowest == null) {
				throw new IllegalArgumentException("level '" + level + "' is not one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL");
			}
		}
		return new EntryFilter((topics != null) ? topics : List.of(), lowest, query);
	}

	public boolean matches(ViewerEntry entry) {
		return matchesTopic(entry.topic()) && matchesLevel(entry.level()) && matchesQuery(entry);
	}

	private boolean matchesTopic(String topic) {
		if (this.topics.isEmpty()) {
			return true;
		}
		for (String prefix : this.topics) {
			if (topic.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private boolean matchesLevel(@Nullable String levelName) {
		if (this.level == null) {
			return true;
		}
		Level entryLevel = Level.ofName(levelName);
		return entryLevel != null && entryLevel.isAtLeast(this.level);
	}

	private boolean matchesQuery(ViewerEntry entry) {
		if (this.query == null) {
			return true;
		}
		return contains(entry.message()) || contains(entry.logger()) || contains(entry.topic())
				|| contains(entry.exception());
	}

	/** Case-insensitive, without copying the text: this runs per entry and per browser. */
	private boolean contains(@Nullable String text) {
		if (text == null) {
			return false;
		}
		String wanted = this.query;
		for (int start = 0; start <= text.length() - wanted.length(); start++) {
			if (text.regionMatches(true, start, wanted, 0, wanted.length())) {
				return true;
			}
		}
		return false;
	}

}
