package dev.zmqlog.viewer.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP as an attacker writes it: any bytes over a plain socket to 127.0.0.1, where
 * {@code java.net.http} would refuse to send them (raw {@code |} in a URL, control
 * characters, broken framing). The answer is read as far as it goes: the headers of a
 * WebSocket upgrade, else the whole body (chunked or not) until the server closes.
 */
public final class RawHttp {

	private static final int TIMEOUT_MILLIS = 5_000;

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/**
	 * {@code GET target} with {@code Connection: close} and the given header lines, and
	 * {@code Host: 127.0.0.1:PORT} unless they name another.
	 */
	public Answer get(String target, String... headerLines) {
		return send(request(target, "Connection: close", headerLines));
	}

	/** A WebSocket handshake for {@code target}, with the given header lines. */
	public Answer upgrade(String target, String... headerLines) {
		return send(request(target, "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
				+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", headerLines));
	}

	private byte[] request(String target, String fixedLines, String... headerLines) {
		StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
		if (Arrays.stream(headerLines).noneMatch((line) -> line.regionMatches(true, 0, "Host:", 0, 5))) {
			request.append("Host: 127.0.0.1:").append(this.port).append("\r\n");
		}
		request.append(fixedLines).append("\r\n");
		for (String line : headerLines) {
			request.append(line).append("\r\n");
		}
		return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	/** Sends the bytes as they are. */
	public Answer send(byte[] request) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			socket.getOutputStream().write(request);
			socket.getOutputStream().flush();
			return read(new java.io.BufferedInputStream(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Answer read(InputStream in) throws IOException {
		String head = readHead(in);
		if (head.isEmpty()) {
			return new Answer(0, Map.of(), "");
		}
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
		}
		if (status == 101) {
			return new Answer(status, headers, "");
		}
		boolean chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
		String length = headers.get("content-length");
		byte[] body = chunked ? dechunk(readChunks(in))
				: readToEnd(in, (length != null) ? Integer.parseInt(length) : Integer.MAX_VALUE);
		return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		int b;
		while (matched < 4 && (b = readOrEnd(in)) >= 0) {
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		String text = head.toString(StandardCharsets.ISO_8859_1);
		return text.isEmpty() ? "" : text.strip();
	}

	private static int readOrEnd(InputStream in) throws IOException {
		try {
			return in.read();
		}
		catch (SocketTimeoutException | java.net.SocketException ex) {
			return -1;
		}
	}

	/** Up to {@code length} bytes, fewer when the server closes first. */
	private static byte[] readToEnd(InputStream in, int length) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int b;
		while (body.size() < length && (b = readOrEnd(in)) >= 0) {
			body.write(b);
		}
		return body.toByteArray();
	}

	/** A chunked body up to its last, empty chunk (or the server's close). */
	private static byte[] readChunks(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int b;
		while ((b = readOrEnd(in)) >= 0) {
			body.write(b);
			if (b == '\n' && ("\n" + body.toString(StandardCharsets.ISO_8859_1)).endsWith("\n0\r\n\r\n")) {
				break;
			}
		}
		return body.toByteArray();
	}

	private static byte[] dechunk(byte[] chunked) {
		String text = new String(chunked, StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < text.length()) {
			int lineEnd = text.indexOf("\r\n", at);
			if (lineEnd < 0) {
				break;
			}
			int size = Integer.parseInt(text.substring(at, lineEnd).strip(), 16);
			if (size == 0) {
				break;
			}
			body.writeBytes(text.substring(lineEnd + 2, lineEnd + 2 + size).getBytes(StandardCharsets.ISO_8859_1));
			at = lineEnd + 2 + size + 2;
		}
		return body.toByteArray();
	}

	/**
	 * What came back.
	 *
	 * @param status the status code; 0 when the server closed without a word
	 * @param headers header names in lower case
	 * @param body the body, decoded as UTF-8
	 */
	public record Answer(int status, Map<String, String> headers, String body) {

		public boolean isJson() {
			return headers().getOrDefault("content-type", "").startsWith("application/json");
		}

	}

}
