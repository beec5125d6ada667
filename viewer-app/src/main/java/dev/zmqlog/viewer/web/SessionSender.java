package dev.zmqlog.viewer.web;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.zmqlog.viewer.history.EntryFilter;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * Sends one browser its entries. A send starts as soon as an entry is queued for an idle
 * browser, so a quiet stream arrives without delay; what is queued while a frame is on
 * its way goes out in the next frame, so a busy stream comes in few large frames. Frames
 * start at least {@value #MIN_FRAME_INTERVAL_MILLIS} ms apart, since a browser parses only
 * so many frames a second. Entries are written as JSON once for every browser
 * ({@link StreamedEntry}) and a frame is those texts written one after the other.
 */
final class SessionSender {

	/**
	 * At most 100 frames a second per browser: at a low rate a frame costs the browser and
	 * the viewer more than the entries in it.
	 */
	static final long MIN_FRAME_INTERVAL_MILLIS = 10;

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

	/** When the last frame started: written by the sender of the moment, read by whoever wakes it. */
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
		try (Writer writer = frameWriter()) {
			writer.write(frame);
		}
	}

	/** Sends the entries in frames of at most {@link #MAX_FRAME_CHARS}, or one entry. */
	private void sendEntries(List<StreamedEntry> entries) throws IOException {
		int next = 0;
		while (next < entries.size()) {
			try (Writer writer = frameWriter()) {
				writer.write(ENTRIES_START);
				int chars = ENTRIES_START.length();
				do {
					String json = entries.get(next).json(this.json);
					if (chars > ENTRIES_START.length()) {
						writer.write(',');
					}
					writer.write(json);
					chars += json.length() + 1;
					next++;
				}
				while (next < entries.size() && chars + entries.get(next).json(this.json).length() < MAX_FRAME_CHARS);
				writer.write(ENTRIES_END);
			}
		}
	}

	/**
	 * Where one frame is written; it goes out when closed. On a standard (JSR 356)
	 * WebSocket session that is the container's own writer, which encodes the entries'
	 * text straight into the socket's buffer: the frame is never built as one string.
	 */
	private Writer frameWriter() throws IOException {
		if (this.session instanceof NativeWebSocketSession nativeSession) {
			Session standard = nativeSession.getNativeSession(Session.class);
			if (standard != null) {
				return new ProgressingWriter(standard.getBasicRemote().getSendWriter());
			}
		}
		return new TextMessageWriter();
	}

	/** Counts a frame as progress once it is out. */
	private final class ProgressingWriter extends FilterWriter {

		ProgressingWriter(Writer frame) {
			super(frame);
		}

		@Override
		public void close() throws IOException {
			super.close();
			SessionSender.this.outbox.progressed();
		}

	}

	/** A frame as one {@link TextMessage}, for sessions of other kinds. */
	private final class TextMessageWriter extends StringWriter {

		@Override
		public void close() throws IOException {
			SessionSender.this.session.sendMessage(new TextMessage(toString()));
			SessionSender.this.outbox.progressed();
		}

	}

}
