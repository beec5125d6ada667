package dev.zmqlog.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.zmqlog.testing.HostilePeer;
import org.junit.jupiter.params.provider.Arguments;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.awaitility.Awaitility.await;

/**
 * A zmqlog socket under attack, with a well-behaved peer beside the hostile one that
 * proves the socket still works: the appender's XPUB, the subscriber binding or
 * connecting, with or without CURVE.
 */
abstract class WireTarget implements AutoCloseable {

	private static final AtomicInteger texts = new AtomicInteger();

	private final ZContext context = SharedContext.acquire();

	final ZMQ.Curve.KeyPair serverKeys = CurveSettings.newKeyPair();

	final ZMQ.Curve.KeyPair clientKeys = CurveSettings.newKeyPair();

	final Set<String> received = ConcurrentHashMap.newKeySet();

	/** Every kind of socket, as JUnit arguments: a name, the target and the type a good peer would announce. */
	static Stream<Arguments> kinds() {
		return Stream.of(kind("appender's XPUB, bind", () -> new PublisherBind(false), "SUB"),
				kind("appender's XPUB, bind, CURVE", () -> new PublisherBind(true), "SUB"),
				kind("subscriber, bind", () -> new SubscriberBind(false), "PUB"),
				kind("subscriber, bind, CURVE", () -> new SubscriberBind(true), "PUB"),
				kind("subscriber, connect", SubscriberConnect::new, "PUB"));
	}

	private static Arguments kind(String name, Supplier<WireTarget> target, String peerType) {
		return Arguments.of(name, target, peerType);
	}

	ZMQ.Socket socket(SocketType type) {
		ZMQ.Socket socket = this.context.createSocket(type);
		socket.setLinger(0);
		return socket;
	}

	/** The mechanism hostile bytes should name in their greeting. */
	abstract String mechanism();

	/** Sends hostile bytes to the socket, whichever side connects. */
	abstract void attack(byte[] bytes);

	/** Sends one good message through the socket. */
	abstract void sendGood(String text);

	abstract PeerRefusals refusals();

