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
		return new Walk(bytes, offset, length, true).entry();
	}

	/**
	 * What {@code /api/fields} counts of the entry: its other texts (the message, a stack
	 * trace) are stepped over without being made strings, and checked as {@link #decode} checks them.
	 * @throws IllegalArgumentException when the bytes are no entry this class wrote
	 */
	static EntryFacets facets(byte[] bytes, int offset, int length) {
		return new Walk(bytes, offset, length, false).facets();
	}

	/** One pass over an entry's bytes in the order {@link #encode} wrote them; texts not wanted are skipped. */
	private static final class Walk {

		private final boolean whole;

		private long id;

		private @Nullable Instant time;

		private @Nullable Instant received;

		private @Nullable String topic;

		private @Nullable Level level;

		private @Nullable String logger;

		private @Nullable String thread;

		private @Nullable String message;

		private @Nullable String exception;

		private Map<String, String> mdc = Map.of();

		private List<String> markers = List.of();

		private @Nullable Long seq;

		private @Nullable Source source;

		private @Nullable String app;

		private EntryKind kind = EntryKind.TEXT;

		Walk(byte[] bytes, int offset, int length, boolean whole) {
			this.whole = whole;
			ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
			try {
				read(in);
			}
			catch (BufferUnderflowException | java.time.DateTimeException ex) {
				throw new IllegalArgumentException("entry bytes cut short or damaged", ex);
			}
		}

		private void read(ByteBuffer in) {
			byte version = in.get();
			if (version != VERSION) {
				throw new IllegalArgumentException("unknown entry format " + version);
			}
			this.id = in.getLong();
			this.time = instant(in);
			this.received = instant(in);
			this.topic = nonNull(text(in));
			this.level = level(in.get());
			this.logger = string(in);
			this.thread = string(in);
			this.message = nonNull(text(in));
			this.exception = text(in);
			int mdcSize = count(in, 8);
			if (mdcSize > 0) {
				this.mdc = new LinkedHashMap<>();
			}
			for (int i = 0; i < mdcSize; i++) {
				this.mdc.put(nonNull(string(in)), nonNull(string(in)));
			}
			int markerCount = count(in, 4);
			if (markerCount > 0 && this.whole) {
				this.markers = new ArrayList<>(markerCount);
			}
			for (int i = 0; i < markerCount; i++) {
				String marker = nonNull(text(in));
				if (this.whole) {
					this.markers.add(marker);
				}
			}
			this.seq = (in.get() != 0) ? in.getLong() : null;
			if (in.get() != 0) {
				this.app = string(in);
				String host = text(in);
				Long pid = (in.get() != 0) ? in.getLong() : null;
				this.source = new Source(this.app, host, pid, text(in));
			}
			int ordinal = in.get();
			if (ordinal < 0 || ordinal >= KINDS.length || in.hasRemaining()) {
				throw new IllegalArgumentException("entry " + this.id + " does not end where it should");
			}
			this.kind = KINDS[ordinal];
		}

		/** A text the facets do not count: read for a whole entry, else only checked and stepped over ("" for present). */
		private @Nullable String text(ByteBuffer in) {
			if (this.whole) {
				return string(in);
			}
			int length = length(in);
			if (length == -1) {
				return null;
			}
			in.position(in.position() + length);
			return "";
		}

		ViewerEntry entry() {
			return new ViewerEntry(this.id, nonNull(this.time), nonNull(this.received), nonNull(this.topic), this.level,
					this.logger, this.thread, nonNull(this.message), this.exception, this.mdc, this.markers, this.seq,
					this.source, this.kind);
		}

		EntryFacets facets() {
			return new EntryFacets(this.logger, this.thread, this.app, this.mdc);
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
		int length = length(in);
		if (length == -1) {
			return null;
		}
		String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
		in.position(in.position() + length);
		return text;
	}

	/** A string's length in bytes, checked against the bytes left; -1 for {@code null}. */
	private static int length(ByteBuffer in) {
		int length = in.getInt();
		if (length < -1 || length > in.remaining()) {
			throw new IllegalArgumentException("string of " + length + " bytes exceeds the bytes left");
		}
		return length;
	}

	private static <T> T nonNull(@Nullable T value) {
		if (value == null) {
			throw new IllegalArgumentException("a required text is missing");
		}
		return value;
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
