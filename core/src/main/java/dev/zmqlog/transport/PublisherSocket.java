package dev.zmqlog.transport;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The XPUB socket a publisher sends on. An XPUB rather than a PUB so that the publisher
 * sees subscriptions arrive and can hold its first events until someone listens (the
 * slow-joiner problem). Not thread-safe: one thread owns it after {@link #open}.
 */
public final class PublisherSocket implements AutoCloseable {

	private static final byte SUBSCRIBE = 1;

	private static final byte UNSUBSCRIBE = 0;

	private final ZMQ.Socket socket;

	/**
	 * Topics someone is subscribed to. XPUB passes a topic's first subscription and its
	 * last unsubscription (including a subscriber's departure), so this set is empty
	 * exactly when nobody listens.
	 */
	private final Set<ByteBuffer> subscribedTopics = new HashSet<>();

	/** Subscriptions received so far, one per subscriber and topic (XPUB_VERBOSE). */
	private long subscriptionsReceived;

	/** Whether a full subscriber queue refuses a message (XPUB_NODROP) instead of dropping it. */
	private boolean refusesWhenFull;

	private boolean closed;

	private final @Nullable String zapDomain;

	private final SocketGuard guard;

	private PublisherSocket(ZMQ.Socket socket, @Nullable String zapDomain, SocketGuard guard) {
		this.socket = socket;
		this.zapDomain = zapDomain;
		this.guard = guard;
	}

	/**
	 * Opens the socket and binds or connects every endpoint.
	 * @param mode bind or connect
	 * @param endpoints the endpoints, e.g. {@code tcp://127.0.0.1:5556}
	 * @param sendHighWaterMark ZeroMQ's SNDHWM: messages queued per subscriber
	 * @return the open socket
	 * @throws EndpointException when an endpoint cannot be used; nothing stays open
	 */
	public static PublisherSocket open(SocketMode mode, List<String> endpoints, int sendHighWaterMark) {
		return open(mode, endpoints, sendHighWaterMark, CurveSettings.none());
	}

	/**
	 * Opens the socket with CURVE encryption when {@code curve} has keys, and binds or
	 * connects every endpoint.
	 * @param mode bind (CURVE server) or connect (CURVE client)
	 * @param endpoints the endpoints, e.g. {@code tcp://127.0.0.1:5556}
	 * @param sendHighWaterMark ZeroMQ's SNDHWM: messages queued per subscriber
	 * @param curve the keys, or {@link CurveSettings#none()}
	 * @return the open socket
	 * @throws EndpointException when an endpoint cannot be used; nothing stays open
	 * @throws IllegalArgumentException when a key is invalid; nothing stays open
	 */
	public static PublisherSocket open(SocketMode mode, List<String> endpoints, int sendHighWaterMark,
			CurveSettings curve) {
		curve.validate(mode);
		ZContext context = SharedContext.acquire();
		ZMQ.Socket socket = context.createSocket(SocketType.XPUB);
		String zapDomain = null;
		SocketGuard guard = null;
		try {
			socket.setSndHWM(sendHighWaterMark);
			socket.setLinger(0);
			// every subscriber's subscription, not only a topic's first: the hold waits for each early joiner
			socket.setXpubVerbose(true);
			zapDomain = curve.applyTo(socket, mode);
			guard = SocketGuard.install(context, socket, InboundLimits.subscriptions(), PeerRefusals.publishers(),
					curve.enabled() && mode == SocketMode.CONNECT, SocketGuard.ConnectionListener.NONE);
			Endpoints.attach(socket, mode, endpoints);
			return new PublisherSocket(socket, zapDomain, guard);
		}
		catch (RuntimeException ex) {
			if (guard != null) {
				guard.close();
			}
			socket.close();
			SharedContext.unregister(zapDomain);
			SharedContext.release();
			throw ex;
		}
	}

	/**
	 * The last endpoint bound or connected, with the port the system chose for
	 * {@code tcp://host:*}.
	 */
	public String lastEndpoint() {
		return this.socket.getLastEndpoint();
	}

	/** Whether someone is subscribed now, as far as the subscriptions read so far tell. */
	public boolean hasSubscriber() {
		return !this.subscribedTopics.isEmpty();
	}

	/**
	 * Reads subscription messages, waiting up to the timeout for one to arrive.
	 * @param timeout how long to wait; zero reads only what is there
	 * @return whether someone is subscribed now
	 */
	public boolean awaitSubscription(Duration timeout) {
		int waitMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(0, timeout.toMillis()));
		byte[] frame = (waitMillis > 0) ? receive(waitMillis) : this.socket.recv(ZMQ.DONTWAIT);
		while (frame != null) {
			track(frame);
			frame = this.socket.recv(ZMQ.DONTWAIT);
		}
		return hasSubscriber();
	}

	/**
	 * How many subscriptions arrived since the socket opened: each subscriber's, even to a
	 * topic someone else subscribed to already. Grows while joiners keep coming.
	 */
	public long subscriptionsReceived() {
		return this.subscriptionsReceived;
	}

	private void track(byte[] frame) {
		if (frame.length == 0) {
			return;
		}
		ByteBuffer topic = ByteBuffer.wrap(Arrays.copyOfRange(frame, 1, frame.length));
		if (frame[0] == SUBSCRIBE) {
			this.subscribedTopics.add(topic);
			this.subscriptionsReceived++;
		}
		else if (frame[0] == UNSUBSCRIBE) {
			this.subscribedTopics.remove(topic);
		}
	}

	private byte[] receive(int timeoutMillis) {
		this.socket.setReceiveTimeOut(timeoutMillis);
		return this.socket.recv();
	}

	/**
	 * From now on a subscriber whose queue is at the high-water mark makes
	 * {@link #send(WireMessage, long)} wait instead of losing the message (XPUB_NODROP): one
	 * slow subscriber then slows every subscriber, and the logging threads behind them.
	 */
	public void refuseWhenFull() {
		this.socket.setXpubNoDrop(true);
		this.refusesWhenFull = true;
	}

	/**
	 * Sends one message without blocking; ZeroMQ drops it for subscribers whose queue is
	 * at the high-water mark, unless {@link #refuseWhenFull()} was called.
	 * @return whether the message was taken
	 */
	public boolean send(WireMessage message) {
		return send(message, 0);
	}

	/**
	 * Sends one message. When the socket {@linkplain #refuseWhenFull() refuses} it because a
	 * subscriber's queue is full, waits up to {@code waitMillis} for that subscriber to read.
	 * @return whether the message was taken; {@code false} only when it refused for longer
	 * than the wait, and then no part of the message was sent
	 */
	public boolean send(WireMessage message, long waitMillis) {
		if (!sendFrame(message.topic(), ZMQ.SNDMORE, waitMillis)) {
			return false;
		}
		// the high-water mark counts whole messages: a message whose first frame is in is never refused
		return sendFrame(message.payload(), 0, waitMillis);
	}

	private boolean sendFrame(byte[] frame, int flags, long waitMillis) {
		if (this.socket.send(frame, flags | ZMQ.DONTWAIT)) {
			return true;
		}
		if (!this.refusesWhenFull || waitMillis <= 0) {
			return false;
		}
		// a blocking send wakes when the subscriber has read enough to make room, no polling
		this.socket.setSendTimeOut((int) Math.min(Integer.MAX_VALUE, waitMillis));
		return this.socket.send(frame, flags);
	}

	/**
	 * Closes the socket, letting queued messages go out for at most {@code linger}. When
	 * this is the JVM's last zmqlog socket, waits for them.
	 */
	public void close(Duration linger) {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.guard.close();
		this.socket.setLinger(Math.max(0, linger.toMillis()));
		this.socket.close();
		SharedContext.unregister(this.zapDomain);
		SharedContext.release();
	}

	@Override
	public void close() {
		close(Duration.ZERO);
	}

}
