package dev.zmqlog.viewer.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.zmqlog.viewer.history.EntryFilter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Streams entries to browsers over WebSocket. A browser names its filters, the last entry
 * id it saw and the viewer instance that gave it out in the URL
 * ({@code ?topic=..&level=..&q=..&after=..&instance=..}); it first gets
 * {@code {"type":"hello","instance":".."}}, then JSON frames as entries come, batched
 * while a frame is on its way and at most every
 * {@value SessionSender#MIN_FRAME_INTERVAL_MILLIS} ms: {@code {"type":"entries","entries":[..]}}
 * and, when it fell behind, {@code {"type":"skipped","count":N}} first. An
 * {@code instance} other than this viewer's (it restarted) gets the backlog afresh.
 * Each browser is served on its own ({@link SessionSender}), so a stalled one delays
 * nobody; one that stays stalled for {@value #STALL_SECONDS} s is disconnected.
 */
public final class LiveStreamHandler extends TextWebSocketHandler {

	static final long STALL_SECONDS = 30;

	private static final long STALL_CHECK_MILLIS = 50;

	private final LiveStream liveStream;

	private final JsonMapper json;

	private final int sessionQueueSize;

	private volatile long stallLimitNanos = TimeUnit.SECONDS.toNanos(STALL_SECONDS);

	private final Map<WebSocketSession, SessionSender> sessions = new ConcurrentHashMap<>();

	/** Checks for stalled browsers and starts sends that wait for the frame interval. */
	private final ScheduledExecutorService ticker = Executors
		.newSingleThreadScheduledExecutor(daemon("zmqlog-stream-ticker"));

	private final ExecutorService senders = Executors.newCachedThreadPool(daemon("zmqlog-stream-sender"));

	public LiveStreamHandler(LiveStream liveStream, JsonMapper json, int sessionQueueSize) {
		this.liveStream = liveStream;
		this.json = json;
		this.sessionQueueSize = sessionQueueSize;
		this.ticker.scheduleWithFixedDelay(this::closeStalled, STALL_CHECK_MILLIS, STALL_CHECK_MILLIS,
				TimeUnit.MILLISECONDS);
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		return (runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		MultiValueMap<String, String> query = queryOf(session.getUri());
		EntryFilter filter;
		try {
			filter = EntryFilter.of(query.get("topic"), query.getFirst("level"), query.getFirst("q"));
		}
		catch (IllegalArgumentException ex) {
			closeQuietly(session, CloseStatus.BAD_DATA.withReason(ex.getMessage()));
			return;
		}
		long after = parseId(query.getFirst("after"));
		String instance = query.getFirst("instance");
		if (instance != null && !instance.equals(this.liveStream.instance())) {
			// the browser's ids come from before a restart: it gets the backlog afresh
			after = -1;
		}
		try {
			// sent before the outbox exists, so before any sender can write to the session
			session.sendMessage(new TextMessage(this.json
				.writeValueAsString(Map.of("type", "hello", "instance", this.liveStream.instance()))));
		}
		catch (IOException ex) {
			closeQuietly(session, CloseStatus.SESSION_NOT_RELIABLE);
			return;
		}
		SessionSender sender = new SessionSender(session, filter, this.sessionQueueSize, this.json, this.senders,
				this.ticker);
		this.sessions.put(session, sender);
		this.liveStream.open(sender.outbox(), after);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		SessionSender sender = this.sessions.remove(session);
		if (sender != null) {
			this.liveStream.close(sender.outbox());
		}
	}

	/** How long a browser may take no data before it is disconnected; tests shorten it. */
	void stallLimit(java.time.Duration limit) {
		this.stallLimitNanos = limit.toNanos();
	}

	private void closeStalled() {
		long stallLimit = this.stallLimitNanos;
		this.sessions.forEach((session, sender) -> {
			SessionOutbox outbox = sender.outbox();
			if (outbox.isSending() && System.nanoTime() - outbox.lastProgressNanos() > stallLimit) {
				// closing may wait for the stalled write: not on the thread that starts every browser's sends
				this.senders.execute(
						() -> closeQuietly(session, CloseStatus.SESSION_NOT_RELIABLE.withReason("stalled")));
			}
		});
	}

	static void closeQuietly(WebSocketSession session, CloseStatus status) {
		try {
			session.close(status);
		}
		catch (IOException | RuntimeException ex) {
			// already gone
		}
	}

	private static MultiValueMap<String, String> queryOf(@Nullable URI uri) {
		MultiValueMap<String, String> decoded = new LinkedMultiValueMap<>();
		if (uri != null) {
			UriComponentsBuilder.fromUri(uri).build().getQueryParams().forEach((name, values) -> values
				.forEach((value) -> decoded.add(name, (value != null) ? UriUtils.decode(value, StandardCharsets.UTF_8) : "")));
		}
		return decoded;
	}

	private static long parseId(@Nullable String after) {
		if (after == null || after.isBlank()) {
			return -1;
		}
		try {
			return Long.parseLong(after.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** Browsers connected now. */
	public int sessionCount() {
		return this.sessions.size();
	}

	/** Stops streaming; called when the application context closes. */
	public void shutdown() {
		this.ticker.shutdownNow();
		this.senders.shutdownNow();
		List.copyOf(this.sessions.keySet()).forEach((session) -> closeQuietly(session, CloseStatus.GOING_AWAY));
	}

}
