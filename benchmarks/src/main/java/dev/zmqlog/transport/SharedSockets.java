package dev.zmqlog.transport;

import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Plain JeroMQ sockets of the JVM's one shared context, for the benchmarks' own peers
 * (a JeroMQ socket of a second context in the same JVM sometimes never handshakes). In
 * this package because {@link SharedContext} is package-private.
 */
public final class SharedSockets {

	private SharedSockets() {
	}

	public static ZMQ.Socket open(SocketType type) {
		ZMQ.Socket socket = SharedContext.acquire().createSocket(type);
		socket.setLinger(0);
		return socket;
	}

	public static void close(ZMQ.Socket socket) {
		socket.close();
		SharedContext.release();
	}

}
