package dev.zmqlog.benchmarks;

import java.time.Duration;

import dev.zmqlog.transport.SharedContextSockets;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The yardstick: JeroMQ alone sending pre-built frames, with the flags the appender's
 * socket uses. An XPUB (the send path of PUB) only so that it can wait for the subscriber
 * instead of losing the first messages to the slow joiner.
 */
final class PlainSender implements Sender {

	private final ZMQ.Socket socket;

	private final byte[] topic;

	private final byte[] payload;

	PlainSender(String endpoint, int sendHighWaterMark, byte[][] frames, Duration awaitSubscriber) {
		this.topic = frames[0];
		this.payload = frames[1];
		this.socket = SharedContextSockets.open(SocketType.XPUB);
		this.socket.setSndHWM(sendHighWaterMark);
		this.socket.bind(endpoint);
		this.socket.setReceiveTimeOut((int) awaitSubscriber.toMillis());
		if (this.socket.recv() == null) {
			close();
			throw new IllegalStateException("no subscriber on " + endpoint + " within " + awaitSubscriber);
		}
	}

	@Override
	public void send(long i) {
		this.socket.send(this.topic, ZMQ.SNDMORE | ZMQ.DONTWAIT);
		this.socket.send(this.payload, ZMQ.DONTWAIT);
	}

	@Override
	public long dropped() {
		return 0;
	}

	@Override
	public void close() {
		SharedContextSockets.close(this.socket);
	}

}
