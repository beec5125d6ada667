package dev.zmqlog.transport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.zmqlog.protocol.MessageDecoder;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.Msg;
import zmq.ZError;

/**
 * Subscribes to one or many publishers (or, in {@link ReceiveMode#PULL}, pulls from
 * pushing ones) and hands every decoded message to a callback on its own thread. Malformed messages are delivered as rejections or raw text; nothing a
 * publisher sends stops it. Build with {@link #builder()}, stop with {@link #close()}.
 */
public final class LogSubscriber implements AutoCloseable {

	private static final int POLL_MILLIS = 100;

	/** Messages held per publisher by default: JeroMQ's own default. */
	public static final int DEFAULT_RECEIVE_HIGH_WATER_MARK = 1_000;

	/** Bytes held for all publishers together by default. */
	public static final long DEFAULT_RECEIVE_BUFFER = 32L * 1024 * 1024;

	/** The least a CURVE socket's high-water mark is cut to, whatever the buffer. */
	private static final int MIN_CURVE_HIGH_WATER_MARK = 8;

	/** Up to this many times the limit a message is received and counted as rejected; beyond, refused. */
	private static final int SOCKET_LIMIT_FACTOR = 4;

	private final ZMQ.Socket socket;

	private final MessageDecoder decoder;

	private final Consumer<ReceivedMessage> listener;

	private final Consumer<RuntimeException> errorHandler;

	private final Thread thread;

	private final @Nullable DroppedConnections dropped;

	private final SocketGuard guard;

	private final ReceiveQueue queue;

	/** Whether the frame received last has more of its message after it. */
	private boolean more;

	private long lastRestoreNanos = System.nanoTime();

	private static final long TURNS_NANOS = 1_000_000;

	private static final int QUIET_MILLIS = 100;

	private static final long LEAVE_NANOS = 1_000_000_000;

	private long lastTurnsNanos = System.nanoTime();

	private final @Nullable String zapDomain;

	private final Subscriptions subscriptions;

	private volatile boolean running = true;

	/**
	 * Whether closing unsubscribes first. A publisher this socket connected to loses its pipe
	 * with the connection, so it must hear that the subscriber left; a publisher that
	 * connected in keeps its pipe, and what is queued in it, for a bound socket that comes
	 * back (a restarting viewer): unsubscribing would throw that queue away.
	 */
	private final boolean unsubscribesOnClose;

	private LogSubscriber(Builder builder) {
		MessageDecoder decoder = new MessageDecoder(builder.maxMessageSize);
		this.decoder = builder.ignoreFormatted ? decoder.ignoringFormatted() : decoder;
		this.listener = Objects.requireNonNull(builder.listener, "listener");
		this.errorHandler = builder.errorHandler;
		SocketMode attachment = builder.mode.attachment();
		builder.curve.validate(attachment);
		if (!builder.mode.subscribes() && builder.topics.stream().anyMatch((topic) -> !topic.isEmpty())) {
			throw new IllegalArgumentException("topics " + builder.topics + " cannot filter a PULL socket: "
					+ "pushing publishers send every message, unsubscribed");
		}
		ZContext context = SharedContext.acquire();
		this.socket = context.createSocket(builder.mode.socketType());
		String domain = null;
		SocketGuard guard = null;
		this.queue = new ReceiveQueue(builder.receiveBuffer,
				Objects.requireNonNull(builder.shedMessages, "shedMessages"));
		try {
			domain = builder.curve.applyTo(this.socket, attachment);
			this.socket.setRcvHWM(builder.highWaterMark());
			this.socket.setLinger(0);
			this.subscriptions = builder.mode.subscribes()
					? Subscriptions.of(builder.topics.isEmpty() ? List.of("") : builder.topics) : Subscriptions.NONE;
			this.subscriptions.subscribe(this.socket);
			this.unsubscribesOnClose = attachment == SocketMode.CONNECT;
			this.dropped = (attachment == SocketMode.CONNECT)
					? new DroppedConnections(this.socket, builder.endpoints) : null;
			// beyond a few times the limit ZeroMQ's I/O thread refuses the peer before it takes the memory
			guard = SocketGuard.install(context, this.socket,
					InboundLimits.messagesOf(SOCKET_LIMIT_FACTOR * (long) builder.maxMessageSize), this.queue,
					Objects.requireNonNull(builder.refusals, "refusals"),
					builder.curve.enabled() && attachment == SocketMode.CONNECT,
					(this.dropped != null) ? this.dropped : SocketGuard.ConnectionListener.NONE);
			Endpoints.attach(this.socket, attachment, builder.endpoints);
		}
		catch (RuntimeException ex) {
			if (guard != null) {
				guard.close();
			}
			this.socket.close();
			SharedContext.unregister(domain);
			SharedContext.release();
			throw ex;
		}
		this.zapDomain = domain;
		this.guard = guard;
		this.thread = new Thread(this::receiveLoop, builder.threadName);
		this.thread.setDaemon(true);
		if (builder.failureHandler != null) {
			this.thread.setUncaughtExceptionHandler((thread, failure) -> builder.failureHandler.accept(failure));
		}
		this.thread.start();
	}

