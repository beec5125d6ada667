package dev.zmqlog.transport;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
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
 * disconnection; the endpoint is then connected afresh. Used by the socket's own thread.
 */
final class DroppedConnections implements AutoCloseable {

	private static final AtomicInteger monitors = new AtomicInteger();

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
		socket.monitor(address, ZMQ.EVENT_DISCONNECTED);
		ZMQ.Socket events = context.createSocket(SocketType.PAIR);
		events.setLinger(0);
		events.connect(address);
		return new DroppedConnections(socket, events, List.copyOf(endpoints));
	}

	/** Connects again every endpoint that was dropped since the last call; never blocks. */
	void restore() {
		ZMQ.Event event;
		while ((event = ZMQ.Event.recv(this.events, ZMQ.DONTWAIT)) != null) {
			if (event.getEvent() == ZMQ.EVENT_DISCONNECTED) {
				reconnect(event.getAddress());
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
