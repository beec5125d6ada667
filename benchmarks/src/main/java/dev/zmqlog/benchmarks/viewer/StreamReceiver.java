package dev.zmqlog.benchmarks.viewer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A browser stand-in on the viewer's {@code /api/stream}, with the JDK's WebSocket client.
 * It reads every frame as it comes, takes each entry's {@code id} and {@code time} (the
 * logging call's time, for JSON publishers) and counts what matters: entries, ids missing
 * or repeated, entries the viewer said it skipped, and the latency from the logging call
 * to receipt. It scans a frame's bytes for the two fields, without decoding the frame into
 * a string or building a JSON tree, so that ten of them on the viewer's own cores measure
 * the viewer rather than their own work: at 100,000 entries a second, decoding each frame
 * into a string cost the ten clients about 0.3 cores more.
 */
final class StreamReceiver implements WebSocket.Listener, AutoCloseable {

	private static final String ENTRY_START = "{\"id\":";

	private static final String TIME_FIELD = "\"time\":\"";

	/** The longest frame that may be a skip notice rather than entries. */
	private static final int SKIP_NOTICE_MAX = 100;

	/** {@code 2026-11-22T04:05:06}: the length of an instant up to its fraction. */
	private static final int SECOND_LENGTH = 19;

	private final StringBuilder partial = new StringBuilder();

	/** The second of the last instant read, as text and as seconds since the epoch. */
	private final byte[] lastSecond = new byte[SECOND_LENGTH];

	private long lastEpochSecond;

	/** The frame being received, its bytes in {@code [0, frameLength)}; reused for every frame. */
	private byte[] frame = new byte[64 * 1024];

	private int frameLength;

	/** Microseconds from the logging call to receipt. */
	private final Recorder latency = new Recorder(TimeUnit.HOURS.toMicros(1), 3);

	private final WebSocket webSocket;

	private long lastId = -1;

	private volatile long entries;

	private volatile long missing;

	private volatile long repeated;

	private volatile long skipped;

	private StreamReceiver(URI uri) {
		this.webSocket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(uri, this)
			.orTimeout(20, TimeUnit.SECONDS)
			.join();
	}

	static StreamReceiver connect(int port) {
		return new StreamReceiver(URI.create("ws://127.0.0.1:" + port + "/api/stream"));
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(1);
	}

	/** An older viewer sends entries as text frames; their fields are ASCII, so Latin-1 bytes serve. */
	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			byte[] text = this.partial.toString().getBytes(StandardCharsets.ISO_8859_1);
			this.partial.setLength(0);
			frame(text, text.length);
		}
		webSocket.request(1);
		return null;
	}

	/** The viewer sends entries as binary frames of UTF-8 JSON text, read here without decoding. */
	@Override
	public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
		int length = data.remaining();
		if (this.frameLength + length > this.frame.length) {
			this.frame = Arrays.copyOf(this.frame, Math.max(this.frame.length * 2, this.frameLength + length));
		}
		data.get(this.frame, this.frameLength, length);
		this.frameLength += length;
		if (last) {
			frame(this.frame, this.frameLength);
			this.frameLength = 0;
		}
		webSocket.request(1);
		return null;
	}

	/**
	 * Reads a frame's entries. The fields are found with {@link String#indexOf} on a Latin-1
	 * copy of the bytes, which the JIT vectorises (a byte loop here cost the clients twice
	 * as much), and their digits are read from the bytes in place.
	 */
	private void frame(byte[] bytes, int length) {
		long receivedMicros = epochMicros(Instant.now());
		String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
		if (length < SKIP_NOTICE_MAX && text.contains("\"type\":\"skipped\"")) {
			this.skipped += Long.parseLong(text.replaceAll("\\D", ""));
			return;
		}
		int at = text.indexOf(ENTRY_START);
		while (at >= 0) {
			int idEnd = at + ENTRY_START.length();
			long id = 0;
			while (isDigit(bytes[idEnd])) {
				id = id * 10 + (bytes[idEnd++] - '0');
			}
			entry(id);
			int timeField = text.indexOf(TIME_FIELD, idEnd);
			if (timeField < 0) {
				return;
			}
			int time = timeField + TIME_FIELD.length();
			this.latency.recordValue(Math.max(0, receivedMicros - isoInstantMicros(bytes, time)));
			at = text.indexOf(ENTRY_START, time);
		}
	}

	private static boolean isDigit(byte b) {
		return b >= '0' && b <= '9';
	}

	private void entry(long id) {
		if (this.lastId >= 0 && id <= this.lastId) {
			this.repeated++;
			return;
		}
		if (this.lastId >= 0 && id > this.lastId + 1) {
			this.missing += id - this.lastId - 1;
		}
		this.lastId = id;
		this.entries++;
	}

	/**
	 * Microseconds since the epoch of an ISO-8601 instant in UTC such as
	 * {@code 2026-11-22T04:05:06.123456Z}, read in place: {@link Instant#parse} per entry
	 * would cost the client more than the rest of its work. The entries of a frame mostly
	 * share their second, so the last one read is kept and only the fraction is read again.
	 */
	long isoInstantMicros(byte[] text, int at) {
		if (!Arrays.equals(text, at, at + SECOND_LENGTH, this.lastSecond, 0, SECOND_LENGTH)) {
			System.arraycopy(text, at, this.lastSecond, 0, SECOND_LENGTH);
			this.lastEpochSecond = epochSecond(text, at);
		}
		long micros = 0;
		int scale = 100_000;
		for (int i = at + 20; text[at + 19] == '.' && isDigit(text[i]); i++) {
			micros += (text[i] - '0') * (long) scale;
			scale /= 10;
		}
		return this.lastEpochSecond * 1_000_000 + micros;
	}

	private static long epochSecond(byte[] text, int at) {
		long epochDay = LocalDate.of(digits(text, at, 4), digits(text, at + 5, 2), digits(text, at + 8, 2)).toEpochDay();
		return epochDay * 86_400 + digits(text, at + 11, 2) * 3_600L + digits(text, at + 14, 2) * 60L
				+ digits(text, at + 17, 2);
	}

	private static int digits(byte[] text, int at, int count) {
		int value = 0;
		for (int i = at; i < at + count; i++) {
			value = value * 10 + (text[i] - '0');
		}
		return value;
	}

	private static long epochMicros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
	}

	/** Entries received, each id once. */
	long entries() {
		return this.entries;
	}

	/** Ids never received, whether the viewer said it skipped them or not. */
	long missing() {
		return this.missing;
	}

	long repeated() {
		return this.repeated;
	}

	/** Entries the viewer said it skipped for this client. */
	long skipped() {
		return this.skipped;
	}

	/** Latencies since the last call, in microseconds. */
	Histogram latencySinceLastCall() {
		return this.latency.getIntervalHistogram();
	}

	@Override
	public void close() {
		this.webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally((ex) -> null).join();
		this.webSocket.abort();
	}

}
