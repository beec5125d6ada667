package dev.zmqlog.viewer.web;

import dev.zmqlog.viewer.history.ViewerEntry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An entry on its way to browsers, with its JSON made once for all of them: the first
 * sender that needs it writes it, the others reuse it.
 */
final class StreamedEntry {

	private final ViewerEntry entry;

	/**
	 * Racy like {@link String#hashCode()}: two senders may both write it, to equal values;
	 * a String is safe to share without a lock.
	 */
	private @Nullable String json;

	StreamedEntry(ViewerEntry entry) {
		this.entry = entry;
	}

	ViewerEntry entry() {
		return this.entry;
	}

	String json(JsonMapper mapper) {
		String written = this.json;
		if (written == null) {
			written = mapper.writeValueAsString(this.entry);
			this.json = written;
		}
		return written;
	}

}
