package dev.zmqlog.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A CURVE publisher and zmqlog's own subscriber in one JVM, sharing the context and its
 * ZAP handler.
 */
class CurveSameJvmTest {

	private final ZMQ.Curve.KeyPair server = ZMQ.Curve.generateKeyPair();

	private final ZMQ.Curve.KeyPair client = ZMQ.Curve.generateKeyPair();

	@Test
	void allowedSubscriberReceivesFromCurvePublisher() {
		CurveSettings serverSide = new CurveSettings(this.server.secretKey, this.server.publicKey, null,
				List.of(this.client.publicKey));
		CurveSettings clientSide = new CurveSettings(this.client.secretKey, this.client.publicKey,
				this.server.publicKey, List.of());
		List<String> received = new CopyOnWriteArrayList<>();
		try (PublisherSocket publisher = PublisherSocket.open(SocketMode.BIND, List.of("tcp://127.0.0.1:*"), 1000,
				serverSide);
				LogSubscriber subscriber = LogSubscriber.builder().endpoint(publisher.lastEndpoint()).curve(clientSide)
					.listener((message) -> received.add(new String(message.frames().get(1), StandardCharsets.UTF_8)))
					.start()) {
			assertThat(publisher.awaitSubscription(Duration.ofSeconds(5))).isTrue();
			publisher.send(message("app.INFO", "over CURVE"));
			await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("over CURVE"));
		}
	}

	@Test
	void subscriberNotInTheAllowListIsRefusedWhileAnEphemeralKeyIsAcceptedWithoutList() {
		CurveSettings listed = new CurveSettings(this.server.secretKey, this.server.publicKey, null,
				List.of(this.client.publicKey));
		CurveSettings open = new CurveSettings(this.server.secretKey, this.server.publicKey, null, List.of());
		CurveSettings ephemeralClient = new CurveSettings(null, null, this.server.publicKey, List.of());
		try (PublisherSocket guarded = PublisherSocket.open(SocketMode.BIND, List.of("tcp://127.0.0.1:*"), 1000,
				listed);
				PublisherSocket unguarded = PublisherSocket.open(SocketMode.BIND, List.of("tcp://127.0.0.1:*"), 1000,
						open);
				LogSubscriber refused = LogSubscriber.builder().endpoint(guarded.lastEndpoint()).curve(ephemeralClient)
					.listener((message) -> {
					})
					.start();
				LogSubscriber accepted = LogSubscriber.builder().endpoint(unguarded.lastEndpoint())
					.curve(ephemeralClient)
					.listener((message) -> {
					})
					.start()) {
			assertThat(unguarded.awaitSubscription(Duration.ofSeconds(5))).isTrue();
			assertThat(guarded.awaitSubscription(Duration.ofSeconds(1))).isFalse();
		}
	}

	private static WireMessage message(String topic, String payload) {
		return new WireMessage(topic.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8));
	}

}
