package dev.zmqlog.viewer.web;

import java.nio.ByteBuffer;

/**
 * One WebSocket message of the stream, UTF-8 JSON text. The frames of a batch are views of
 * one direct buffer that every browser is sent as it is: a socket writes a direct buffer
 * without first copying it into one of its own, which for a heap array it does per
 * browser and per write (for ten browsers that copy took as long as the kernel's).
 *
 * @param content the frame's bytes, from its position to its limit, never moved
 */
record Frame(ByteBuffer content) {

	/** A frame that is a whole array. */
	static Frame of(byte[] bytes) {
		return new Frame(ByteBuffer.wrap(bytes));
	}

	/** A buffer of its own for each send: the socket moves its position. */
	ByteBuffer bytes() {
		return this.content.duplicate();
	}

}