	public static Builder builder() {
		return new Builder();
	}

	private void receiveLoop() {
		this.socket.setReceiveTimeOut(POLL_MILLIS);
		try {
			while (this.running) {
				List<byte[]> frames = receive();
				if (frames != null) {
					deliver(new ReceivedMessage(frames, this.decoder.decode(frames), Instant.now()));
					takeTurns();
				}
				restoreDroppedConnections();
			}
			leave();
		}
		catch (ZMQException ex) {
			if (this.running) {
				this.errorHandler.accept(ex);
			}
		}
		finally {
			this.guard.close();
			this.socket.close();
			SharedContext.unregister(this.zapDomain);
			SharedContext.release();
		}
	}

	/**
	 * Lets a publisher whose first message just arrived take its turn at once. JeroMQ
	 * learns of a newly readable connection from a command it processes only every 100
	 * messages while messages keep coming: behind a publisher of large, slow messages
	 * another waited up to 100 of them. Asking for the socket's events processes the
	 * commands; at most every millisecond, so a fast stream does not pay for it per message.
	 */
	private void takeTurns() {
		long now = System.nanoTime();
		if (now - this.lastTurnsNanos > TURNS_NANOS) {
			this.lastTurnsNanos = now;
			this.socket.getEvents();
		}
	}

	/**
	 * At most every poll interval, restores dropped connections and reports what the
	 * receive queue shed: a busy stream must not pay for it per message.
	 */
	private void restoreDroppedConnections() {
		long now = System.nanoTime();
		if (now - this.lastRestoreNanos > POLL_MILLIS * 1_000_000L) {
			this.lastRestoreNanos = now;
			this.queue.report();
			if (this.dropped != null) {
				this.dropped.restore();
			}
		}
	}

	/**
	 * Leaves the publishers before the socket closes: unsubscribes, then delivers what they
	 * sent before they heard of it, until nothing has come for {@value #QUIET_MILLIS} ms
	 * (at most a second). A publisher counts what it hands to a subscriber as sent; what a
	 * closing socket threw away was therefore counted by nobody (a stopping viewer lost the
	 * last 10 to 20 ms at 1,000 events a second). After the unsubscription a zmqlog publisher
	 * counts what nobody receives as dropped. A SUB socket would drop the messages still on
	 * their way itself, as no longer subscribed: hence XSUB, which leaves filtering to the
	 * publisher, as every ZMTP 3 publisher does. A bound socket does not unsubscribe
	 * ({@link #unsubscribesOnClose}): it delivers what has already arrived.
	 */
	private void leave() {
		if (this.unsubscribesOnClose) {
			this.subscriptions.unsubscribe(this.socket);
		}
		this.socket.setReceiveTimeOut(QUIET_MILLIS);
		long deadline = System.nanoTime() + LEAVE_NANOS;
		List<byte[]> frames;
		while (System.nanoTime() < deadline && (frames = receive()) != null) {
			deliver(new ReceivedMessage(frames, this.decoder.decode(frames), Instant.now()));
		}
	}

