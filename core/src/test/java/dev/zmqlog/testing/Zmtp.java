package dev.zmqlog.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of ZMTP 3.0 (RFC 23), to speak to a ZeroMQ socket from a plain TCP socket, well
 * or badly.
 */
public final class Zmtp {

	/** The flags bit of a frame that is not the last of its message. */
	public static final int MORE = 0x01;

	/** The flags bit of a frame whose size takes eight bytes. */
	public static final int LARGE = 0x02;

	/** The flags bit of a command frame. */
	public static final int COMMAND = 0x04;

	private Zmtp() {
	}

	/**
	 * The 64-byte greeting: signature {@code 0xFF, 8 × 0x00, 0x7F}, version 3.0, the
	 * mechanism's name padded to 20 bytes, as-server and 31 bytes of filler.
	 */
	public static byte[] greeting(String mechanism, boolean asServer) {
		byte[] greeting = new byte[64];
		greeting[0] = (byte) 0xFF;
		greeting[9] = 0x7F;
		greeting[10] = 3;
		greeting[11] = 0;
		byte[] name = mechanism.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(name, 0, greeting, 12, Math.min(20, name.length));
		greeting[32] = (byte) (asServer ? 1 : 0);
		return greeting;
	}

	/** The NULL mechanism's READY command announcing a socket type, e.g. {@code PUB}. */
	public static byte[] ready(String socketType) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(5);
		body.writeBytes("READY".getBytes(StandardCharsets.US_ASCII));
		byte[] name = "Socket-Type".getBytes(StandardCharsets.US_ASCII);
		byte[] value = socketType.getBytes(StandardCharsets.US_ASCII);
		body.write(name.length);
		body.writeBytes(name);
		body.writeBytes(new byte[] { 0, 0, 0, (byte) value.length });
		body.writeBytes(value);
		return frame(COMMAND, body.toByteArray());
	}

	/** A frame header: the flags, then the size in one byte, or in eight with {@link #LARGE}. */
	public static byte[] header(int flags, long size) {
		if ((flags & LARGE) == 0) {
			return new byte[] { (byte) flags, (byte) size };
		}
		byte[] header = new byte[9];
		header[0] = (byte) flags;
		for (int i = 0; i < 8; i++) {
			header[1 + i] = (byte) (size >>> (56 - 8 * i));
		}
		return header;
	}

	/** A whole frame with its body, in the short or long form as its size needs. */
	public static byte[] frame(int flags, byte[] body) {
		int form = (body.length > 255) ? LARGE : 0;
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.writeBytes(header(flags | form, body.length));
		frame.writeBytes(body);
		return frame.toByteArray();
	}

	/**
	 * The 73 bytes of zmqlog issue 10 that froze JeroMQ 0.6.0's I/O thread for good: a NULL
	 * greeting and a frame header whose eight-byte size is all ones.
	 */
	public static byte[] frozeJeroMq() {
		return concat(greeting("NULL", false), header(LARGE, -1L));
	}

	/** Byte arrays one after the other. */
	public static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

}
