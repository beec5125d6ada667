package dev.zmqlog.viewer.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.zmqlog.protocol.EntryKind;
import dev.zmqlog.protocol.Level;
import dev.zmqlog.protocol.Source;
import dev.zmqlog.viewer.entry.ViewerEntry;
import org.jspecify.annotations.Nullable;

/**
 * An entry as a store keeps it: a compact binary form, read back exactly. Reading
 * treats the bytes as hostile (a damaged file): every length is checked against what is
 * there, and anything that does not add up is an {@link IllegalArgumentException}, never
 * a huge allocation.
 */
final class EntryBytes {

	private static final byte VERSION = 1;

	private static final Level[] LEVELS = Level.values();

	private static final EntryKind[] KINDS = EntryKind.values();

	private EntryBytes() {
	}

	static byte[] encode(ViewerEntry entry) {
		Output out = new Output(256 + 2 * entry.message().length());
		out.buffer.put(VERSION);
		out.putLong(entry.id());
		out.putInstant(entry.time());
		out.putInstant(entry.received());
		out.putString(entry.topic());
		out.putByte((entry.level() != null) ? entry.level().ordinal() : -1);
		out.putString(entry.logger());
		out.putString(entry.thread());
		out.putString(entry.message());
		out.putString(entry.exception());
		out.putInt(entry.mdc().size());
		entry.mdc().forEach((key, value) -> {
			out.putString(key);
			out.putString(value);
		});
		out.putInt(entry.markers().size());
		entry.markers().forEach(out::putString);
		out.putByte((entry.seq() != null) ? 1 : 0);
		if (entry.seq() != null) {
			out.putLong(entry.seq());
		}
		Source source = entry.source();
		out.putByte((source != null) ? 1 : 0);
		if (source != null) {
			out.putString(source.app());
			out.putString(source.host());
			out.putByte((source.pid() != null) ? 1 : 0);
			if (source.pid() != null) {
				out.putLong(source.pid());
			}
			out.putString(source.instance());
		}
		out.putByte(entry.kind().ordinal());
		byte[] bytes = new byte[out.buffer.position()];
		out.buffer.flip().get(bytes);
		return bytes;
	}

	/**
	 * @throws IllegalArgumentException when the bytes are no entry this class wrote
	 */
	static ViewerEntry decode(byte[] bytes, int offset, int length) {
		ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
		try {
			byte version = in.get();
			if (version != VERSION) {
				throw new IllegalArgumentException("unknown entry format " + version);
			}
			long id = in.getLong();
			Instant time = instant(in);
			Instant received = instant(in);
			String topic = nonNull(string(in));
			Level level = level(in.get());
			String logger = string(in);
			String thread = string(in);
			String message = nonNull(string(in));
			String exception = string(in);
			int mdcSize = count(in, 8);
			Map<String, String> mdc = (mdcSize == 0) ? Map.of() : new LinkedHashMap<>();
			for (int i = 0; i < mdcSize; i++) {
				mdc.put(nonNull(string(in)), nonNull(string(in)));
			}
			int markerCount = count(in, 4);
			List<String> markers = (markerCount == 0) ? List.of() : new ArrayList<>(markerCount);
			for (int i = 0; i < markerCount; i++) {
				markers.add(nonNull(string(in)));
			}
			Long seq = (in.get() != 0) ? in.getLong() : null;
			Source source = null;
			if (in.get() != 0) {
				String app = string(in);
				String host = string(in);
				Long pid = (in.get() != 0) ? in.getLong() : null;
				source = new Source(app, host, pid, string(in));
			}
			int kind = in.get();
			if (kind < 0 || kind >= KINDS.length || in.hasRemaining()) {
				throw new IllegalArgumentException("entry " + id + " does not end where it should");
			}
			return new ViewerEntry(id, time, received, topic, level, logger, thread, message, exception, mdc, markers,
					seq, source, KINDS[kind]);
		}
		catch (BufferUnderflowException | java.time.DateTimeException ex) {
			throw new IllegalArgumentException("entry bytes cut short or damaged", ex);
		}
	}

	private static Instant instant(ByteBuffer in) {
		return Instant.ofEpochSecond(in.getLong(), in.getInt());
	}

	private static @Nullable Level level(byte ordinal) {
		if (ordinal == -1) {
			return null;
		}
		if (ordinal < 0 || ordinal >= LEVELS.length) {
			throw new IllegalArgumentException("no level " + ordinal);
		}
		return LEVELS[ordinal];
	}

	/** A count of items that take at least {@code minBytes} each: never more than the bytes left allow. */
	private static int count(ByteBuffer in, int minBytes) {
		int count = in.getInt();
		if (count < 0 || (long) count * minBytes > in.remaining()) {
			throw new IllegalArgumentException("count " + count + " exceeds the bytes left");
		}
		return count;
	}

	private static @Nullable String string(ByteBuffer in) {
		int length = in.getInt();
		if (length == -1) {
			return null;
		}
		if (length < 0 || length > in.remaining()) {
			throw new IllegalArgumentException("string of " + length + " bytes exceeds the bytes left");
		}
		String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
		in.position(in.position() + length);
		return text;
	}

	private static String nonNull(@Nullable String text) {
		if (text == null) {
			throw new IllegalArgumentException("a required text is missing");
		}
		return text;
	}

	/** A growing buffer. */
	private static final class Output {

		private ByteBuffer buffer;

		Output(int capacity) {
			this.buffer = ByteBuffer.allocate(capacity);
		}

		private void room(int bytes) {
			if (this.buffer.remaining() < bytes) {
				ByteBuffer larger = ByteBuffer.allocate(Math.max(this.buffer.capacity() * 2, this.buffer.position() + bytes));
				this.buffer.flip();
				larger.put(this.buffer);
				this.buffer = larger;
			}
		}

		void putByte(int value) {
			room(1);
			this.buffer.put((byte) value);
		}

		void putInt(int value) {
			room(4);
			this.buffer.putInt(value);
		}

		void putLong(long value) {
			room(8);
			this.buffer.putLong(value);
		}

		void putInstant(Instant instant) {
			putLong(instant.getEpochSecond());
			putInt(instant.getNano());
		}

		void putString(@Nullable String text) {
			if (text == null) {
				putInt(-1);
				return;
			}
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			putInt(bytes.length);
			room(bytes.length);
			this.buffer.put(bytes);
		}

	}

}
