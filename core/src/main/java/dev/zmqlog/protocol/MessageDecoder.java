package dev.zmqlog.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Decodes received ZeroMQ messages, liberal in what it accepts: zmqlog's two-frame text
 * and JSON messages, pyzmq's PUBHandler, one-frame JSON records (the logging cookbook,
 * Logbook), one-frame text (Log4j2's JeroMQ appender). Malformed input becomes raw text
 * or a rejection, never an exception. Thread-safe.
 */
public final class MessageDecoder {

	/** The default limit on a message's total size: 1 MiB. */
	public static final int DEFAULT_MAX_MESSAGE_SIZE = 1024 * 1024;

	private final int maxMessageSize;

	private final JsonRecordReader jsonReader;

	private final RecentTopics topics = new RecentTopics();

	/** What a record of a one-frame message is read without. */
	private final Set<RecordProperty> skippedAlone;

	/** What a record after a topic frame is read without: its {@code topic} too, as the frame gives it. */
	private final Set<RecordProperty> skippedAfterTopic;

	public MessageDecoder() {
		this(DEFAULT_MAX_MESSAGE_SIZE);
	}

	/**
	 * @param maxMessageSize the largest total size of a message's frames that is accepted
	 */
	public MessageDecoder(int maxMessageSize) {
		this(maxMessageSize, new JsonRecordReader(checkedSize(maxMessageSize)), EnumSet.noneOf(RecordProperty.class));
	}

	private static int checkedSize(int maxMessageSize) {
		if (maxMessageSize < 0) {
			throw new IllegalArgumentException("maxMessageSize must not be negative, was " + maxMessageSize);
		}
		return maxMessageSize;
	}

	private MessageDecoder(int maxMessageSize, JsonRecordReader jsonReader, Set<RecordProperty> skipped) {
		this.maxMessageSize = maxMessageSize;
		this.jsonReader = jsonReader;
		this.skippedAlone = EnumSet.copyOf(skipped);
		this.skippedAfterTopic = EnumSet.copyOf(skipped);
		this.skippedAfterTopic.add(RecordProperty.TOPIC);
	}

	/**
	 * A decoder like this one that leaves a record's {@code formatted} text (the
	 * publisher's own line) unread: an entry's {@link LogEntry#formatted()} is then its
	 * message and exception, as for a record without one. For a receiver that shows the
	 * message and the exception on their own and need not decode the same text twice.
	 */
	public MessageDecoder ignoringFormatted() {
		Set<RecordProperty> skipped = EnumSet.copyOf(this.skippedAlone);
		skipped.add(RecordProperty.FORMATTED);
		return new MessageDecoder(this.maxMessageSize, this.jsonReader, skipped);
	}

	/**
	 * Decodes one message.
	 * @param frames the message's frames, in order
	 * @return the entry, or the reason it was rejected
	 */
	public DecodeResult decode(List<byte[]> frames) {
		try {
			return decodeChecked(frames);
		}
		catch (RuntimeException ex) {
			// the decoder's promise is that no input stops a receiver
			return DecodeResult.rejected("undecodable message: " + ex);
		}
	}

	private DecodeResult decodeChecked(List<byte[]> frames) {
		if (frames.isEmpty()) {
			return DecodeResult.rejected("empty message");
		}
		long size = 0;
		for (byte[] frame : frames) {
			size += frame.length;
		}
		if (size > this.maxMessageSize) {
			return DecodeResult.rejected("message of " + size + " bytes exceeds the limit of " + this.maxMessageSize);
		}
		return switch (frames.size()) {
			case 1 -> decodeOneFrame(frames.get(0));
			case 2 -> decodeTwoFrames(frames.get(0), frames.get(1));
			default -> DecodeResult.accepted(raw(frames));
		};
	}

	private DecodeResult decodeOneFrame(byte[] payload) {
		if (payload.length == 0) {
			return DecodeResult.rejected("empty message");
		}
		// checked before JSON parsing: the parser lets overlong and out-of-range sequences through
		if (!Utf8.isWellFormed(payload)) {
			return DecodeResult.accepted(raw(List.of(payload)));
		}
		LogEntry structured = structured(payload, null);
		if (structured != null) {
			return DecodeResult.accepted(structured);
		}
		return DecodeResult.accepted(LogEntry.text(EntryKind.PLAIN, "", lenientUtf8(payload)));
	}

	private DecodeResult decodeTwoFrames(byte[] topicFrame, byte[] payload) {
		String topic = this.topics.text(topicFrame, MessageDecoder::strictUtf8);
		if (topic == null || !Utf8.isWellFormed(payload)) {
			return DecodeResult.accepted(raw(List.of(topicFrame, payload)));
		}
		LogEntry structured = structured(payload, topic);
		if (structured != null) {
			return DecodeResult.accepted(structured);
		}
		return DecodeResult.accepted(textEntry(topic, lenientUtf8(payload)));
	}

	/** pyzmq's text, with the traceback of {@code logger.exception(..)} as the entry's exception. */
	private static LogEntry textEntry(String topic, String text) {
		LogEntry entry = LogEntry.text(EntryKind.TEXT, topic, text);
		PythonTraceback split = PythonTraceback.split(text);
		if (split == null) {
			return entry;
		}
		return new LogEntry(EntryKind.TEXT, topic, entry.level(), null, null, split.message(), split.traceback(), text,
				null, Map.of(), List.of(), null, null);
	}

	/** The entry of a JSON record, or {@code null}; the payload is well-formed UTF-8. */
	private @Nullable LogEntry structured(byte[] payload, @Nullable String wireTopic) {
		if (!JsonRecordReader.looksLikeObject(payload)) {
			return null;
		}
		JsonRecord record = this.jsonReader.read(payload,
				(wireTopic != null) ? this.skippedAfterTopic : this.skippedAlone);
		return (record != null) ? JsonRecordMapping.toEntry(record, wireTopic, payload) : null;
	}

	/** Shows what arrived: the first frame as topic, the others as lines of text. */
	private static LogEntry raw(List<byte[]> frames) {
		String topic = (frames.size() > 1) ? lenientUtf8(frames.get(0)) : "";
		StringBuilder text = new StringBuilder();
		for (int i = (frames.size() > 1) ? 1 : 0; i < frames.size(); i++) {
			if (text.length() > 0) {
				text.append('\n');
			}
			text.append(lenientUtf8(frames.get(i)));
		}
		return LogEntry.text(EntryKind.RAW, topic, text.toString());
	}

	private static @Nullable String strictUtf8(byte[] bytes) {
		// the JDK's own decoding is the fast path; it turns what is malformed into U+FFFD
		String text = new String(bytes, StandardCharsets.UTF_8);
		return (text.indexOf('\uFFFD') < 0) ? text : strictlyDecoded(bytes);
	}

	/** Decodes text that has U+FFFD: malformed input, or that character as sent. */
	private static @Nullable String strictlyDecoded(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			return decoder.decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/** Replaces what is malformed with U+FFFD; exact for bytes known to be well-formed. */
	private static String lenientUtf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
