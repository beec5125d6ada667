package dev.zmqlog.transport;

import java.util.List;

import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

/**
 * Binds or connects a socket to its endpoints, turning ZeroMQ's errors into messages that
 * name the endpoint.
 */
final class Endpoints {

	private static final String INVALID = "invalid endpoint (expected e.g. tcp://127.0.0.1:5556)";

	private Endpoints() {
	}

	static void attach(ZMQ.Socket socket, SocketMode mode, List<String> endpoints) {
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
			// JeroMQ keeps the resolver's own words (e.g. "Name or service not known") in the cause
			Throwable cause = ex.getCause();
			return (cause != null && cause.getMessage() != null)
					? ZError.toString(code) + " (" + cause.getMessage() + ")" : ZError.toString(code);
		}
		return INVALID + ": " + ex.getMessage();
	}

}