	/** Sends good messages until one arrives: joins take a moment. */
	void awaitJoined() {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
			String text = "join-" + texts.incrementAndGet();
			sendGood(text);
			return !this.received.isEmpty();
		});
	}

	/**
	 * Sends one good message and waits for it.
	 * @return whether it arrived within the time
	 */
	boolean delivers(Duration within) {
		String text = "good-" + texts.incrementAndGet();
		sendGood(text);
		try {
			await().atMost(within).pollInterval(Duration.ofMillis(5)).until(() -> this.received.contains(text));
			return true;
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		closeSockets();
		SharedContext.release();
	}

	abstract void closeSockets();

	static String text(byte[] frame) {
		return new String(frame, StandardCharsets.UTF_8);
	}

	/** The appender's socket: an XPUB that binds, read by a subscriber beside the attacker. */
	static final class PublisherBind extends WireTarget {

		private final boolean curve;

		private final PublisherSocket publisher;

		private final LogSubscriber subscriber;

		PublisherBind(boolean curve) {
			this.curve = curve;
			this.publisher = PublisherSocket.open(SocketMode.BIND, List.of("tcp://127.0.0.1:*"), 1000,
					curve ? new CurveSettings(this.serverKeys.secretKey, this.serverKeys.publicKey, null, List.of())
							: CurveSettings.none());
			this.subscriber = LogSubscriber.builder()
				.endpoint(this.publisher.lastEndpoint())
				.curve(curve ? new CurveSettings(null, null, this.serverKeys.publicKey, List.of()) : CurveSettings.none())
				.listener((message) -> this.received.add(text(message.frames().get(message.frames().size() - 1))))
				.start();
		}

		@Override
		String mechanism() {
			return this.curve ? "CURVE" : "NULL";
		}

		@Override
		void attack(byte[] bytes) {
			HostilePeer.send(this.publisher.lastEndpoint(), bytes);
		}

		@Override
		void sendGood(String text) {
			// the publisher's socket belongs to its one thread: here the test's
			synchronized (this) {
				this.publisher.awaitSubscription(Duration.ZERO);
				this.publisher.send(new WireMessage("app.INFO".getBytes(StandardCharsets.UTF_8),
						text.getBytes(StandardCharsets.UTF_8)));
			}
		}

		@Override
		PeerRefusals refusals() {
			return PeerRefusals.publishers();
		}

		@Override
		void closeSockets() {
			this.subscriber.close();
			this.publisher.close();
		}

	}

	/** A zmqlog subscriber under attack, with a well-behaved PUB socket that feeds it. */
	abstract static class SubscriberTarget extends WireTarget {

		final ZMQ.Socket publisher = socket(SocketType.PUB);

		private LogSubscriber subscriber;

		/** Starts the subscriber, counting its refusals apart from other tests'. */
		void start(LogSubscriber.Builder builder) {
			this.subscriber = builder.refusals(new PeerRefusals("subscriber under attack"))
				.listener((message) -> this.received.add(text(message.frames().get(message.frames().size() - 1))))
				.start();
		}

		/** Sends one multipart message of the given frames from the good publisher. */
		synchronized void sendFrames(byte[]... frames) {
			for (int i = 0; i < frames.length - 1; i++) {
				this.publisher.sendMore(frames[i]);
			}
			this.publisher.send(frames[frames.length - 1]);
		}

		@Override
		void sendGood(String text) {
			sendFrames("app.INFO".getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		PeerRefusals refusals() {
			return this.subscriber.refusals();
		}

		@Override
		void closeSockets() {
			this.subscriber.close();
			this.publisher.close();
		}

	}

	/** The viewer's or watcher's subscriber binding, a publisher connected beside the attacker. */
	static final class SubscriberBind extends SubscriberTarget {

		private final boolean curve;

		private final String endpoint = dev.zmqlog.testing.FreePorts.endpoint();

		SubscriberBind(boolean curve) {
			this.curve = curve;
			start(LogSubscriber.builder()
				.endpoint(this.endpoint)
				.mode(ReceiveMode.BIND)
				.curve(curve ? new CurveSettings(this.serverKeys.secretKey, this.serverKeys.publicKey, null, List.of())
						: CurveSettings.none()));
			if (curve) {
				this.publisher.setCurveServerKey(ZMQ.Curve.z85Decode(this.serverKeys.publicKey));
				this.publisher.setCurvePublicKey(ZMQ.Curve.z85Decode(this.clientKeys.publicKey));
				this.publisher.setCurveSecretKey(ZMQ.Curve.z85Decode(this.clientKeys.secretKey));
			}
			this.publisher.connect(this.endpoint);
		}

		@Override
		String mechanism() {
			return this.curve ? "CURVE" : "NULL";
		}

		String endpoint() {
			return this.endpoint;
		}

		@Override
		void attack(byte[] bytes) {
			HostilePeer.send(this.endpoint, bytes);
		}

	}

	/**
	 * The viewer's subscriber connecting: to a good publisher and to a hostile one, which
	 * answers each of its connections with the bytes of one case.
	 */
	static final class SubscriberConnect extends SubscriberTarget {

		private final HostilePeer.Server hostile = new HostilePeer.Server();

		SubscriberConnect() {
			String good = "tcp://127.0.0.1:" + this.publisher.bindToRandomPort("tcp://127.0.0.1");
			start(LogSubscriber.builder().endpoints(List.of(good, this.hostile.endpoint())));
		}

		@Override
		String mechanism() {
			return "NULL";
		}

		@Override
		void attack(byte[] bytes) {
			this.hostile.serveOnce(bytes);
		}

		@Override
		void closeSockets() {
			super.closeSockets();
			this.hostile.close();
		}

	}

}
