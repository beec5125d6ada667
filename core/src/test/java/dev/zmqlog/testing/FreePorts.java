package dev.zmqlog.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports chosen by the operating system, for tests that need a fixed endpoint before a
 * socket binds it.
 */
public final class FreePorts {

	private FreePorts() {
	}

	/** A TCP port on 127.0.0.1 that was free a moment ago. */
	public static int next() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A fresh {@code tcp://127.0.0.1:PORT} endpoint. */
	public static String endpoint() {
		return "tcp://127.0.0.1:" + next();
	}

}
