package dev.zmqlog.logback;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.zmqlog.Topics;
import dev.zmqlog.protocol.SubtopicPrefix;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;

/**
 * Finds an event's subtopic: a {@link Topics#subtopic(String)} marker first, then the
 * configured MDC key, then pyzmq's {@code "sub.topic::message"} prefix.
 */
final class SubtopicResolver {

	private final String delimiter;

	private final @Nullable String mdcKey;

	SubtopicResolver(String delimiter, @Nullable String mdcKey) {
		this.delimiter = delimiter;
		this.mdcKey = (mdcKey == null || mdcKey.isEmpty()) ? null : mdcKey;
	}

	/**
	 * @param event the event
	 * @return the subtopic and the event to format: the event itself, or a view of it
	 * without the message prefix
	 */
	Resolved resolve(ILoggingEvent event) {
		String subtopic = fromMarkers(event.getMarkerList());
		if (subtopic == null && this.mdcKey != null) {
			subtopic = fromMdc(event.getMDCPropertyMap());
		}
		if (subtopic != null) {
			return new Resolved(subtopic, event);
		}
		String message = event.getFormattedMessage();
		if (message == null) {
			return new Resolved(null, event);
		}
		SubtopicPrefix prefix = SubtopicPrefix.split(message, this.delimiter);
		if (prefix.message().length() == message.length()) {
			return new Resolved(null, event);
		}
		return new Resolved(prefix.subtopic(), new MessageReplacedEvent(event, prefix.message()));
	}

	private static @Nullable String fromMarkers(@Nullable List<Marker> markers) {
		if (markers == null) {
			return null;
		}
		for (Marker marker : markers) {
			String subtopic = Topics.subtopicOf(marker);
			if (subtopic != null && !subtopic.isEmpty()) {
				return subtopic;
			}
		}
		return null;
	}

	private @Nullable String fromMdc(@Nullable Map<String, String> mdc) {
		if (mdc == null) {
			return null;
		}
		String value = mdc.get(this.mdcKey);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * @param subtopic the subtopic, or {@code null}
	 * @param event the event to format
	 */
	record Resolved(@Nullable String subtopic, ILoggingEvent event) {
	}

}
