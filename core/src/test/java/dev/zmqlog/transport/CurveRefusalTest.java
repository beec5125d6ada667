package dev.zmqlog.transport;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A wrong CURVE key, on either side, is counted and reported with the peer's address on
 * both sides within seconds.
 */
class CurveRefusalTest {

	private final ZMQ.Curve.KeyPair publisherKeys = CurveSettings.newKeyPair();

	private final ZMQ.Curve.KeyPair strangerKeys = CurveSettings.newKeyPair();

	private final List<String> subscriberReports = new CopyOnWriteArrayList<>();

	@Test
	void subscriberWithTheWrongServerKeyIsNamedOnBothSides() {
		CurveSettings server = new CurveSettings(this.publisherKeys.secretKey, this.publisherKeys.publicKey, null,
				List.of());
		CurveSettings wrongServerKey = new CurveSettings(null, null, this.strangerKeys.publicKey, List.of());
		PeerRefusals publisherSide = PeerRefusals.publishers();
		long refusedBefore = publisherSide.count(RefusalReason.CURVE_HANDSHAKE_FAILED);
		PeerRefusals subscriberSide = new PeerRefusals(Clock.systemUTC(), this.subscriberReports::add);
		try (PublisherSocket publisher = PublisherSocket.open(SocketMode.BIND, List.of("tcp://127.0.0.1:*"), 1000,
				server);
				LogSubscriber subscriber = LogSubscriber.builder()
					.endpoint(publisher.lastEndpoint())
					.curve(wrongServerKey)
					.refusals(subscriberSide)
					.listener((message) -> {
					})
					.start()) {
			String publisherPort = publisher.lastEndpoint().substring(publisher.lastEndpoint().lastIndexOf(':'));
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				assertThat(publisherSide.count(RefusalReason.CURVE_HANDSHAKE_FAILED)).isGreaterThan(refusedBefore);
				assertThat(subscriberSide.count(RefusalReason.REFUSED_BY_SERVER)).isPositive();
				assertThat(this.subscriberReports)
					.anySatisfy((line) -> assertThat(line).contains("127.0.0.1" + publisherPort)
						.contains(RefusalReason.REFUSED_BY_SERVER.description()));
			});
		}
	}

	@Test
	void clientKeyOffTheAllowListIsCountedAsNotAllowed() {
		ZMQ.Curve.KeyPair listed = CurveSettings.newKeyPair();
		CurveSettings server = new CurveSettings(this.publisherKeys.secretKey, this.publisherKeys.publicKey, null,
				List.of(listed.publicKey));
		CurveSettings stranger = new CurveSettings(this.strangerKeys.secretKey, this.strangerKeys.publicKey,
				this.publisherKeys.publicKey, List.of());
		long refusedBefore = PeerRefusals.publishers().count(RefusalReason.NOT_ALLOWED);
		try (PublisherSocket publisher = PublisherSocket.open(SocketMode.BIND, List.of("tcp://127.0.0.1:*"), 1000,
				server);
				LogSubscriber subscriber = LogSubscriber.builder()
					.endpoint(publisher.lastEndpoint())
					.curve(stranger)
					.listener((message) -> {
					})
					.start()) {
			await().atMost(Duration.ofSeconds(5))
				.until(() -> PeerRefusals.publishers().count(RefusalReason.NOT_ALLOWED) > refusedBefore);
		}
	}

}
