package dev.zmqlog.transport;

/**
 * What one received message may take, all its frames together, checked in ZeroMQ's I/O
 * thread as the frames arrive: a peer that goes beyond loses its connection before the
 * memory is taken.
 *
 * @param maxMessageBytes the largest message, all frames together
 * @param maxFrames the most frames one message may have, so that a stream of empty frames
 * is bounded too
 */
public record InboundLimits(long maxMessageBytes, int maxFrames) {

	/** Frames a log message may have: zmqlog sends two, other publishers one to three. */
	public static final int DEFAULT_MAX_FRAMES = 64;

	public InboundLimits {
		if (maxMessageBytes <= 0 || maxFrames <= 0) {
			throw new IllegalArgumentException("limits must be positive: " + maxMessageBytes + " bytes, "
					+ maxFrames + " frames");
		}
	}

	/** Log messages of at most the given size, all frames together. */
	public static InboundLimits messagesOf(long maxMessageBytes) {
		return new InboundLimits(maxMessageBytes, DEFAULT_MAX_FRAMES);
	}

	/** What a publisher receives: subscriptions, one short frame each. */
	public static InboundLimits subscriptions() {
		return new InboundLimits(64 * 1024, 4);
	}

	/** The largest single frame: a frame can be no larger than its message. */
	long maxFrameBytes() {
		return Math.min(Integer.MAX_VALUE, this.maxMessageBytes);
	}

}
