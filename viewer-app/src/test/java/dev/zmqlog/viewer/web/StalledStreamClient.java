package dev.zmqlog.viewer.web;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.zmqlog.viewer.ViewerApi;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A browser that stops reading: a plain socket that makes the WebSocket handshake and then
 * reads nothing, so that its receive buffer fills and the server's writes block, until the
 * test reads on and sees what the server sent meanwhile.
 */
final class StalledStreamClient implements AutoCloseable {

	private static final int OPCODE_CONTINUATION = 0;

	private static final int OPCODE_TEXT = 1;

	private static final int OPCODE_BINARY = 2;

	private static final int OPCODE_CLOSE = 8;

	private final Socket socket;

	private final DataInputStream in;

	private final List<StreamClient.Frame> frames = new ArrayList<>();

	private boolean closedByServer;

	private StalledStreamClient(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new DataInputStream(socket.getInputStream());
	}

	static StalledStreamClient connect(int port, String query) {
		try {
			Socket socket = new Socket();
			// small, so that the server's sends block after little data
			socket.setReceiveBufferSize(8 * 1024);
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			StalledStreamClient client = new StalledStreamClient(socket);
			client.handshake(port, query);
			return client;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void handshake(int port, String query) throws IOException {
		String head = sendHandshake(port, query, null);
		if (!head.startsWith("HTTP/1.1 101")) {
			throw new IllegalStateException("handshake refused:\n" + head);
		}
	}

	/** The status line a WebSocket handshake from a page of {@code origin} gets. */
	static String handshakeStatus(int port, String origin) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			String head = new StalledStreamClient(socket).sendHandshake(port, "", origin);
			return head.substring(0, head.indexOf('\r'));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sends the upgrade request and reads the answer's head, and nothing more. */
	private String sendHandshake(int port, String query, String origin) throws IOException {
		OutputStream out = this.socket.getOutputStream();
		out.write(("GET /api/stream" + (query.isEmpty() ? "" : "?" + query) + " HTTP/1.1\r\n" + "Host: 127.0.0.1:" + port
				+ "\r\n" + ((origin != null) ? "Origin: " + origin + "\r\n" : "") + "Upgrade: websocket\r\n"
				+ "Connection: Upgrade\r\n" + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
				+ "Sec-WebSocket-Version: 13\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		this.socket.setSoTimeout(5_000);
		// byte by byte up to the blank line: not one byte of the frames is read
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			head.append((char) this.in.readUnsignedByte());
		}
		return head.toString();
	}

	/**
	 * Reads frames until the condition holds for those read so far, the server closes, or
	 * the timeout passes.
	 */
	List<StreamClient.Frame> readUntil(Predicate<List<StreamClient.Frame>> done, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (!done.test(this.frames) && !this.closedByServer) {
				long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
				if (remainingMillis <= 0) {
					break;
				}
				this.socket.setSoTimeout((int) remainingMillis);
				readMessage();
			}
		}
		catch (SocketTimeoutException ex) {
			// what arrived is what the test judges
		}
		catch (IOException ex) {
			this.closedByServer = true;
		}
		return List.copyOf(this.frames);
	}

	boolean closedByServer() {
		return this.closedByServer;
	}

	private void readMessage() throws IOException {
		java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
		while (true) {
			int first = this.in.readUnsignedByte();
			int second = this.in.readUnsignedByte();
			boolean fin = (first & 0x80) != 0;
			int opcode = first & 0x0f;
			long length = second & 0x7f;
			if (length == 126) {
				length = this.in.readUnsignedShort();
			}
			else if (length == 127) {
				length = this.in.readLong();
			}
			byte[] payload = new byte[Math.toIntExact(length)];
			this.in.readFully(payload);
			if (opcode == OPCODE_CLOSE) {
				this.closedByServer = true;
				return;
			}
			if (opcode == OPCODE_TEXT || opcode == OPCODE_BINARY || opcode == OPCODE_CONTINUATION) {
				message.write(payload);
				if (fin) {
					StreamClient.Frame frame = parse(message.toString(StandardCharsets.UTF_8));
					if (frame != null) {
						this.frames.add(frame);
					}
					return;
				}
			}
			// pings and pongs carry nothing the test needs
		}
	}

	/** The frame, or {@code null} for the greeting that names the viewer's instance. */
	private static StreamClient.@Nullable Frame parse(String text) {
		JsonNode frame = ViewerApi.JSON.readTree(text);
		if ("hello".equals(frame.get("type").asString())) {
			return null;
		}
		List<JsonNode> entries = new ArrayList<>();
		if ("entries".equals(frame.get("type").asString())) {
			frame.get("entries").forEach(entries::add);
			return new StreamClient.Frame(entries, 0);
		}
		return new StreamClient.Frame(entries, frame.get("count").asLong());
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
