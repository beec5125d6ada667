package dev.zmqlog.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.ZMonitor;

/**
 * What every zmqlog socket that talks TCP gets against hostile peers, in one place:
 * frames allocated by {@link InboundFrames} (the JeroMQ 0.6.0 fix and the per-message
 * limits), and a thread that watches the socket's connections through a ZeroMQ socket
 * monitor. The watcher names and counts each refused peer ({@link PeerRefusals}), closes
 * a connection that the limits refused, and passes connection events on to whoever
 * restores dropped connections.
 * <p>
 * Install before the socket binds or connects; close from the socket's own thread before
 * the socket closes.
 */
public final class SocketGuard implements AutoCloseable {

	private static final AtomicInteger monitors = new AtomicInteger();

	private static final int POLL_MILLIS = 100;

	private static final int WATCHED_EVENTS = ZMQ.EVENT_CONNECTED | ZMQ.EVENT_ACCEPTED | ZMQ.EVENT_DISCONNECTED
			| ZMQ.EVENT_CONNECT_DELAYED | ZMQ.EVENT_CONNECT_RETRIED | ZMQ.HANDSHAKE_FAILED_PROTOCOL
			| ZMQ.HANDSHAKE_FAILED_AUTH | ZMQ.EVENT_MONITOR_STOPPED;

	/** Peers to close that the watcher has not seen connect yet; bounded against a storm. */
	private static final int MAX_PENDING_CLOSES = 1_000;

	private final ZContext context;

	private final ZMQ.Socket socket;

	private final ZMQ.Socket events;

	private final PeerRefusals refusals;

	private final boolean curveClient;

	private final ConnectionListener connectionListener;

	/** Open connections by peer address, to close a refused one. */
	private final Map<String, SocketChannel> channels = new ConcurrentHashMap<>();

	private final Set<String> pendingCloses = ConcurrentHashMap.newKeySet();

	/** Peers refused by the I/O thread, reported by the guard's: logging is no work for an I/O thread. */
	private final Queue<Map.Entry<String, RefusalReason>> refusedByLimits = new ConcurrentLinkedQueue<>();

	/** A frame refused before its connection was known: named when JeroMQ closes it. */
	private final AtomicReference<@Nullable RefusalReason> unnamedRefusal = new AtomicReference<>();

	/** When each connection of a CURVE client was made, by peer address; watcher thread only. */
	private final Map<String, Long> connectedAt = new ConcurrentHashMap<>();

	private @Nullable RefusalReason handshakeFailure;

	private final Thread thread;

	private volatile boolean running = true;

	private SocketGuard(ZContext context, ZMQ.Socket socket, ZMQ.Socket events, PeerRefusals refusals,
			boolean curveClient, ConnectionListener connectionListener) {
		this.context = context;
		this.socket = socket;
		this.events = events;
		this.refusals = refusals;
		this.curveClient = curveClient;
		this.connectionListener = connectionListener;
		this.thread = new Thread(this::watch, "zmqlog-guard-" + monitors.get());
		this.thread.setDaemon(true);
	}

	/**
	 * Guards a socket of the given context: installs the frame allocator and the limits,
	 * and starts watching its connections. Call before the socket binds or connects.
	 * @param context the socket's context
	 * @param socket the socket
	 * @param limits what one received message may take
	 * @param refusals where refused peers are counted and reported
	 * @param curveClient whether the socket connects as a CURVE client, so that a server
	 * closing the connection during the handshake counts as a refusal
	 * @param connectionListener receives connection events (on the guard's thread)
	 * @return the running guard
	 */
	public static SocketGuard install(ZContext context, ZMQ.Socket socket, InboundLimits limits,
			PeerRefusals refusals, boolean curveClient, ConnectionListener connectionListener) {
		return install(context, socket, limits, null, refusals, curveClient, connectionListener);
	}

