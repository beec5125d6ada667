package dev.zmqlog.viewer.web;

import java.nio.ByteBuffer;

/**
 * One WebSocket message of the stream, UTF-8 JSON text: a slice of an array that may hold
 * other frames too, so that a batch's frames are the very bytes its entries were written
 * into, and every browser is sent the same bytes without a copy.
 *
 * @param buffer the array
 * @param offset where the frame starts in it
 * @param length how long it is
 */
record Frame(byte[] buffer, int offset, int length) {

	/** A frame that is a whole array. */
	static Frame of(byte[] bytes) {
		return new Frame(bytes, 0, bytes.length);
	}

	/** A buffer of its own for each send: the socket moves its position. */
	ByteBuffer bytes() {
		return ByteBuffer.wrap(this.buffer, this.offset, this.length);
	}

}
