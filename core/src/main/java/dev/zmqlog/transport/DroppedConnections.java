package dev.zmqlog.transport;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Restores the connections of a connecting socket that ZeroMQ gave up on. After a
 * protocol error (a peer that sent more than {@code ZMQ_MAXMSGSIZE}, a malformed frame)
 * ZeroMQ closes the connection and, unlike after a network error, never reconnects: one
 * hostile message would blind the subscriber for good. A socket monitor reports every
 * disconnection; when ZeroMQ makes no attempt of its own to connect again within a
 * second, the endpoint is connected afresh. (Reconnecting at once would discard what the
 * dropped connection had received but the application not yet read.) Used by the socket's
 * own thread.
 */
final class DroppedConnections implements AutoCloseable {

	private static final AtomicInteger monitors = new AtomicInteger();

	/** How long ZeroMQ has to start reconnecting by itself. */
	private static final long GRACE_NANOS = 1_000_000_000L;

	private static final int WATCHED_EVENTS = ZMQ.EVENT_DISCONNECTED | ZMQ.EVENT_CONNECTED
			| ZMQ.EVENT_CONNECT_DELAYED | ZMQ.EVENT_CONNECT_RETRIED;

	/** Addresses dropped and not yet being reconnected, with when they dropped. */
	private final Map<String, Long> dropped = new HashMap<>();

	private final ZMQ.Socket socket;

	private final ZMQ.Socket events;

	private final List<String> endpoints;

	private DroppedConnections(ZMQ.Socket socket, ZMQ.Socket events, List<String> endpoints) {
		this.socket = socket;
		this.events = events;
		this.endpoints = endpoints;
	}

	/** Watches a socket that connects to the endpoints; call before it connects. */
	static DroppedConnections watch(ZContext context, ZMQ.Socket socket, List<String> endpoints) {
		String address = "inproc://zmqlog-monitor-" + monitors.incrementAndGet();
		socket.monitor(address, WATCHED_EVENTS);
		ZMQ.Socket events = context.createSocket(SocketType.PAIR);
		events.setLinger(0);
		events.connect(address);
		return new DroppedConnections(socket, events, List.copyOf(endpoints));
	}

	/** Connects again the endpoints that ZeroMQ dropped and left alone; never blocks. */
	void restore() {
		ZMQ.Event event;
		while ((event = ZMQ.Event.recv(this.events, ZMQ.DONTWAIT)) != null) {
			String address = String.valueOf(event.getAddress());
			if (event.getEvent() == ZMQ.EVENT_DISCONNECTED) {
				this.dropped.put(address, System.nanoTime());
			}
			else {
				this.dropped.remove(address);
			}
		}
		long now = System.nanoTime();
		for (Iterator<Map.Entry<String, Long>> abandoned = this.dropped.entrySet().iterator(); abandoned.hasNext();) {
			Map.Entry<String, Long> entry = abandoned.next();
			if (now - entry.getValue() > GRACE_NANOS) {
				abandoned.remove();
				reconnect(entry.getKey());
			}
		}
	}

	private void reconnect(@Nullable String address) {
		for (String endpoint : this.endpoints) {
			if (sameEndpoint(endpoint, address)) {
				this.socket.disconnect(endpoint);
				this.socket.connect(endpoint);
			}
		}
	}

	/** Whether a reported address, such as {@code tcp://127.0.0.1:5556}, is a configured endpoint. */
	static boolean sameEndpoint(String endpoint, @Nullable String address) {
		if (address == null) {
			return false;
		}
		if (endpoint.equals(address)) {
			return true;
		}
		try {
			URI configured = URI.create(endpoint);
			URI reported = URI.create(address);
			return configured.getPort() == reported.getPort() && configured.getHost() != null
					&& reported.getHost() != null
					&& InetAddress.getByName(configured.getHost()).equals(InetAddress.getByName(reported.getHost()));
		}
		catch (IllegalArgumentException | UnknownHostException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.events.close();
	}

}
