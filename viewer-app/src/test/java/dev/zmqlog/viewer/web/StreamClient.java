package dev.zmqlog.viewer.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import dev.zmqlog.viewer.ViewerApi;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A browser that reads the live stream as fast as it comes, with the JDK's WebSocket
 * client, and keeps what it got: the frames in order.
 */
final class StreamClient implements WebSocket.Listener, AutoCloseable {

	/** One frame: entries, or a count of skipped entries. */
	private volatile @Nullable String instance;

	record Frame(List<JsonNode> entries, long skipped) {
	}

	private final List<Frame> frames = new ArrayList<>();

	private final StringBuilder partial = new StringBuilder();

	private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

	private volatile long lastId = -1;

	/** When each entry arrived, by id ({@link System#nanoTime()}). */
	private final java.util.Map<Long, Long> arrivalNanos = new java.util.concurrent.ConcurrentHashMap<>();

	private final CompletableFuture<String> closed = new CompletableFuture<>();

	private @Nullable WebSocket webSocket;

	static StreamClient connect(int port, String query) {
		StreamClient client = new StreamClient();
		URI uri = URI.create("ws://127.0.0.1:" + port + "/api/stream" + (query.isEmpty() ? "" : "?" + query));
		client.webSocket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(uri, client)
			.orTimeout(10, TimeUnit.SECONDS)
			.join();
		return client;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(1);
	}

	/** Entries come as binary frames of UTF-8 JSON text. */
	@Override
	public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
		byte[] bytes = new byte[data.remaining()];
		data.get(bytes);
		this.binary.writeBytes(bytes);
		if (last) {
			String text = this.binary.toString(java.nio.charset.StandardCharsets.UTF_8);
			this.binary.reset();
			return onText(webSocket, text, true);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			JsonNode frame = ViewerApi.JSON.readTree(this.partial.toString());
			this.partial.setLength(0);
			if ("hello".equals(frame.get("type").asString())) {
				this.instance = frame.get("instance").asString();
				webSocket.request(1);
				return null;
			}
			List<JsonNode> entries = new ArrayList<>();
			long skipped = 0;
			switch (frame.get("type").asString()) {
				case "entries" -> frame.get("entries").forEach(entries::add);
				case "skipped" -> skipped = frame.get("count").asLong();
				default -> throw new IllegalStateException("unknown frame " + frame);
			}
			synchronized (this.frames) {
				this.frames.add(new Frame(entries, skipped));
			}
			long now = System.nanoTime();
			entries.forEach((entry) -> this.arrivalNanos.put(entry.get("id").asLong(), now));
			if (!entries.isEmpty()) {
				this.lastId = entries.get(entries.size() - 1).get("id").asLong();
			}
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(statusCode + " " + reason);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.complete("error " + error);
	}

	List<Frame> frames() {
		synchronized (this.frames) {
			return List.copyOf(this.frames);
		}
	}

	List<JsonNode> entries() {
		return frames().stream().flatMap((frame) -> frame.entries().stream()).toList();
	}

	List<Long> ids() {
		return entries().stream().map((entry) -> entry.get("id").asLong()).toList();
	}

	List<String> messages() {
		return entries().stream().map((entry) -> entry.get("message").asString()).toList();
	}

	/** When the entry with this id arrived ({@link System#nanoTime()}), or {@code null}. */
	@Nullable Long arrivalNanos(long id) {
		return this.arrivalNanos.get(id);
	}

	/** The viewer instance the greeting named. */
	@Nullable String instance() {
		return this.instance;
	}

	long skipped() {
		return frames().stream().mapToLong(Frame::skipped).sum();
	}

	/** The id of the last entry received, -1 before the first. */
	long lastId() {
		return this.lastId;
	}

	/** How the server closed the stream ({@code "1007 reason"}), or {@code null} while open. */
	@Nullable String closeStatus() {
		return this.closed.getNow(null);
	}

	@Override
	public void close() {
		WebSocket open = this.webSocket;
		if (open != null && !open.isOutputClosed()) {
			open.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally((ex) -> null).join();
		}
		if (open != null) {
			// the server answers the close; the test does not wait for it
			open.abort();
		}
	}

}
