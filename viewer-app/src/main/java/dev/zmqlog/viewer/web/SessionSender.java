package dev.zmqlog.viewer.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.zmqlog.viewer.history.EntryFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Sends one browser its entries. A send starts as soon as an entry is queued for an idle
 * browser, so a quiet stream arrives without delay; what is queued while a frame is on
 * its way goes out in the next frame, so a busy stream comes in few large frames. Frames
 * start at least {@value #MIN_FRAME_INTERVAL_MILLIS} ms apart, since a browser parses only
 * so many frames a second. Entries are written as JSON once for every browser
 * ({@link StreamedEntry}) and a frame is those texts joined.
 */
final class SessionSender {

	/** At most 200 frames a second per browser. */
	static final long MIN_FRAME_INTERVAL_MILLIS = 5;

	/** Entries taken at once. */
	static final int MAX_BATCH = 2_000;

	/**
	 * Characters in one frame, about: a burst of large entries goes out in frames a slow
	 * browser still reads well within the stall limit, rather than in one huge one.
	 */
	static final int MAX_FRAME_CHARS = 256 * 1024;

	private static final long MIN_FRAME_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(MIN_FRAME_INTERVAL_MILLIS);

	private static final String ENTRIES_START = "{\"type\":\"entries\",\"entries\":[";

	private static final String ENTRIES_END = "]}";

	private static final Logger logger = LoggerFactory.getLogger(SessionSender.class);

	private final WebSocketSession session;

	private final SessionOutbox outbox;

	private final JsonMapper json;

	private final Executor senders;

	private final ScheduledExecutorService timer;

	/** When the last frame started; only the sender of the moment uses it. */
	private volatile long lastFrameNanos = System.nanoTime() - MIN_FRAME_INTERVAL_NANOS;

	SessionSender(WebSocketSession session, EntryFilter filter, int queueSize, JsonMapper json, Executor senders,
			ScheduledExecutorService timer) {
		this.session = session;
		this.outbox = new SessionOutbox(filter, queueSize, this::wake);
		this.json = json;
		this.senders = senders;
		this.timer = timer;
	}

	SessionOutbox outbox() {
		return this.outbox;
	}

	WebSocketSession session() {
		return this.session;
	}

	/** Entries wait and no send is under way: send now, or as soon as the frame interval allows. */
	private void wake() {
		long wait = this.lastFrameNanos + MIN_FRAME_INTERVAL_NANOS - System.nanoTime();
		try {
			if (wait <= 0) {
				this.senders.execute(this::send);
			}
			else {
				this.timer.schedule(() -> this.senders.execute(this::send), wait, TimeUnit.NANOSECONDS);
			}
		}
		catch (RejectedExecutionException ex) {
			// the viewer is stopping
		}
	}

	private void send() {
		try {
			SessionOutbox.Batch batch = this.outbox.take(MAX_BATCH);
			this.lastFrameNanos = System.nanoTime();
			if (batch.skipped() > 0) {
				sendFrame("{\"type\":\"skipped\",\"count\":" + batch.skipped() + "}");
			}
			sendEntries(batch.entries());
			if (this.session.isOpen() && this.outbox.continueSending()) {
				wake();
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Closing stream {}: {}", this.session.getId(), ex.toString());
			LiveStreamHandler.closeQuietly(this.session, CloseStatus.SESSION_NOT_RELIABLE);
		}
	}

	private void sendFrame(String frame) throws IOException {
		this.session.sendMessage(new TextMessage(frame));
		this.outbox.progressed();
	}

	/** Sends the entries in frames of at most {@link #MAX_FRAME_CHARS}, or one entry. */
	private void sendEntries(List<StreamedEntry> entries) throws IOException {
		StringBuilder frame = new StringBuilder(8 * 1024);
		for (StreamedEntry entry : entries) {
			String json = entry.json(this.json);
			if (frame.length() > ENTRIES_START.length()
					&& frame.length() + json.length() + ENTRIES_END.length() > MAX_FRAME_CHARS) {
				sendFrame(frame.append(ENTRIES_END).toString());
				frame.setLength(0);
			}
			frame.append((frame.length() == 0) ? ENTRIES_START : ",").append(json);
		}
		if (!frame.isEmpty()) {
			sendFrame(frame.append(ENTRIES_END).toString());
		}
	}

}
