package dev.zmqlog.logback;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of one payload while it is written, reused from event to event by the I/O
 * thread. Unlike {@link java.io.ByteArrayOutputStream} it takes no lock, and it lets go
 * of an array grown by an exceptionally large event so that memory stays bounded.
 */
final class PayloadBuffer extends OutputStream {

	private static final int INITIAL_CAPACITY = 1024;

	/** Larger arrays are not kept from one event to the next. */
	static final int MAX_RETAINED_CAPACITY = 64 * 1024;

	private byte[] bytes = new byte[INITIAL_CAPACITY];

	private int size;

	/** Empties the buffer for the next payload. */
	void reset() {
		this.size = 0;
		if (this.bytes.length > MAX_RETAINED_CAPACITY) {
			this.bytes = new byte[INITIAL_CAPACITY];
		}
	}

	@Override
	public void write(int b) {
		ensureRoom(1);
		this.bytes[this.size++] = (byte) b;
	}

	@Override
	public void write(byte[] source, int offset, int length) {
		ensureRoom(length);
		System.arraycopy(source, offset, this.bytes, this.size, length);
		this.size += length;
	}

	private void ensureRoom(int more) {
		int needed = this.size + more;
		if (needed > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(needed, this.bytes.length * 2));
		}
	}

	/** The payload written since the last {@link #reset()}, in an array of its own. */
	byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.size);
	}

	int capacity() {
		return this.bytes.length;
	}

}
