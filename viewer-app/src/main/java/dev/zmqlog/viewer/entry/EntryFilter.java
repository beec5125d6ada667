package dev.zmqlog.viewer.entry;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.zmqlog.protocol.Level;
import dev.zmqlog.protocol.Source;
import org.jspecify.annotations.Nullable;

/**
 * Which entries a client wants (PRODUCT.md §5.4), as typed values a store can translate
 * into its own query. Every condition given must hold; an empty list or {@code null}
 * means no condition.
 *
 * @param topics topic prefixes, any of them
 * @param level the lowest level
 * @param query text looked for in message, logger, topic and exception
 * @param sources app names or instance ids, any of them
 * @param logger a logger name prefix
 * @param thread a thread name
 * @param mdc MDC values that must all be present
 * @param marker a marker name
 * @param from the earliest entry time, inclusive
 * @param to the latest entry time, inclusive
 */
public record EntryFilter(List<String> topics, @Nullable Level level, @Nullable TextQuery query, List<String> sources,
		@Nullable String logger, @Nullable String thread, Map<String, String> mdc, @Nullable String marker,
		@Nullable Instant from, @Nullable Instant to) {

	public static final EntryFilter ALL = new EntryFilter(List.of(), null, null, List.of(), null, null, Map.of(), null,
			null, null);

	private static final String MDC_PREFIX = "mdc.";

	public EntryFilter {
		topics = topics.stream().filter((topic) -> !topic.isEmpty()).toList();
		sources = sources.stream().filter((source) -> !source.isEmpty()).toList();
		mdc = Map.copyOf(mdc);
	}

	/**
	 * A filter from request parameters without time bounds: {@code topic}, {@code level},
	 * {@code q}, {@code regex}, {@code not}, {@code source}, {@code logger}, {@code thread},
	 * {@code mdc.KEY}, {@code marker}; others are ignored.
	 * @throws IllegalArgumentException for a value that means nothing
	 */
	public static EntryFilter of(Map<String, List<String>> parameters) {
		return of(parameters, null);
	}

	/**
	 * A filter from request parameters, {@code from} and {@code to} included (read with
	 * this clock; ignored without one).
	 * @throws IllegalArgumentException for a value that means nothing
	 */
	public static EntryFilter of(Map<String, List<String>> parameters, @Nullable Clock clock) {
		String q = first(parameters, "q");
		TextQuery query = (q != null) ? TextQuery.of(q, flag(parameters, "regex"), flag(parameters, "not")) : null;
		Map<String, String> mdc = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (name.startsWith(MDC_PREFIX) && name.length() > MDC_PREFIX.length() && !values.isEmpty()) {
				mdc.put(name.substring(MDC_PREFIX.length()), values.get(0));
			}
		});
		return new EntryFilter(parameters.getOrDefault("topic", List.of()), level(first(parameters, "level")), query,
				parameters.getOrDefault("source", List.of()), first(parameters, "logger"), first(parameters, "thread"),
				mdc, first(parameters, "marker"),
				(clock != null) ? TimeBound.parse("from", first(parameters, "from"), clock) : null,
				(clock != null) ? TimeBound.parse("to", first(parameters, "to"), clock) : null);
	}

	/** The same conditions without time bounds. */
	public EntryFilter withoutTime() {
		return new EntryFilter(this.topics, this.level, this.query, this.sources, this.logger, this.thread, this.mdc,
				this.marker, null, null);
	}

	/** Whether the entry's time lies within {@code from} and {@code to}. */
	public boolean matchesTime(Instant time) {
		return (this.from == null || !time.isBefore(this.from)) && (this.to == null || !time.isAfter(this.to));
	}

	private static @Nullable String first(Map<String, List<String>> parameters, String name) {
		List<String> values = parameters.get(name);
		String value = (values != null && !values.isEmpty()) ? values.get(0) : null;
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static boolean flag(Map<String, List<String>> parameters, String name) {
		String value = first(parameters, name);
		if (value == null) {
			return false;
		}
		return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "true", "1", "yes", "on" -> true;
			case "false", "0", "no", "off" -> false;
			default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
		};
	}

	private static @Nullable Level level(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		Level level = Level.ofName(name.strip());
		if (level == null) {
			throw new IllegalArgumentException(
					"level '" + name + "' is not one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL");
		}
		return level;
	}

	/** Whether every entry matches: the stream's shared frames serve such browsers. */
	public boolean isAll() {
		return this.topics.isEmpty() && this.level == null && this.query == null && this.sources.isEmpty()
				&& this.logger == null && this.thread == null && this.mdc.isEmpty() && this.marker == null
				&& this.from == null && this.to == null;
	}

	/** Cheap conditions first; the text query, the only costly one, last and time-bound. */
	public boolean matches(ViewerEntry entry) {
		return matchesTopic(entry.topic()) && matchesLevel(entry.level()) && matchesTime(entry.time())
				&& matchesSource(entry.source())
				&& (this.logger == null || (entry.logger() != null && entry.logger().startsWith(this.logger)))
				&& (this.thread == null || this.thread.equals(entry.thread())) && matchesMdc(entry.mdc())
				&& (this.marker == null || entry.markers().contains(this.marker))
				&& (this.query == null || this.query.matches(entry));
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

	private boolean matchesLevel(@Nullable Level entryLevel) {
		return this.level == null || (entryLevel != null && entryLevel.isAtLeast(this.level));
	}

	private boolean matchesSource(@Nullable Source source) {
		if (this.sources.isEmpty()) {
			return true;
		}
		if (source == null) {
			return false;
		}
		return this.sources.contains(source.app()) || this.sources.contains(source.instance());
	}

	private boolean matchesMdc(Map<String, String> entryMdc) {
		for (Map.Entry<String, String> wanted : this.mdc.entrySet()) {
			if (!wanted.getValue().equals(entryMdc.get(wanted.getKey()))) {
				return false;
			}
		}
		return true;
	}

}
