package dev.zmqlog.benchmarks.viewer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A browser stand-in on the viewer's {@code /api/stream}, with the JDK's WebSocket client.
 * It reads every frame as it comes, takes each entry's {@code id} and {@code time} (the
 * logging call's time, for JSON publishers) and counts what matters: entries, ids missing
 * or repeated, entries the viewer said it skipped, and the latency from the logging call
 * to receipt. It scans for the two fields instead of building a JSON tree, so that ten of
 * them in one JVM measure the viewer rather than their own parsing.
 */
final class StreamReceiver implements WebSocket.Listener, AutoCloseable {

	private static final String ENTRY_START = "{\"id\":";

	private static final String TIME_FIELD = "\"time\":\"";

	private final StringBuilder partial = new StringBuilder();

	private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

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

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		if (last && this.partial.isEmpty()) {
			frame(data.toString());
		}
		else {
			this.partial.append(data);
			if (last) {
				frame(this.partial.toString());
				this.partial.setLength(0);
			}
		}
		webSocket.request(1);
		return null;
	}

	/** The viewer sends entries as binary frames of UTF-8 JSON text (an older one as text frames). */
	@Override
	public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
		byte[] bytes = new byte[data.remaining()];
		data.get(bytes);
		this.binary.writeBytes(bytes);
		if (last) {
			frame(this.binary.toString(java.nio.charset.StandardCharsets.UTF_8));
			this.binary.reset();
		}
		webSocket.request(1);
		return null;
	}

	private void frame(String text) {
		long receivedMicros = epochMicros(Instant.now());
		if (text.length() < 100 && text.contains("\"type\":\"skipped\"")) {
			this.skipped += Long.parseLong(text.replaceAll("\\D", ""));
			return;
		}
		int at = text.indexOf(ENTRY_START);
		while (at >= 0) {
			int idStart = at + ENTRY_START.length();
			int idEnd = idStart;
			while (Character.isDigit(text.charAt(idEnd))) {
				idEnd++;
			}
			entry(Long.parseLong(text, idStart, idEnd, 10));
			int time = text.indexOf(TIME_FIELD, idEnd) + TIME_FIELD.length();
			long createdMicros = isoInstantMicros(text, time);
			this.latency.recordValue(Math.max(0, receivedMicros - createdMicros));
			at = text.indexOf(ENTRY_START, time);
		}
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
	 * would cost the client more than the rest of its work.
	 */
	static long isoInstantMicros(String text, int at) {
		long epochDay = LocalDate.of(digits(text, at, 4), digits(text, at + 5, 2), digits(text, at + 8, 2)).toEpochDay();
		long seconds = epochDay * 86_400 + digits(text, at + 11, 2) * 3_600L + digits(text, at + 14, 2) * 60L
				+ digits(text, at + 17, 2);
		long micros = 0;
		int scale = 100_000;
		for (int i = at + 20; text.charAt(at + 19) == '.' && Character.isDigit(text.charAt(i)); i++) {
			micros += (text.charAt(i) - '0') * (long) scale;
			scale /= 10;
		}
		return seconds * 1_000_000 + micros;
	}

	private static int digits(String text, int at, int count) {
		return Integer.parseInt(text, at, at + count, 10);
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
