package dev.zmqlog.viewer.cli;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import dev.zmqlog.protocol.EntryKind;
import dev.zmqlog.protocol.Level;
import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.protocol.Topic;
import org.jspecify.annotations.Nullable;

/**
 * pyzmq's watcher line, {@code {ts}{color}{topic}{sep}{msg}{reset}}: topic and message
 * stripped as Python strips them, the topic aligned with {@code --align}, the level's
 * colour with {@code --color}. Not thread-safe: alignment remembers the widths seen.
 */
final class WatchLineFormat {

	/** colorama's {@code Fore.RESET}: pyzmq ends every line with it under {@code --color}. */
	static final String RESET = "\u001b[39m";

	/** colorama's {@code Style.RESET_ALL}, which its exit hook writes to a terminal. */
	static final String RESET_ALL = "\u001b[0m";

	private final String separator;

	private final @Nullable StrftimeFormat timestamp;

	private final @Nullable TopicAligner aligner;

	private final boolean color;

	/**
	 * @param separator printed between topic and message
	 * @param timestamp the {@code --dateformat}, or {@code null} without {@code --timestamp}
	 * @param align whether to align topics
	 * @param color whether to colour lines by level
	 */
	WatchLineFormat(String separator, @Nullable StrftimeFormat timestamp, boolean align, boolean color) {
		this.separator = separator;
		this.timestamp = timestamp;
		this.aligner = align ? new TopicAligner() : null;
		this.color = color;
	}

	/**
	 * The colour of a level: colorama's {@code Fore} colours that pyzmq uses, WARN as
	 * WARNING and FATAL as CRITICAL, and TRACE, which pyzmq does not know, in grey
	 * ({@code LIGHTBLACK_EX}), which its reset ends like the others.
	 */
	static String colourOf(@Nullable Level level) {
		if (level == null) {
			return "";
		}
		return switch (level) {
			case TRACE -> "\u001b[90m";
			case DEBUG -> "\u001b[96m";
			case INFO -> "\u001b[97m";
			case WARN -> "\u001b[33m";
			case ERROR, FATAL -> "\u001b[91m";
		};
	}

	/** The line for a decoded message, without its newline. */
	String line(List<byte[]> frames, LogEntry entry, LocalDateTime now) {
		String topic = entry.topic();
		String text = entry.formatted();
		Level level = entry.level();
		if (entry.kind() == EntryKind.STRUCTURED) {
			if (frames.size() == 1) {
				// a cookbook or Logbook record has no topic: its level stands in
				topic = (topic.isEmpty() && level != null) ? level.name() : topic;
			}
			else {
				// only zmqlog's own records (they carry a sequence number) are shown by their
				// formatted text; any other JSON in a payload is printed as sent, as pyzmq does
				text = (entry.seq() != null) ? text : new String(frames.get(1), StandardCharsets.UTF_8);
				level = Topic.levelOf(topic);
			}
		}
		return line(topic, text, level, now);
	}

	/** The line for a topic and text, without its newline. */
	String line(String topic, String text, @Nullable Level level, LocalDateTime now) {
		String stripped = PythonText.strip(topic);
		String shownTopic = (this.aligner != null) ? this.aligner.align(stripped) : stripped;
		StringBuilder line = new StringBuilder(shownTopic.length() + text.length() + 32);
		if (this.timestamp != null) {
			line.append(this.timestamp.format(now)).append(' ');
		}
		if (this.color) {
			line.append(colourOf(level));
		}
		line.append(TerminalText.inert(shownTopic))
			.append(this.separator)
			.append(TerminalText.inert(PythonText.strip(text)));
		if (this.color) {
			line.append(RESET);
		}
		return line.toString();
	}

}
