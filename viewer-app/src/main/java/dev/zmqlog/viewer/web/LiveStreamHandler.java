package dev.zmqlog.viewer.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.EntryJson;
import dev.zmqlog.viewer.store.EntryHistory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Streams entries to browsers over WebSocket. A browser names its filters (the API's), the
 * last entry id it saw and the viewer instance that gave it out in the URL
 * ({@code ?topic=..&level=..&q=..&after=..&instance=..}); it first gets the text frame
 * {@code {"type":"hello","instance":".."}}, then binary frames of UTF-8 JSON as entries
 * come: {@code {"type":"entries","entries":[..]}} and, when it fell behind,
 * {@code {"type":"skipped","count":N}} first. An {@code instance} other than this
 * viewer's (it restarted) gets the backlog afresh, unless the store keeps ids across
 * restarts: then it resumes after its last id, from the store. Each browser is served on its own
 * ({@link BrowserSender}), so a stalled one delays nobody; one that stays stalled for
 * {@code stall-timeout} (30 s) of the viewer's running time is disconnected.
 */
public final class LiveStreamHandler extends TextWebSocketHandler {

	private static final Duration STALL_TICK = Duration.ofMillis(50);

	private final Broadcaster broadcaster;

	private final EntryHistory history;

	private final EntryJson json;

	private final int sessionQueueSize;

	private final long sessionMaxBytes;

	/** New at every start: ids from another instance mean nothing here. */
	private final String instance = java.util.UUID.randomUUID().toString();

	private final Map<WebSocketSession, BrowserSender> sessions = new ConcurrentHashMap<>();

	private final StallWatch stallWatch;

	/** Checks for stalled browsers. */
	private final ScheduledExecutorService ticker = Executors
		.newSingleThreadScheduledExecutor(daemon("zmqlog-stream-ticker"));

	private final ExecutorService senders = Executors.newCachedThreadPool(daemon("zmqlog-stream-sender"));

	/** Backlog lookups at once: with two cores, one is left to ingestion however many browsers join. */
	private final Semaphore backlogLookups = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

	public LiveStreamHandler(Broadcaster broadcaster, EntryHistory history, EntryJson json, int sessionQueueSize,
			long sessionMaxBytes, Duration stallLimit, LongSupplier nanoTime) {
		this.broadcaster = broadcaster;
		this.history = history;
		this.json = json;
		this.sessionQueueSize = sessionQueueSize;
		this.sessionMaxBytes = sessionMaxBytes;
		this.stallWatch = new StallWatch(nanoTime, STALL_TICK, stallLimit);
		this.ticker.scheduleWithFixedDelay(this::closeStalled, STALL_TICK.toMillis(), STALL_TICK.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private static ThreadFactory daemon(String name) {
		return (runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	/** This viewer run's identity, which browsers send back with {@code after}. */
	public String instance() {
		return this.instance;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		MultiValueMap<String, String> query = queryOf(session.getUri());
		EntryFilter filter;
		try {
			filter = EntryFilter.of(query).withoutTime();
		}
		catch (IllegalArgumentException ex) {
			closeQuietly(session, CloseStatus.BAD_DATA.withReason(ex.getMessage()));
			return;
		}
		long after = parseId(query.getFirst("after"));
		String instance = query.getFirst("instance");
		if (instance != null && !instance.equals(this.instance) && !this.history.durable()) {
			// the browser's ids come from before a restart, and ids started again: it gets the backlog afresh
			after = -1;
		}
		try {
			// sent before the browser joins, so before any sender can write to the session
			session.sendMessage(new TextMessage("{\"type\":\"hello\",\"instance\":\"" + this.instance + "\"}"));
		}
		catch (IOException ex) {
			closeQuietly(session, CloseStatus.SESSION_NOT_RELIABLE);
			return;
		}
		BrowserSender sender = new BrowserSender(session, filter,
				new BrowserOutbox(this.sessionQueueSize, this.sessionMaxBytes), this.history, this.json, this.senders,
				this.backlogLookups);
		this.sessions.put(session, sender);
		this.broadcaster.join(sender, after);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		// the broadcaster drops closed sessions itself
		this.sessions.remove(session);
	}

	/** How long a browser may take no data before it is disconnected; tests shorten it. */
	void stallLimit(Duration limit) {
		this.stallWatch.stallLimit(limit);
	}

	private void closeStalled() {
		this.stallWatch.tick(this.sessions.values(), (browser) ->
		// closing may wait for the stalled write: not on the thread that watches every browser
		this.senders.execute(
				() -> closeQuietly(browser.session(), CloseStatus.SESSION_NOT_RELIABLE.withReason("stalled"))));
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
				.forEach((value) -> decoded.add(name, (value != null) ? decode(value) : "")));
		}
		return decoded;
	}

	/** A malformed escape is taken as it is written rather than refused. */
	private static String decode(String value) {
		try {
			return UriUtils.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
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
