package dev.zmqlog.transport;

import org.jspecify.annotations.Nullable;
import zmq.Msg;
import zmq.io.Metadata;

/**
 * A received frame that reports to its socket's {@link InboundFrames} once JeroMQ has
 * read it and tagged it with its connection's metadata; a frame the socket refuses is
 * then turned into a command frame, which JeroMQ's session discards. A frame whose size
 * was refused outright is an empty command frame from the start: during a handshake, or
 * with CURVE, JeroMQ takes it for a broken command and closes the connection itself.
 */
final class CheckedFrame extends Msg {

	private final InboundFrames frames;

	private final @Nullable RefusalReason refusal;

	private boolean counted;

	private boolean discarded;

	/** The connection's share of the receive queue the frame was counted into, if it was. */
	private ReceiveQueue.@Nullable Share share;

	CheckedFrame(InboundFrames frames, int size) {
		super(size);
		this.frames = frames;
		this.refusal = null;
	}

	private CheckedFrame(InboundFrames frames, RefusalReason refusal) {
		super(0);
		this.frames = frames;
		this.refusal = refusal;
		setFlags(COMMAND);
	}

	/** An empty command frame in place of a frame whose size was refused. */
	static CheckedFrame refused(InboundFrames frames, RefusalReason reason) {
		return new CheckedFrame(frames, reason);
	}

	@Nullable RefusalReason refusal() {
		return this.refusal;
	}

	/** Set by the I/O thread before JeroMQ queues the frame, read by the subscriber's after. */
	void queuedIn(ReceiveQueue.Share share) {
		this.share = share;
	}

	ReceiveQueue.@Nullable Share share() {
		return this.share;
	}

	@Override
	public Msg setMetadata(@Nullable Metadata metadata) {
		// JeroMQ's engine tags each frame with its connection's metadata right before it
		// queues it; later calls (a proxy forwarding the frame resets it) are not arrivals
		if (metadata != null && !this.counted) {
			this.counted = true;
			this.discarded = !this.frames.admit(this, metadata);
		}
		return super.setMetadata(metadata);
	}

	@Override
	public boolean isCommand() {
		return this.discarded || super.isCommand();
	}

}