	/** Guards a subscriber's socket, whose received frames are also counted into its receive queue. */
	static SocketGuard install(ZContext context, ZMQ.Socket socket, InboundLimits limits,
			@Nullable ReceiveQueue queue, PeerRefusals refusals, boolean curveClient,
			ConnectionListener connectionListener) {
		String address = "inproc://zmqlog-guard-" + monitors.incrementAndGet();
		socket.monitor(address, WATCHED_EVENTS);
		ZMQ.Socket events = context.createSocket(SocketType.PAIR);
		events.setLinger(0);
		events.setReceiveTimeOut(POLL_MILLIS);
		events.connect(address);
		SocketGuard guard = new SocketGuard(context, socket, events, refusals, curveClient, connectionListener);
		// every size is the allocator's to judge, so that each refusal has its reason
		socket.setMaxMsgSize(-1);
		socket.setMsgAllocator(new InboundFrames(limits, guard, queue));
		guard.thread.start();
		return guard;
	}

	/** Guards a socket whose connection events nobody else needs. */
	public static SocketGuard install(ZContext context, ZMQ.Socket socket, InboundLimits limits,
			PeerRefusals refusals) {
		return install(context, socket, limits, refusals, false, ConnectionListener.NONE);
	}

	/** The refused peers of this socket. */
	public PeerRefusals refusals() {
		return this.refusals;
	}

	/** Remembers a refused frame whose connection JeroMQ is about to close; I/O thread. */
	void frameRefused(RefusalReason reason) {
		this.unnamedRefusal.set(reason);
	}

	/**
	 * Counts a refused peer and closes its connection: both directions are shut, so that
	 * the peer's ZeroMQ closes its side and JeroMQ then reads the end of the stream and
	 * drops the connection as after a network error (a socket that connects connects
	 * again). Called by ZeroMQ's I/O thread.
	 */
	void close(String peerAddress, RefusalReason reason) {
		this.unnamedRefusal.set(null);
		String peer = peer(peerAddress);
		this.refusedByLimits.add(Map.entry(peer, reason));
		SocketChannel channel = this.channels.get(peer);
		if (channel != null) {
			shut(channel);
		}
		else if (this.pendingCloses.size() < MAX_PENDING_CLOSES) {
			this.pendingCloses.add(peer);
		}
	}

	private void watch() {
		try {
			while (this.running) {
				ZMQ.Event event = ZMQ.Event.recv(this.events);
				if (event != null) {
					handleQuietly(event);
				}
				reportRefusedByLimits();
			}
		}
		catch (RuntimeException ex) {
			// the context is closing under the guard (ZMQException, IllegalStateException, ...)
		}
		finally {
			this.context.destroySocket(this.events);
		}
	}

	/** Handles an event; a failure of its handling must not stop the reading (see close). */
	private void handleQuietly(ZMQ.Event event) {
		try {
			handle(event);
		}
		catch (RuntimeException ex) {
			// a listener's failure costs that one event
		}
	}

	private void reportRefusedByLimits() {
		Map.Entry<String, RefusalReason> refused;
		while ((refused = this.refusedByLimits.poll()) != null) {
			this.refusals.refuse(refused.getKey(), refused.getValue());
		}
	}

	private void handle(ZMQ.Event event) {
		switch (event.getEvent()) {
			case ZMQ.EVENT_ACCEPTED, ZMQ.EVENT_CONNECTED -> connected(event);
			case ZMQ.HANDSHAKE_FAILED_PROTOCOL -> this.handshakeFailure = handshakeFailure(event);
			// a client hears of its refusal; a server's own refusals come from the ZAP handler
			case ZMQ.HANDSHAKE_FAILED_AUTH -> this.handshakeFailure = this.curveClient
					? RefusalReason.REFUSED_BY_SERVER : RefusalReason.NOT_ALLOWED;
			case ZMQ.EVENT_DISCONNECTED -> disconnected(event);
			case ZMQ.EVENT_MONITOR_STOPPED -> this.running = false;
			default -> this.connectionListener.connectionEvent(event.getEvent(), event.getAddress());
		}
	}

	private void connected(ZMQ.Event event) {
		SocketChannel channel = channel(event);
		if (channel != null) {
			String peer = peer(channel);
			this.channels.put(peer, channel);
			if (this.curveClient) {
				this.connectedAt.put(peer, System.nanoTime());
			}
			if (this.pendingCloses.remove(peer)) {
				shut(channel);
			}
		}
		this.connectionListener.connectionEvent(event.getEvent(), event.getAddress());
	}

