package dev.zmqlog.viewer;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.transport.CurveSettings;
import dev.zmqlog.transport.PublisherSocket;
import dev.zmqlog.transport.SocketMode;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The viewer, with its default settings in a JVM of its own, against peers that abuse the
 * wire: the multipart message that used to exhaust a 256 MiB heap, and a publisher with
 * the wrong CURVE key. Each is refused, named in the log and counted in {@code /api/stats},
 * and the viewer goes on ingesting.
 */
class HostileWireViewerTest {

	private static final int FRAME = 4 * 1024 * 1024;

	private static final int FRAMES = 100;

	private static ChildJvm viewer(int httpPort, String... properties) {
		return ChildJvm.main(ZmqLogViewer.class)
			.jvmOption("-Xmx256m")
			.args(Stream.concat(Stream.of("--server.port=" + httpPort), Stream.of(properties)).toArray());
	}

	private static void awaitEntry(ViewerApi api, RunningProcess viewer, ZMQ.Socket publisher, String text) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.ignoreExceptionsInstanceOf(UncheckedIOException.class)
			.untilAsserted(() -> {
				publisher.sendMore("app.INFO");
				publisher.send(text);
				assertThat(api.entries("q=" + text)).as(viewer::output).isNotEmpty();
			});
	}

	@Test
	void oneHundredFramesOfFourMebibytesAreRefusedUnderAQuarterGigabyteHeap() {
		int httpPort = FreePorts.next();
		String endpoint = FreePorts.endpoint();
		ViewerApi api = new ViewerApi(httpPort);
		try (ZContext context = new ZContext(1);
				RunningProcess viewer = viewer(httpPort, "--zmq.log.viewer.endpoints=" + endpoint).start()) {
			ZMQ.Socket publisher = context.createSocket(SocketType.PUB);
			publisher.setLinger(0);
			publisher.bind(endpoint);
			awaitEntry(api, viewer, publisher, "before");

			byte[] frame = new byte[FRAME];
			publisher.sendMore("huge.INFO");
			for (int i = 1; i < FRAMES; i++) {
				publisher.sendMore(frame);
			}
			publisher.send(frame);

			awaitEntry(api, viewer, publisher, "after");
			JsonNode stats = api.stats();
			assertThat(stats.get("refusedPeers").get("message-too-large").asLong()).as(stats::toString).isPositive();
			assertThat(viewer.output()).contains("refused peer 127.0.0.1:")
				.contains("message larger than the size limit")
				.doesNotContain("OutOfMemoryError");
		}
	}

	@Test
	void aPublisherWithTheWrongServerKeyIsNamedInTheLogAndStatsWithinFiveSeconds() {
		int httpPort = FreePorts.next();
		String endpoint = FreePorts.endpoint();
		ViewerApi api = new ViewerApi(httpPort);
		ZMQ.Curve.KeyPair viewerKeys = CurveSettings.newKeyPair();
		ZMQ.Curve.KeyPair stranger = CurveSettings.newKeyPair();
		try (RunningProcess viewer = viewer(httpPort, "--zmq.log.viewer.endpoints=" + endpoint,
				"--zmq.log.viewer.mode=bind", "--zmq.log.viewer.curve.secret-key=" + viewerKeys.secretKey,
				"--zmq.log.viewer.curve.public-key=" + viewerKeys.publicKey).start()) {
			await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(UncheckedIOException.class)
				.until(() -> api.stats() != null);
			try (PublisherSocket wrongKey = PublisherSocket.open(SocketMode.CONNECT, List.of(endpoint), 1000,
					new CurveSettings(null, null, stranger.publicKey, List.of()))) {
				await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
					JsonNode refused = api.stats().get("refusedPeers");
					assertThat(refused.path("curve-handshake-failed").asLong()).as(refused::toString).isPositive();
					assertThat(viewer.output()).contains("refused peer 127.0.0.1:")
						.contains("CURVE handshake failed");
				});
			}
		}
	}

	@Test
	void aConnectingViewerWithTheWrongServerKeyNamesThePublisherInTheLogAndStatsWithinFiveSeconds() {
		int httpPort = FreePorts.next();
		ViewerApi api = new ViewerApi(httpPort);
		ZMQ.Curve.KeyPair publisherKeys = CurveSettings.newKeyPair();
		ZMQ.Curve.KeyPair stranger = CurveSettings.newKeyPair();
		try (PublisherSocket publisher = PublisherSocket.open(SocketMode.BIND, List.of("tcp://127.0.0.1:*"), 1000,
				new CurveSettings(publisherKeys.secretKey, publisherKeys.publicKey, null, List.of()))) {
			String endpoint = publisher.lastEndpoint();
			String publisherAddress = endpoint.substring("tcp://".length());
			try (RunningProcess viewer = viewer(httpPort, "--zmq.log.viewer.endpoints=" + endpoint,
					"--zmq.log.viewer.curve.server-key=" + stranger.publicKey).start()) {
				await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(UncheckedIOException.class)
					.until(() -> api.stats() != null);
				await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
					JsonNode refused = api.stats().get("refusedPeers");
					assertThat(refused.path("refused-by-server").asLong()).as(refused::toString).isPositive();
					assertThat(viewer.output()).contains("refused peer " + publisherAddress);
				});
			}
		}
	}

}
