package dev.zmqlog.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static dev.zmqlog.testing.Zmtp.COMMAND;
import static dev.zmqlog.testing.Zmtp.LARGE;
import static dev.zmqlog.testing.Zmtp.MORE;

/**
 * Broken ZMTP 3.0 from a seed: random greetings, truncated ones, frame headers with
 * random flags and sizes (negative, huge, all ones, over the limit), command frames,
 * endless messages and floods of tiny ones, for the NULL and CURVE mechanisms. The same
 * seed gives the same cases.
 */
public final class WireFuzzer {

	/** Sizes that broke ZeroMQ implementations before, and their neighbours. */
	private static final long[] SPECIAL_SIZES = { Long.MIN_VALUE, -1L, Long.MIN_VALUE | 0x7FFF_FFFFL,
			0x8000_0000_0000_0005L, 0xFFFF_FFFF_0000_0000L, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL,
			0x1_0000_0005L, Long.MAX_VALUE, 4L * 1024 * 1024 + 1, 0, 1 };

	private static final int[] FLAGS = { 0x00, MORE, LARGE, LARGE | MORE, COMMAND, COMMAND | LARGE, 0x07, 0xF8 };

	private final Random random;

	private String lastCase = "";

	public WireFuzzer(long seed) {
		this.random = new Random(seed);
	}

	/** What the last case was, to reproduce it. */
	public String lastCase() {
		return this.lastCase;
	}

	/**
	 * The bytes of the next case.
	 * @param mechanism the mechanism the attacked socket speaks, {@code NULL} or {@code CURVE}
	 * @param peerType the socket type a well-behaved peer would announce, e.g. {@code PUB}
	 */
	public byte[] next(String mechanism, String peerType) {
		byte[] greeting = Zmtp.greeting(this.random.nextInt(8) == 0 ? otherMechanism(mechanism) : mechanism,
				this.random.nextBoolean());
		byte[] opening = "NULL".equals(mechanism) && this.random.nextInt(4) > 0
				? Zmtp.concat(greeting, Zmtp.ready(peerType)) : greeting;
		return switch (this.random.nextInt(7)) {
			case 0 -> named("random bytes", randomBytes(this.random.nextInt(100)));
			case 1 -> named("corrupted greeting", corrupt(greeting));
			case 2 -> named("truncated greeting", java.util.Arrays.copyOf(greeting, this.random.nextInt(64)));
			case 3 -> named("endless message", Zmtp.concat(opening, endlessMessage()));
			case 4 -> named("tiny messages", Zmtp.concat(opening, tinyMessages()));
			case 5 -> named("CURVE HELLO of garbage", Zmtp.concat(Zmtp.greeting("CURVE", false), garbageCommand("HELLO")));
			default -> named("random frames", Zmtp.concat(opening, randomFrames()));
		};
	}

	private byte[] named(String name, byte[] bytes) {
		this.lastCase = name + " (" + bytes.length + " bytes)";
		return bytes;
	}

	private String otherMechanism(String mechanism) {
		return switch (this.random.nextInt(3)) {
			case 0 -> "PLAIN";
			case 1 -> "NULL".equals(mechanism) ? "CURVE" : "NULL";
			default -> new String(randomBytes(1 + this.random.nextInt(20)), StandardCharsets.ISO_8859_1);
		};
	}

	private byte[] corrupt(byte[] greeting) {
		byte[] corrupted = greeting.clone();
		for (int i = 1 + this.random.nextInt(4); i > 0; i--) {
			corrupted[this.random.nextInt(corrupted.length)] = (byte) this.random.nextInt(256);
		}
		return Zmtp.concat(corrupted, randomFrames());
	}

	private byte[] randomFrames() {
		ByteArrayOutputStream frames = new ByteArrayOutputStream();
		for (int i = 1 + this.random.nextInt(5); i > 0; i--) {
			int flags = FLAGS[this.random.nextInt(FLAGS.length)];
			long size = ((flags & LARGE) != 0) ? SPECIAL_SIZES[this.random.nextInt(SPECIAL_SIZES.length)]
					: this.random.nextInt(256);
			if (this.random.nextInt(4) == 0) {
				size = this.random.nextLong();
			}
			frames.writeBytes(Zmtp.header(flags, size));
			// the body as announced, or cut short
			long body = Math.min(size < 0 ? 0 : size, 512);
			frames.writeBytes(randomBytes(this.random.nextInt((int) body + 1)));
		}
		return frames.toByteArray();
	}

	/** One message that never ends: frames with MORE, of many bytes or many frames. */
	private byte[] endlessMessage() {
		boolean manyFrames = this.random.nextBoolean();
		int frameSize = manyFrames ? 0 : 64 * 1024;
		int frames = manyFrames ? 20_000 : 160;
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		byte[] frame = Zmtp.frame(MORE, new byte[frameSize]);
		for (int i = 0; i < frames; i++) {
			message.writeBytes(frame);
		}
		return message.toByteArray();
	}

	private byte[] tinyMessages() {
		ByteArrayOutputStream messages = new ByteArrayOutputStream();
		for (int i = 0; i < 2_000; i++) {
			messages.writeBytes(Zmtp.frame(0, new byte[] { 1, (byte) this.random.nextInt(256) }));
		}
		return messages.toByteArray();
	}

	private byte[] garbageCommand(String name) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(name.length());
		body.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(randomBytes(this.random.nextInt(300)));
		return Zmtp.frame(COMMAND, body.toByteArray());
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

}
