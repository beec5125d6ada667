package dev.zmqlog.viewer.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * pyzmq's {@code --align}: pads each topic segment to the widest seen so far at its
 * position, and fills the positions a topic lacks with a space, padded the same way. The
 * widths only grow, so topics line up from the second line on. Not thread-safe: one
 * subscriber thread uses it.
 */
final class TopicAligner {

	private final List<Integer> widths = new ArrayList<>();

	String align(String topic) {
		List<String> segments = new ArrayList<>(List.of(topic.split("\\.", -1)));
		while (segments.size() < this.widths.size()) {
			segments.add(" ");
		}
		StringBuilder aligned = new StringBuilder(topic.length() + 16);
		for (int i = 0; i < segments.size(); i++) {
			String segment = segments.get(i);
			int length = PythonText.length(segment);
			if (i == this.widths.size()) {
				this.widths.add(length);
			}
			else if (length > this.widths.get(i)) {
				this.widths.set(i, length);
			}
			if (i > 0) {
				aligned.append('.');
			}
			aligned.append(segment).append(" ".repeat(this.widths.get(i) - length));
		}
		return aligned.toString();
	}

}
