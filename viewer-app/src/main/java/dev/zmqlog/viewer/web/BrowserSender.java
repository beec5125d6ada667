package dev.zmqlog.viewer.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.EntryJson;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.RecentWindow;
import dev.zmqlog.viewer.store.EntryHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * Sends one browser its entries, on a thread of its own while it sends: its filter, its
 * backlog lookup and its socket writes cost nobody else. A browser that wants every entry
 * gets the frames the broadcaster made once for all; another gets frames made of the
 * entries' shared JSON that its filter admits. Frames are binary WebSocket messages of
 * UTF-8 JSON text, so the bytes are written as they are, not encoded again per browser.
 */
final class BrowserSender {

	/** Entries sent to a browser that joins without saying what it saw. */
	static final int INITIAL_BACKLOG = 5_000;

	/** Entries a resuming browser gets from the store at most (the newest it missed); those before are skipped. */
	static final int MAX_RESUMED_FROM_STORE = 10_000;

	/** The longest a backlog lookup may take: a costly filter gets what was found by then. */
	static final long BACKLOG_LIMIT_NANOS = 2_000_000_000L;

	private static final Logger logger = LoggerFactory.getLogger(BrowserSender.class);

	private final WebSocketSession session;

	private final EntryFilter filter;

	private final BrowserOutbox outbox;

	private final EntryHistory history;

	private final EntryJson json;

	private final Executor senders;

	private final Semaphore backlogLookups;

	/** Entries a backlog lookup found forgotten; the sender's alone. */
	private long backlogSkipped;

	/** The last id the browser saw when it joined: later batches leave out what it has. */
	private volatile long floorId = -1;

	/**
	 * @param backlogLookups permits for backlog lookups, shared by all browsers
	 */
	BrowserSender(WebSocketSession session, EntryFilter filter, BrowserOutbox outbox, EntryHistory history,
			EntryJson json, Executor senders, Semaphore backlogLookups) {
		this.session = session;
		this.filter = filter;
		this.outbox = outbox;
		this.history = history;
		this.json = json;
		this.senders = senders;
		this.backlogLookups = backlogLookups;
	}

	WebSocketSession session() {
		return this.session;
	}

	BrowserOutbox outbox() {
		return this.outbox;
	}

	boolean wantsEverything() {
		return this.filter.isAll();
	}

	/**
	 * The browser saw every entry up to this id (it may have read entries the broadcaster
	 * has not handed on yet, from the API): later batches skip those. Set before the first batch.
	 */
	void startAfter(long afterId) {
		this.floorId = afterId;
	}

	void offer(LiveBatch batch) {
		if (this.outbox.offer(batch)) {
			wake();
		}
	}

	void backlog(BrowserOutbox.Backlog backlog) {
		if (this.outbox.backlog(backlog)) {
			wake();
		}
	}

	void skip(long count) {
		if (this.outbox.skip(count)) {
			wake();
		}
	}

	private void wake() {
		try {
			this.senders.execute(this::send);
		}
		catch (RejectedExecutionException ex) {
			// the viewer is stopping
		}
	}

	private void send() {
		try {
			do {
				BrowserOutbox.Taken taken = this.outbox.take();
				long skipped = taken.skipped();
				for (Object part : taken.parts()) {
					List<Frame> frames = (part instanceof BrowserOutbox.Backlog backlog) ? backlogFrames(backlog)
							: liveFrames((BrowserOutbox.Part) part);
					// the lookup may have found entries gone: the count goes before what follows them
					skipped += this.backlogSkipped;
					this.backlogSkipped = 0;
					if (skipped > 0 && !frames.isEmpty()) {
						sendFrame(StreamFrames.skipped(skipped));
						skipped = 0;
					}
					for (Frame frame : frames) {
						sendFrame(frame);
					}
				}
				if (skipped > 0) {
					sendFrame(StreamFrames.skipped(skipped));
				}
			}
			while (this.session.isOpen() && this.outbox.continueSending());
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Closing stream {}: {}", this.session.getId(), ex.toString());
			LiveStreamHandler.closeQuietly(this.session, CloseStatus.SESSION_NOT_RELIABLE);
		}
	}


	private List<Frame> liveFrames(BrowserOutbox.Part part) {
		LiveBatch batch = part.batch();
		long floor = this.floorId;
		if (part.from() == 0 && wantsEverything()
				&& (batch.entries().isEmpty() || batch.entries().get(0).entry().id() > floor)) {
			return batch.frames();
		}
		List<EncodedEntry> wanted = new ArrayList<>();
		for (int i = part.from(); i < batch.entries().size(); i++) {
			EncodedEntry entry = batch.entries().get(i);
			if (entry.entry().id() > floor && this.filter.matches(entry.entry())) {
				wanted.add(entry);
			}
		}
		return StreamFrames.entries(wanted);
	}

	/**
	 * The backlog's frames, looked up and written while holding one of the few permits for
	 * it: a storm of reconnecting browsers queues here, on their own threads, instead of
	 * taking every core from ingestion.
	 */
	private List<Frame> backlogFrames(BrowserOutbox.Backlog backlog) throws IOException {
		try {
			this.backlogLookups.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("stopping", ex);
		}
		try {
			long deadline = System.nanoTime() + BACKLOG_LIMIT_NANOS;
			List<ViewerEntry> entries;
			if (backlog.afterId() < 0) {
				entries = this.history.last(this.filter, INITIAL_BACKLOG, backlog.upToId() + 1, deadline).entries();
			}
			else {
				entries = resumed(backlog, deadline);
			}
			return StreamFrames.write(entries, this.json).frames();
		}
		finally {
			this.backlogLookups.release();
		}
	}

	/**
	 * What came after the browser's last entry, from the store and the window; what neither
	 * has, what is beyond {@link #MAX_RESUMED_FROM_STORE}, or what the time limit left
	 * unread, is skipped.
	 */
	private List<ViewerEntry> resumed(BrowserOutbox.Backlog backlog, long deadline) {
		RecentWindow.Selection selection = this.history.resume(this.filter, backlog.afterId(), backlog.upToId(),
				MAX_RESUMED_FROM_STORE, deadline);
		this.backlogSkipped += selection.unread();
		return selection.entries();
	}

	private void sendFrame(Frame frame) throws IOException {
		this.session.sendMessage(new BinaryMessage(frame.bytes()));
		this.outbox.progressed();
	}

}
