package dev.zmqlog.protocol;

import org.jspecify.annotations.Nullable;

/**
 * Topic rules of the wire protocol: {@code [rootTopic.]LEVEL[.subtopic]}.
 */
public final class Topic {

	/** Separates topic segments. */
	public static final char SEPARATOR = '.';

	private Topic() {
	}

	/**
	 * Builds a topic from its parts; an empty root topic or subtopic is left out.
	 * @param rootTopic the first segment, or empty
	 * @param levelName the level segment, e.g. {@code INFO}
	 * @param subtopic the trailing segments, or {@code null}/empty
	 * @return the topic
	 */
	public static String build(String rootTopic, String levelName, @Nullable String subtopic) {
		boolean hasRoot = !rootTopic.isEmpty();
		boolean hasSubtopic = subtopic != null && !subtopic.isEmpty();
		if (!hasRoot && !hasSubtopic) {
			return levelName;
		}
		StringBuilder topic = new StringBuilder(rootTopic.length() + levelName.length() + 2
				+ (hasSubtopic ? subtopic.length() : 0));
		if (hasRoot) {
			topic.append(rootTopic).append(SEPARATOR);
		}
		topic.append(levelName);
		if (hasSubtopic) {
			topic.append(SEPARATOR).append(subtopic);
		}
		return topic.toString();
	}

	/**
	 * The level named by a topic: its first segment that is a level name, wherever it
	 * stands, so that topics with and without a root topic both work.
	 * @param topic a received topic
	 * @return the level, or {@code null} when no segment names one
	 */
	public static @Nullable Level levelOf(String topic) {
		int start = 0;
		while (start <= topic.length()) {
			int end = topic.indexOf(SEPARATOR, start);
			if (end < 0) {
				end = topic.length();
			}
			String segment = topic.substring(start, end).strip();
			// publishers write level names in capitals: a root topic such as "info" is a name
			Level level = isUpperCase(segment) ? Level.ofName(segment) : null;
			if (level != null) {
				return level;
			}
			start = end + 1;
		}
		return null;
	}

	private static boolean isUpperCase(String segment) {
		for (int i = 0; i < segment.length(); i++) {
			if (!Character.isUpperCase(segment.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