	/** The next message of a subscribed topic, or {@code null} when none came in time. */
	private @Nullable List<byte[]> receive() {
		byte[] first;
		while ((first = receiveFrame()) != null && !this.subscriptions.matches(first)) {
			// a publisher older than ZMTP 3 sends every topic: the subscriber filters
			while (this.more) {
				receiveFrame();
			}
		}
		if (first == null) {
			// every pipe was empty: what JeroMQ dropped unread must not stay counted
			this.queue.drained();
			return null;
		}
		List<byte[]> frames = new ArrayList<>(2);
		frames.add(first);
		while (this.more) {
			frames.add(receiveFrame());
		}
		return frames;
	}

	/**
	 * A frame, taken back from the receive queue's count; {@code null} when none came in
	 * time. Received as JeroMQ's own {@code Msg}, as {@code ZMQ.Socket.recv()} does, so
	 * that the frame tells which connection's count it leaves.
	 */
	private byte @Nullable [] receiveFrame() {
		Msg frame = this.socket.base().recv(0);
		if (frame == null) {
			int errno = this.socket.base().errno();
			if (errno != 0 && errno != ZError.EAGAIN) {
				throw new ZMQException(errno);
			}
			return null;
		}
		this.queue.taken(frame);
		this.more = frame.hasMore();
		return frame.data();
	}

	private void deliver(ReceivedMessage message) {
		try {
			this.listener.accept(message);
		}
		catch (RuntimeException ex) {
			this.errorHandler.accept(ex);
		}
	}

	/** The bytes the socket's receive queue holds now, as counted. */
	long queuedBytes() {
		return this.queue.queuedBytes();
	}

	/** The peers this subscriber refused, by reason. */
	public PeerRefusals refusals() {
		return this.guard.refusals();
	}

	/** Whether the receiving thread runs: it ends when closed, or when receiving failed. */
	public boolean isAlive() {
		return this.thread.isAlive();
	}

