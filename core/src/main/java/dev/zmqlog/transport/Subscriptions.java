package dev.zmqlog.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.zeromq.ZMQ;

/**
 * The topic prefixes an XSUB socket subscribes to, sent as ZeroMQ's subscription messages
 * (a 1 or 0 byte, then the prefix), and matched against the messages that arrive.
 */
final class Subscriptions {

	/** A socket that takes no subscriptions (PULL): everything matches. */
	static final Subscriptions NONE = new Subscriptions(List.of());

	private static final byte SUBSCRIBE = 1;

	private static final byte UNSUBSCRIBE = 0;

	private final List<byte[]> prefixes;

	private final boolean everything;

	private Subscriptions(List<byte[]> prefixes) {
		this.prefixes = prefixes;
		this.everything = prefixes.isEmpty() || prefixes.stream().anyMatch((prefix) -> prefix.length == 0);
	}

	static Subscriptions of(List<String> topics) {
		return new Subscriptions(topics.stream().map((topic) -> topic.getBytes(StandardCharsets.UTF_8)).toList());
	}

	void subscribe(ZMQ.Socket socket) {
		send(socket, SUBSCRIBE);
	}

	void unsubscribe(ZMQ.Socket socket) {
		send(socket, UNSUBSCRIBE);
	}

	/** Whether a message whose first frame this is was subscribed to. */
	boolean matches(byte[] firstFrame) {
		if (this.everything) {
			return true;
		}
		for (byte[] prefix : this.prefixes) {
			if (firstFrame.length >= prefix.length
					&& Arrays.equals(firstFrame, 0, prefix.length, prefix, 0, prefix.length)) {
				return true;
			}
		}
		return false;
	}

	private void send(ZMQ.Socket socket, byte command) {
		for (byte[] prefix : this.prefixes) {
			byte[] message = new byte[prefix.length + 1];
			message[0] = command;
			System.arraycopy(prefix, 0, message, 1, prefix.length);
			socket.send(message, ZMQ.DONTWAIT);
		}
	}

}
