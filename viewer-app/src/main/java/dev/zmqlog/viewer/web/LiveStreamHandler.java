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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * {@code {"type":"hello","instance":".."}}, then JSON frames, batched every
 * {@value #FLUSH_MILLIS} ms: {@code {"type":"entries","entries":[..]}} and, when it fell
 * behind, {@code {"type":"skipped","count":N}} first. An {@code instance} other than this
 * viewer's (it restarted) gets the backlog afresh.
 * Each browser is served on its own, so a stalled one delays nobody; one that stays
 * stalled for {@value #STALL_SECONDS} s is disconnected.
 */
public final class LiveStreamHandler extends TextWebSocketHandler {

	static final long FLUSH_MILLIS = 50;

	static final long STALL_SECONDS = 30;

	/** Entries in one frame: a burst goes out in a few frames rather than one huge one. */
	static final int MAX_BATCH = 2_000;

	private static final Logger logger = LoggerFactory.getLogger(LiveStreamHandler.class);

	private final LiveStream liveStream;

	private final JsonMapper json;

	private final int sessionQueueSize;

	private volatile long stallLimitNanos = TimeUnit.SECONDS.toNanos(STALL_SECONDS);

	private final Map<WebSocketSession, SessionOutbox> sessions = new ConcurrentHashMap<>();

	private final ScheduledExecutorService ticker = Executors
		.newSingleThreadScheduledExecutor(daemon("zmqlog-stream-ticker"));

	private final ExecutorService senders = Executors.newCachedThreadPool(daemon("zmqlog-stream-sender"));

	public LiveStreamHandler(LiveStream liveStream, JsonMapper json, int sessionQueueSize) {
		this.liveStream = liveStream;
		this.json = json;
		this.sessionQueueSize = sessionQueueSize;
		this.ticker.scheduleWithFixedDelay(this::flushAll, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
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
		SessionOutbox outbox = new SessionOutbox(filter, this.sessionQueueSize);
		this.sessions.put(session, outbox);
		this.liveStream.open(outbox, after);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		SessionOutbox outbox = this.sessions.remove(session);
		if (outbox != null) {
			this.liveStream.close(outbox);
		}
	}

	/** How long a browser may take no data before it is disconnected; tests shorten it. */
	void stallLimit(java.time.Duration limit) {
		this.stallLimitNanos = limit.toNanos();
	}

	private void flushAll() {
		long stallLimit = this.stallLimitNanos;
		this.sessions.forEach((session, outbox) -> {
			if (outbox.isSending()) {
				if (System.nanoTime() - outbox.lastProgressNanos() > stallLimit) {
					closeQuietly(session, CloseStatus.SESSION_NOT_RELIABLE.withReason("stalled"));
				}
				return;
			}
			if (outbox.hasPending() && outbox.startSending()) {
				this.senders.execute(() -> send(session, outbox));
			}
		});
	}

	private void send(WebSocketSession session, SessionOutbox outbox) {
		try {
			while (session.isOpen() && outbox.hasPending()) {
				SessionOutbox.Batch batch = outbox.take(MAX_BATCH);
				if (batch.skipped() > 0) {
					session.sendMessage(new TextMessage(this.json.writeValueAsString(Map.of("type", "skipped", "count", batch.skipped()))));
					outbox.progressed();
				}
				if (!batch.entries().isEmpty()) {
					session.sendMessage(new TextMessage(this.json.writeValueAsString(Map.of("type", "entries", "entries", batch.entries()))));
					outbox.progressed();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Closing stream {}: {}", session.getId(), ex.toString());
			closeQuietly(session, CloseStatus.SESSION_NOT_RELIABLE);
		}
		finally {
			outbox.doneSending();
		}
	}

	private static void closeQuietly(WebSocketSession session, CloseStatus status) {
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
