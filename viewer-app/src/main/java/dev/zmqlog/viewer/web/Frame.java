package dev.zmqlog.viewer.web;

import java.nio.ByteBuffer;

/**
 * One WebSocket message of the stream, UTF-8 JSON text. The frames of a batch are views of
 * one buffer that every browser is sent as it is; for a batch of ordinary size a direct
 * one, which a socket writes without first copying it into one of its own, as it does a
 * heap array per browser and per write (see {@link StreamFrames#write}).
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