	private RefusalReason handshakeFailure(ZMQ.Event event) {
		RefusalReason refused = this.unnamedRefusal.getAndSet(null);
		if (refused != null) {
			return refused;
		}
		Object code = resolve(event);
		return (code == ZMonitor.ProtocolCode.ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC)
				? RefusalReason.CURVE_HANDSHAKE_FAILED : RefusalReason.MALFORMED_HANDSHAKE;
	}

	private void disconnected(ZMQ.Event event) {
		SocketChannel channel = channel(event);
		String peer = (channel != null) ? peer(channel) : String.valueOf(event.getAddress());
		this.channels.remove(peer);
		RefusalReason reason = this.handshakeFailure;
		this.handshakeFailure = null;
		if (reason == null) {
			reason = this.unnamedRefusal.getAndSet(null);
		}
		if (reason == null && channel != null && ZapHandler.takeDenial(host(channel))) {
			reason = RefusalReason.NOT_ALLOWED;
		}
		Long since = this.connectedAt.remove(peer);
		if (reason == null && since != null
				&& System.nanoTime() - since < Endpoints.HANDSHAKE_MILLIS * 1_000_000L) {
			reason = RefusalReason.REFUSED_BY_SERVER;
		}
		if (reason != null) {
			this.refusals.refuse(peer, reason);
		}
		this.connectionListener.connectionEvent(event.getEvent(), event.getAddress());
	}

	private static @Nullable Object resolve(ZMQ.Event event) {
		try {
			return event.resolveValue();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable SocketChannel channel(ZMQ.Event event) {
		return (resolve(event) instanceof SocketChannel channel) ? channel : null;
	}

	private static String host(SocketChannel channel) {
		String peer = peer(channel);
		return peer.substring(0, Math.max(0, peer.lastIndexOf(':')));
	}

	/** A peer as {@code host:port}, from a channel that may be closed already. */
	private static String peer(SocketChannel channel) {
		SocketAddress remote = channel.socket().getRemoteSocketAddress();
		if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
			return inet.getAddress().getHostAddress() + ":" + inet.getPort();
		}
		return String.valueOf(remote);
	}

	/** A peer as {@code host:port}, from JeroMQ's {@code Peer-Address} property. */
	static String peer(String peerAddress) {
		String peer = peerAddress.startsWith("tcp://") ? peerAddress.substring("tcp://".length()) : peerAddress;
		return peer.replace("[", "").replace("]", "");
	}

	/**
	 * Shuts both directions of a connection without closing the channel, which JeroMQ
	 * would never notice. Linux goes on receiving after the input is shut: a peer that
	 * ignores the end of the stream and goes on sending has its frames read and discarded
	 * until it stops.
	 */
	private static void shut(SocketChannel channel) {
		try {
			channel.shutdownOutput();
			channel.shutdownInput();
		}
		catch (IOException ex) {
			// closed already
		}
	}

	/**
	 * Stops watching; call from the socket's thread before the socket closes. The monitor
	 * is switched off while the guard still reads its events: JeroMQ writes each event with
	 * a blocking send under the socket's monitor lock, so a monitor whose reader has gone
	 * blocks ZeroMQ's I/O thread for good, and with it every socket of the context and
	 * this very call. The guard ends on the monitor's last event.
	 */
	@Override
	public void close() {
		try {
			this.socket.monitor(null, 0);
		}
		catch (ZMQException | IllegalStateException ex) {
			// the socket or its context is closing: the monitor stops with it
		}
		if (Thread.currentThread() != this.thread) {
			try {
				this.thread.join(POLL_MILLIS * 10L);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.running = false;
	}

	/**
	 * Receives a guarded socket's connection events: connected, disconnected, connect
	 * delayed and retried, with the endpoint they concern. Called on the guard's thread.
	 */
	@FunctionalInterface
	public interface ConnectionListener {

		ConnectionListener NONE = (event, address) -> {
		};

		void connectionEvent(int event, @Nullable String address);

	}

}
