package dev.zmqlog.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A TCP peer that sends whatever bytes it is given to a ZeroMQ socket: as a client of a
 * socket that binds, or as a server that a connecting socket reaches.
 */
public final class HostilePeer {

	private static final int TIMEOUT_MILLIS = 2_000;

	/** Closes a peer whose writes block (the ZeroMQ socket stopped reading), after this long. */
	private static final long WRITE_LIMIT_MILLIS = 5_000;

	private static final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "hostile-peer-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	private HostilePeer() {
	}

	/**
	 * Connects to an endpoint such as {@code tcp://127.0.0.1:5556}, sends the bytes, ends
	 * its side of the stream and reads until the socket closes the connection (or two
	 * seconds pass), so that every byte is read before the connection goes. A socket that
	 * closes first ends the sending quietly: being cut off is the expected answer to
	 * hostile bytes.
	 * @return whether every byte was sent before the socket closed the connection
	 */
	public static boolean send(String endpoint, byte[] bytes) {
		URI uri = URI.create(endpoint);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			return write(socket, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot connect to " + endpoint, ex);
		}
	}

	/**
	 * Completes a NULL handshake as a well-behaved peer would (sends its greeting and
	 * READY, reads the socket's), then sends the bytes and keeps its side open, waiting for
	 * the ZeroMQ socket to close the connection.
	 * @param opening the peer's greeting and READY command
	 * @param bytes what it sends once the handshake is done
	 * @return whether the socket closed the connection within two seconds
	 */
	public static boolean sendAfterHandshake(String endpoint, byte[] opening, byte[] bytes) {
		URI uri = URI.create(endpoint);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			DataInputStream in = handshake(socket, opening);
			socket.getOutputStream().write(bytes);
			while (in.read(new byte[4096]) >= 0) {
				// whatever the socket sends until it closes
			}
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			// reset: closed too
			return true;
		}
	}

	/**
	 * Completes a NULL handshake as {@link #sendAfterHandshake} does, sends the bytes and
	 * closes the connection at once, as a publisher that goes away in the middle of a
	 * message would.
	 */
	public static void sendAfterHandshakeAndLeave(String endpoint, byte[] opening, byte[] bytes) {
		URI uri = URI.create(endpoint);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			handshake(socket, opening);
			socket.getOutputStream().write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot send to " + endpoint, ex);
		}
	}

	/** Sends the peer's greeting and READY, reads the socket's greeting and its READY. */
	private static DataInputStream handshake(Socket socket, byte[] opening) throws IOException {
		socket.getOutputStream().write(opening);
		DataInputStream in = new DataInputStream(socket.getInputStream());
		in.readFully(new byte[64]);
		int flags = in.readUnsignedByte();
		long size = ((flags & Zmtp.LARGE) != 0) ? in.readLong() : in.readUnsignedByte();
		in.readFully(new byte[(int) size]);
		return in;
	}

	private static boolean write(Socket socket, byte[] bytes) {
		ScheduledFuture<?> cutOff = watchdog.schedule(() -> closeQuietly(socket), WRITE_LIMIT_MILLIS,
				TimeUnit.MILLISECONDS);
		try {
			return writeAndDrain(socket, bytes);
		}
		finally {
			cutOff.cancel(false);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closed already
		}
	}

	private static boolean writeAndDrain(Socket socket, byte[] bytes) {
		try {
			OutputStream out = socket.getOutputStream();
			out.write(bytes);
			out.flush();
			socket.shutdownOutput();
		}
		catch (IOException ex) {
			return false;
		}
		drain(socket);
		return true;
	}

	/** Reads what the ZeroMQ socket sends until it closes the connection. */
	private static void drain(Socket socket) {
		byte[] buffer = new byte[4096];
		try {
			while (socket.getInputStream().read(buffer) >= 0) {
				// the greeting and handshake of the ZeroMQ socket: ignored
			}
		}
		catch (IOException ex) {
			// reset or timed out: the connection is over either way
		}
	}

	/**
	 * A server for a connecting socket: each connection it accepts gets the bytes once,
	 * then is closed.
	 */
	public static final class Server implements AutoCloseable {

		private final ServerSocket server;

		public Server() {
			try {
				this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				this.server.setSoTimeout(TIMEOUT_MILLIS);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** The endpoint to connect a ZeroMQ socket to. */
		public String endpoint() {
			return "tcp://127.0.0.1:" + this.server.getLocalPort();
		}

		/**
		 * Waits for the next connection, sends it the bytes and closes it.
		 * @return whether a connection came within the timeout
		 */
		public boolean serveOnce(byte[] bytes) {
			try (Socket socket = this.server.accept()) {
				socket.setSoTimeout(TIMEOUT_MILLIS);
				write(socket, bytes);
				return true;
			}
			catch (SocketTimeoutException ex) {
				return false;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			try {
				this.server.close();
			}
			catch (IOException ex) {
				// closing
			}
		}

	}

}
