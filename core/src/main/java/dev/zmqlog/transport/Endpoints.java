package dev.zmqlog.transport;

import java.util.List;

import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

/**
 * Binds or connects a socket to its endpoints, turning ZeroMQ's errors into messages that
 * name the endpoint.
 */
public final class Endpoints {

	/**
	 * Time a connection has to complete its ZeroMQ handshake before it is dropped and
	 * retried. JeroMQ now and then leaves a new connection's greeting unread (zeromq/jeromq
	 * PR 1022); its default of 30 s would leave a watcher blind that long.
	 */
	static final int HANDSHAKE_MILLIS = 2_000;

	private static final String INVALID = "invalid endpoint (expected e.g. tcp://127.0.0.1:5556)";

	private Endpoints() {
	}

	/**
	 * Binds or connects every endpoint.
	 * @param socket the socket
	 * @param mode bind or connect
	 * @param endpoints the endpoints
	 * @throws EndpointException naming the endpoint and the cause when one cannot be used
	 */
	public static void attach(ZMQ.Socket socket, SocketMode mode, List<String> endpoints) {
		socket.setHandshakeIvl(HANDSHAKE_MILLIS);
		if (endpoints.isEmpty()) {
			throw new EndpointException("", "no endpoint configured", new IllegalArgumentException());
		}
		for (String endpoint : endpoints) {
			attach(socket, mode, endpoint);
		}
	}

	private static void attach(ZMQ.Socket socket, SocketMode mode, String endpoint) {
		String verb = (mode == SocketMode.BIND) ? "bind" : "connect";
		try {
			boolean attached = (mode == SocketMode.BIND) ? socket.bind(endpoint) : socket.connect(endpoint);
			if (!attached) {
				throw new EndpointException(endpoint, "Cannot " + verb + " " + endpoint + ": "
						+ ZError.toString(socket.errno()), new ZMQException(socket.errno()));
			}
		}
		catch (ZMQException | IllegalArgumentException ex) {
			throw new EndpointException(endpoint, "Cannot " + verb + " " + endpoint + ": " + describe(ex), ex);
		}
	}

	private static String describe(RuntimeException ex) {
		if (ex instanceof ZMQException zmqException) {
			int code = zmqException.getErrorCode();
			if (code == ZError.EADDRINUSE) {
				return "address already in use";
			}
			if (code == ZError.EINVAL) {
				return INVALID;
			}
			if (code == ZError.EPROTONOSUPPORT) {
				return "Protocol not supported (use tcp://, ipc:// or inproc://)";
			}
			// JeroMQ keeps the resolver's own words (e.g. "Name or service not known") in the cause
			Throwable cause = ex.getCause();
			return (cause != null && cause.getMessage() != null)
					? ZError.toString(code) + " (" + cause.getMessage() + ")" : ZError.toString(code);
		}
		return INVALID + ": " + ex.getMessage();
	}

}
