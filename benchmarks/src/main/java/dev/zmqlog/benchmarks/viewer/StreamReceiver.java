package dev.zmqlog.benchmarks.viewer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A browser stand-in on the viewer's {@code /api/stream}, with the JDK's WebSocket client.
 * It reads every frame as it comes ({@link StreamFrameScanner}) and counts what matters:
 * entries, ids missing or repeated, entries the viewer said it skipped, and the latency
 * from the logging call to receipt.
 */
final class StreamReceiver implements WebSocket.Listener, StreamFrameScanner.Entries, AutoCloseable {

	private final StreamFrameScanner scanner = new StreamFrameScanner();

	private final StringBuilder partial = new StringBuilder();

	/** The frame being received, its bytes in {@code [0, frameLength)}; reused for every frame. */
	private byte[] frame = new byte[64 * 1024];

	private int frameLength;

	/** Microseconds from the logging call to receipt. */
	private final Recorder latency = new Recorder(TimeUnit.HOURS.toMicros(1), 3);

	private final WebSocket webSocket;

	/** When the frame being read arrived, in microseconds since the epoch. */
	private long receivedMicros;

	private long lastId = -1;

	private volatile long entries;

	private volatile long missing;

	private volatile long repeated;

	private volatile long skipped;

	/**
	 * Frames are read on the client's selector thread ({@code Runnable::run} as its
	 * executor): handing each to a pool thread cost the ten clients about 0.15 of the two
	 * cores they share with the viewer, a load that made the viewer's own CPU per entry
	 * swing with it.
	 */
	private StreamReceiver(URI uri) {
		this.webSocket = HttpClient.newBuilder()
			.executor(Runnable::run)
			.build()
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

	private void frame(byte[] bytes, int length) {
		this.receivedMicros = epochMicros(Instant.now());
		this.scanner.scan(bytes, length, this);
	}

	@Override
	public void entry(long id, long timeMicros) {
		if (timeMicros != StreamFrameScanner.NO_TIME) {
			this.latency.recordValue(Math.max(0, this.receivedMicros - timeMicros));
		}
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

	@Override
	public void skipped(long count) {
		this.skipped += count;
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
