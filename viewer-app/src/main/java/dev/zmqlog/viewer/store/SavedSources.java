package dev.zmqlog.viewer.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.protocol.Source;
import dev.zmqlog.viewer.history.SourceTable.SavedSource;
import org.jspecify.annotations.Nullable;

/**
 * The sources' counts as bytes, kept with each commit. Reading treats the bytes as
 * hostile: a damaged list reads as an {@link IllegalArgumentException}.
 */
final class SavedSources {

	private static final int VERSION = 1;

	/** Text fields are cut to this by the source table already; more means damage. */
	private static final int MAX_TEXT_BYTES = 4096;

	private SavedSources() {
	}

	static byte[] encode(List<SavedSource> sources) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + sources.size() * 128);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(VERSION);
			out.writeInt(sources.size());
			for (SavedSource saved : sources) {
				Source source = saved.source();
				text(out, source.app());
				text(out, source.host());
				out.writeLong((source.pid() != null) ? source.pid() : Long.MIN_VALUE);
				text(out, source.instance());
				out.writeLong(saved.firstSeen().toEpochMilli());
				out.writeLong(saved.lastSeen().toEpochMilli());
				out.writeLong(saved.received());
				out.writeLong(saved.lost());
				out.writeLong(saved.nextSeq());
				text(out, saved.restartOf());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static List<SavedSource> decode(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			if (in.readByte() != VERSION) {
				throw new IllegalArgumentException("unknown sources format");
			}
			int count = in.readInt();
			if (count < 0 || count > bytes.length / 40) {
				throw new IllegalArgumentException("source count " + count + " exceeds the bytes");
			}
			List<SavedSource> sources = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				String app = text(in);
				String host = text(in);
				long pid = in.readLong();
				Source source = new Source(app, host, (pid != Long.MIN_VALUE) ? pid : null, text(in));
				sources.add(new SavedSource(source, Instant.ofEpochMilli(in.readLong()), Instant.ofEpochMilli(in.readLong()),
						in.readLong(), in.readLong(), in.readLong(), text(in)));
			}
			return sources;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("sources cut short", ex);
		}
	}

	private static void text(DataOutputStream out, @Nullable String text) throws IOException {
		if (text == null) {
			out.writeInt(-1);
			return;
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static @Nullable String text(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length == -1) {
			return null;
		}
		if (length < 0 || length > MAX_TEXT_BYTES) {
			throw new IllegalArgumentException("text of " + length + " bytes in the sources");
		}
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

}
