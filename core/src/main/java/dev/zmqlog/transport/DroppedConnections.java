package dev.zmqlog.transport;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

/**
 * Restores the connections of a connecting socket that ZeroMQ gave up on. After a
 * protocol error (a peer that sent more than {@code ZMQ_MAXMSGSIZE}, a malformed frame)
 * ZeroMQ closes the connection and, unlike after a network error, never reconnects: one
 * hostile message would blind the subscriber for good. A socket monitor reports every
 * disconnection; when ZeroMQ makes no attempt of its own to connect again within a
 * second, the endpoint is connected afresh. (Reconnecting at once would discard what the
 * dropped connection had received but the application not yet read.) The socket's
 * {@link SocketGuard} hands it the events; the socket's own thread restores.
 */
final class DroppedConnections implements SocketGuard.ConnectionListener {

	/** How long ZeroMQ has to start reconnecting by itself. */
	private static final long GRACE_NANOS = 1_000_000_000L;

	/** Addresses dropped and not yet being reconnected, with when they dropped. */
	private final Map<String, Long> dropped = new HashMap<>();

	/** Events from the guard's thread, newest last: the endpoint, and whether it dropped. */
	private final Queue<Map.Entry<String, Boolean>> events = new ConcurrentLinkedQueue<>();

	private final ZMQ.Socket socket;

	private final List<String> endpoints;

	/** Restores the connections of a socket that connects to the endpoints. */
	DroppedConnections(ZMQ.Socket socket, List<String> endpoints) {
		this.socket = socket;
		this.endpoints = List.copyOf(endpoints);
	}

	@Override
	public void connectionEvent(int event, @Nullable String address) {
		this.events.add(Map.entry(String.valueOf(address), event == ZMQ.EVENT_DISCONNECTED));
	}

	/** Connects again the endpoints that ZeroMQ dropped and left alone; never blocks. */
	void restore() {
		Map.Entry<String, Boolean> event;
		while ((event = this.events.poll()) != null) {
			if (event.getValue()) {
				this.dropped.put(event.getKey(), System.nanoTime());
			}
			else {
				this.dropped.remove(event.getKey());
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

}
