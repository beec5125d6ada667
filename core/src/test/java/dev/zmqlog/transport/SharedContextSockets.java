package dev.zmqlog.transport;

import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Test-support API (core's test-jar, for tests and benchmarks of other modules; not part
 * of zmqlog's product API): plain JeroMQ sockets of the JVM's one shared context, for
 * peers of zmqlog's sockets in the same JVM. A JeroMQ socket of a second context in the
 * same JVM sometimes never handshakes with them (see {@link SharedContext}).
 */
public final class SharedContextSockets {

	private SharedContextSockets() {
	}

	/** A socket of the shared context, linger 0; close it with {@link #close}. */
	public static ZMQ.Socket open(SocketType type) {
		ZMQ.Socket socket = SharedContext.acquire().createSocket(type);
		socket.setLinger(0);
		return socket;
	}

	/** Closes a socket of {@link #open} and lets go of the shared context. */
	public static void close(ZMQ.Socket socket) {
		socket.close();
		SharedContext.release();
	}

}