	/** Stops receiving and closes the socket; waits for the receiving thread to end. */
	@Override
	public void close() {
		this.running = false;
		if (Thread.currentThread() != this.thread) {
			try {
				this.thread.join(Duration.ofSeconds(5).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Settings of a {@link LogSubscriber}.
	 */
	public static final class Builder {

		private final List<String> endpoints = new ArrayList<>();

		private final List<String> topics = new ArrayList<>();

		private ReceiveMode mode = ReceiveMode.CONNECT;

		private int maxMessageSize = MessageDecoder.DEFAULT_MAX_MESSAGE_SIZE;

		private boolean ignoreFormatted;

		private int receiveHighWaterMark = DEFAULT_RECEIVE_HIGH_WATER_MARK;

		private long receiveBuffer = DEFAULT_RECEIVE_BUFFER;

		private @Nullable ShedMessages shedMessages;

		private String threadName = "zmqlog-subscriber";

		private CurveSettings curve = CurveSettings.none();

		private @Nullable PeerRefusals refusals;

		private @Nullable Consumer<ReceivedMessage> listener;

		private Consumer<RuntimeException> errorHandler = (ex) -> {
		};

		private @Nullable Consumer<Throwable> failureHandler;

		private Builder() {
		}

		/** Adds endpoints to connect to or bind. */
		public Builder endpoints(List<String> endpoints) {
			this.endpoints.addAll(endpoints);
			return this;
		}

		public Builder endpoint(String endpoint) {
			this.endpoints.add(endpoint);
			return this;
		}

		/** Adds topic prefixes to subscribe to; none means every topic. A PULL socket takes none. */
		public Builder topics(List<String> topics) {
			this.topics.addAll(topics);
			return this;
		}

		/** Connect or bind a SUB socket (default: connect), or bind a PULL socket. */
		public Builder mode(ReceiveMode mode) {
			this.mode = mode;
			return this;
		}

		/**
		 * The largest message accepted, all frames together. Larger ones are delivered as
		 * rejections, up to four times this size; beyond that the sending peer is refused
		 * and its connection closed (a publisher it connects to is connected again).
		 */
		public Builder maxMessageSize(int maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
			return this;
		}

		/**
		 * Leaves records' {@code formatted} text unread ({@link MessageDecoder#ignoringFormatted()}):
		 * for a receiver that shows entries' messages and exceptions, not the publisher's line.
		 */
		public Builder ignoreFormatted() {
			this.ignoreFormatted = true;
			return this;
		}

		/**
		 * The most messages the socket holds per publisher (default
		 * {@value #DEFAULT_RECEIVE_HIGH_WATER_MARK}); beyond it the socket stops reading
		 * that publisher, whose own queue then holds or drops. Small messages thus flow
		 * with few wake-ups of ZeroMQ's I/O thread; the bytes are bounded by
		 * {@link #receiveBuffer(long)}.
		 */
		public Builder receiveHighWaterMark(int receiveHighWaterMark) {
			if (receiveHighWaterMark <= 0) {
				throw new IllegalArgumentException("the receive high-water mark must be positive: "
						+ receiveHighWaterMark);
			}
			this.receiveHighWaterMark = receiveHighWaterMark;
			return this;
		}

		/**
		 * The most bytes the socket holds for all publishers together (default 32 MiB):
		 * a message that arrives while it holds that many is dropped whole and counted
		 * ({@link #shedMessages(ShedMessages)}). With CURVE, JeroMQ decrypts frames where
		 * the socket cannot count them: the high-water mark is then cut to this many
		 * messages of {@code maxMessageSize} per publisher (at least 8), as a bound in bytes.
		 */
		public Builder receiveBuffer(long receiveBuffer) {
			if (receiveBuffer <= 0) {
				throw new IllegalArgumentException("the receive buffer must be positive: " + receiveBuffer);
			}
			this.receiveBuffer = receiveBuffer;
			return this;
		}

		/** Where messages dropped by a full receive queue are counted; by default a log warning. */
		public Builder shedMessages(ShedMessages shedMessages) {
			this.shedMessages = shedMessages;
			return this;
		}

		/** The high-water mark in messages: with CURVE, small enough to bound the bytes. */
		private int highWaterMark() {
			if (!this.curve.enabled()) {
				return this.receiveHighWaterMark;
			}
			long messages = Math.max(MIN_CURVE_HIGH_WATER_MARK, this.receiveBuffer / this.maxMessageSize);
			return (int) Math.min(this.receiveHighWaterMark, messages);
		}

		/**
		 * CURVE keys: with {@code connect}, the publisher's public key as server key; with
		 * {@code bind}, this subscriber's key pair (it is then the CURVE server).
		 */
		public Builder curve(CurveSettings curve) {
			this.curve = curve;
			return this;
		}

		/** Where refused peers are counted and reported; by default a log warning of {@link PeerRefusals}. */
		public Builder refusals(PeerRefusals refusals) {
			this.refusals = refusals;
			return this;
		}

		public Builder threadName(String threadName) {
			this.threadName = threadName;
			return this;
		}

		/** Receives every message, on the subscriber's thread. */
		public Builder listener(Consumer<ReceivedMessage> listener) {
			this.listener = listener;
			return this;
		}

		/** Receives the listener's exceptions and socket failures. */
		public Builder errorHandler(Consumer<RuntimeException> errorHandler) {
			this.errorHandler = errorHandler;
			return this;
		}

		/** Receives what ended the receiving thread (an {@link Error} included), once the socket is closed. */
		public Builder failureHandler(Consumer<Throwable> failureHandler) {
			this.failureHandler = failureHandler;
			return this;
		}

		/**
		 * Opens the socket, binds or connects it and starts receiving.
		 * @return the running subscriber
		 * @throws EndpointException when an endpoint cannot be used
		 * @throws IllegalArgumentException when a CURVE key is invalid, or topics are given to a PULL socket
		 */
		public LogSubscriber start() {
			if (this.refusals == null) {
				this.refusals = new PeerRefusals(this.threadName);
			}
			if (this.shedMessages == null) {
				this.shedMessages = new ShedMessages(this.threadName);
			}
			return new LogSubscriber(this);
		}

	}

}
