package dev.zmqlog.transport;

import java.util.Map;
import java.util.WeakHashMap;

import org.jspecify.annotations.Nullable;
import zmq.Msg;
import zmq.io.Metadata;
import zmq.msg.MsgAllocator;

/**
 * Allocates every frame a socket receives (JeroMQ's {@code ZMQ_MSG_ALLOCATOR}, called by
 * its decoder with the frame's size) and keeps each connection's message within the
 * socket's {@link InboundLimits}.
 * <p>
 * JeroMQ 0.6.0 reads a frame size whose top bit is set as a negative number and fails
 * on it in its I/O thread, which then never recovers (zeromq/jeromq issue 1005, fixed by
 * PR 1006, not yet released). The decoder hands the allocator that size cut to an
 * {@code int}: a negative one, or one over the limit, is refused here without an
 * exception, as an empty command frame that JeroMQ's own checks then reject. When a
 * JeroMQ release carries the fix, the negative-size check below may go; the limits stay.
 * <p>
 * A subscriber's socket also counts every data frame into its {@link ReceiveQueue}, and
 * drops a message whole, from its first frame, while that queue holds its budget.
 * <p>
 * Used by ZeroMQ's I/O thread only.
 */
final class InboundFrames implements MsgAllocator {

	private final InboundLimits limits;

	private final SocketGuard guard;

	/** The bytes queued for the subscriber, or {@code null} for a socket bounded otherwise. */
	private final @Nullable ReceiveQueue queue;

	/**
	 * A property that makes each connection's metadata unique: a connecting socket's
	 * connections to one publisher would otherwise have equal metadata, and a new
	 * connection would inherit the refusal of the one before.
	 */
	private static final String CONNECTION_PROPERTY = "X-Zmqlog-Connection";

	/** The message each connection is receiving, by the connection's metadata; gone with it. */
	private final Map<Metadata, MessageTally> connections = new WeakHashMap<>();

	private long connectionCount;

	/**
	 * The connection of the last frame admitted and its tally: frames come in runs from one
	 * connection, and looking its metadata up hashes all its properties, twice a message.
	 * Holds that one connection's metadata until a frame of another arrives.
	 */
	private @Nullable Metadata lastMetadata;

	private @Nullable MessageTally lastTally;

	InboundFrames(InboundLimits limits, SocketGuard guard, @Nullable ReceiveQueue queue) {
		this.limits = limits;
		this.guard = guard;
		this.queue = queue;
	}

	@Override
	public Msg allocate(int size) {
		if (size < 0) {
			// the JeroMQ 0.6.0 workaround: without it the I/O thread spins on this connection forever
			return refuse(RefusalReason.MALFORMED_FRAME_SIZE);
		}
		if (size > this.limits.maxFrameBytes()) {
			return refuse(RefusalReason.FRAME_TOO_LARGE);
		}
		return new CheckedFrame(this, size);
	}

	private Msg refuse(RefusalReason reason) {
		// the connection is not known here; the guard names it when JeroMQ closes it
		this.guard.frameRefused(reason);
		return CheckedFrame.refused(this, reason);
	}

	/**
	 * Counts a frame into its connection's message.
	 * @return whether the frame may be queued; false once its connection is refused
	 */
	boolean admit(CheckedFrame frame, Metadata metadata) {
		MessageTally tally = this.lastTally;
		if (metadata != this.lastMetadata || tally == null) {
			tally = tally(metadata);
			this.lastMetadata = metadata;
			this.lastTally = tally;
		}
		if (tally.refused) {
			return false;
		}
		boolean firstFrame = tally.frames == 0;
		RefusalReason refusal = (frame.refusal() != null) ? frame.refusal() : tally.add(frame, this.limits);
		if (refusal == null) {
			return queue(tally, frame, firstFrame);
		}
		tally.refused = true;
		String peer = metadata.get(Metadata.PEER_ADDRESS);
		this.guard.close((peer != null) ? peer : "unknown peer", refusal);
		return false;
	}

	/**
	 * Counts a data frame into the receive queue, or drops it: a message is dropped whole,
	 * decided at its first frame, so that the reader never sees part of one and a full
	 * queue costs the publisher messages, not its connection. Commands (heartbeats) are
	 * JeroMQ's own and never queued.
	 */
	private boolean queue(MessageTally tally, CheckedFrame frame, boolean firstFrame) {
		ReceiveQueue receiveQueue = this.queue;
		if (receiveQueue == null || frame.isCommand()) {
			return true;
		}
		if (firstFrame) {
			tally.shedding = receiveQueue.sheds(tally.share);
		}
		if (tally.shedding) {
			receiveQueue.shed(frame.size(), firstFrame);
			return false;
		}
		receiveQueue.added(tally.share, frame);
		return true;
	}

	private MessageTally tally(Metadata metadata) {
		if (!metadata.containsKey(CONNECTION_PROPERTY)) {
			metadata.set(CONNECTION_PROPERTY, Long.toString(++this.connectionCount));
		}
		return this.connections.computeIfAbsent(metadata, (key) -> new MessageTally());
	}

	/** The frames and bytes of the message a connection is receiving. */
	private static final class MessageTally {

		private int frames;

		private long bytes;

		private boolean refused;

		/** Whether the message being received is dropped: the queue was full at its first frame. */
		private boolean shedding;

		/** What the connection has queued for the subscriber. */
		private final ReceiveQueue.Share share = new ReceiveQueue.Share();

		RefusalReason add(CheckedFrame frame, InboundLimits limits) {
			this.frames++;
			this.bytes += frame.size();
			RefusalReason refusal = null;
			if (this.frames > limits.maxFrames()) {
				refusal = RefusalReason.TOO_MANY_FRAMES;
			}
			else if (this.bytes > limits.maxMessageBytes()) {
				refusal = RefusalReason.MESSAGE_TOO_LARGE;
			}
			if (!frame.hasMore()) {
				this.frames = 0;
				this.bytes = 0;
			}
			return refusal;
		}

	}

}
