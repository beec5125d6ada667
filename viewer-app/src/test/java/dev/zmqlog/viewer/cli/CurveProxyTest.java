package dev.zmqlog.viewer.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.transport.CurveSettings;
import dev.zmqlog.transport.LogSubscriber;
import dev.zmqlog.transport.PublisherSocket;
import dev.zmqlog.transport.SocketMode;
import dev.zmqlog.transport.WireMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code proxy} with CURVE: both its sockets are servers with one key pair and one
 * allow-list, which lists the publisher and the subscriber.
 */
class CurveProxyTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
	}

	@Test
	void forwardsBetweenListedCurveClients() {
		ZMQ.Curve.KeyPair proxyKeys = ZMQ.Curve.generateKeyPair();
		ZMQ.Curve.KeyPair publisherKeys = ZMQ.Curve.generateKeyPair();
		ZMQ.Curve.KeyPair subscriberKeys = ZMQ.Curve.generateKeyPair();
		String frontend = FreePorts.endpoint();
		String backend = FreePorts.endpoint();
		RunningProcess proxy = opened(ViewerJvm.start("proxy", "--frontend", frontend, "--backend", backend,
				"--curve-secret-key", proxyKeys.secretKey, "--curve-public-key", proxyKeys.publicKey,
				"--curve-allowed-clients", publisherKeys.publicKey + "," + subscriberKeys.publicKey));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(proxy.stdoutLines()).as(proxy::output)
				.anySatisfy((line) -> assertThat(line).endsWith("both with CURVE")));

		List<String> received = new CopyOnWriteArrayList<>();
		opened(LogSubscriber.builder().endpoint(backend)
			.curve(new CurveSettings(subscriberKeys.secretKey, subscriberKeys.publicKey, proxyKeys.publicKey,
					List.of()))
			.listener((message) -> received.add(new String(message.frames().get(1), StandardCharsets.UTF_8)))
			.start());
		PublisherSocket publisher = opened(PublisherSocket.open(SocketMode.CONNECT, List.of(frontend), 1000,
				new CurveSettings(publisherKeys.secretKey, publisherKeys.publicKey, proxyKeys.publicKey, List.of())));

		assertThat(publisher.awaitSubscription(TIMEOUT)).as(proxy::output).isTrue();
		publisher.send(new WireMessage("app.INFO".getBytes(StandardCharsets.UTF_8),
				"through the proxy".getBytes(StandardCharsets.UTF_8)));
		await().atMost(TIMEOUT).until(() -> received.contains("through the proxy"));
	}

	private <T extends AutoCloseable> T opened(T resource) {
		this.resources.add(resource);
		return resource;
	}

}
