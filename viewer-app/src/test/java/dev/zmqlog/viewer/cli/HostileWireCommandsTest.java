package dev.zmqlog.viewer.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.HostilePeer;
import dev.zmqlog.testing.ZeroMqCpu;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.testing.WireFuzz;
import dev.zmqlog.testing.WireFuzzer;
import dev.zmqlog.testing.Zmtp;
import dev.zmqlog.transport.LogSubscriber;
import dev.zmqlog.transport.PublisherSocket;
import dev.zmqlog.transport.SocketMode;
import dev.zmqlog.transport.WireMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code proxy} and {@code watch}, each in a JVM of its own, under raw TCP peers that speak
 * broken ZMTP: the 73 bytes of issue 10, then seeded random cases for a few seconds. After
 * each case a good message still arrives within a second, the process's CPU falls back to
 * idle within two, and the refusals are reported on stderr.
 */
class HostileWireCommandsTest {

	private static final AtomicInteger texts = new AtomicInteger();

	private final Set<String> received = ConcurrentHashMap.newKeySet();

	private RunningProcess process;

	private PublisherSocket publisher;

	private LogSubscriber subscriber;

	private HostilePeer.Server hostileServer;

	@AfterEach
	void close() {
		if (this.subscriber != null) {
			this.subscriber.close();
		}
		if (this.publisher != null) {
			this.publisher.close();
		}
		if (this.hostileServer != null) {
			this.hostileServer.close();
		}
		if (this.process != null) {
			this.process.close();
		}
	}

	static Stream<Arguments> targets() {
		return Stream.of(
				Arguments.of("proxy frontend (XSUB)", (Function<HostileWireCommandsTest, Consumer<byte[]>>) HostileWireCommandsTest::proxyFrontend, "PUB"),
				Arguments.of("proxy backend (XPUB)", (Function<HostileWireCommandsTest, Consumer<byte[]>>) HostileWireCommandsTest::proxyBackend, "SUB"),
				Arguments.of("watch --bind", (Function<HostileWireCommandsTest, Consumer<byte[]>>) HostileWireCommandsTest::watchBind, "PUB"),
				Arguments.of("watch, connecting", (Function<HostileWireCommandsTest, Consumer<byte[]>>) HostileWireCommandsTest::watchConnect, "PUB"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("targets")
	void brokenZmtpCostsAtMostItsConnection(String name, Function<HostileWireCommandsTest, Consumer<byte[]>> target,
			String peerType) {
		Consumer<byte[]> attack = target.apply(this);
		awaitJoined();
		attack.accept(Zmtp.frozeJeroMq());
		assertGoodAndIdle(name + ", the 73 bytes");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.process.stderrLines()).as(this.process::output)
				.anySatisfy((line) -> assertThat(line).contains("refused peer 127.0.0.1:")
					.contains("malformed ZMTP frame (negative size)")));
		long seed = WireFuzz.seed();
		WireFuzzer fuzzer = new WireFuzzer(seed);
		WireFuzz.run(() -> {
			attack.accept(fuzzer.next("NULL", peerType));
			assertGoodAndIdle(name + ", seed " + seed + ", " + fuzzer.lastCase());
		});
	}

	private void assertGoodAndIdle(String context) {
		String text = "good-" + texts.incrementAndGet();
		sendGood(text);
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(5))
			.alias("a good message within 1 s: " + context)
			.until(() -> this.received.contains(text) || printed(text));
		assertThat(ZeroMqCpu.awaitIdle(this.process.handle(), Duration.ofSeconds(2))).as("idle within 2 s: " + context)
			.isLessThan(ZeroMqCpu.IDLE_CORES);
	}

	private boolean printed(String text) {
		return this.subscriber == null && this.process.stdoutLines().stream().anyMatch((line) -> line.endsWith(text));
	}

	private void awaitJoined() {
		await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(50)).until(() -> {
			String text = "join-" + texts.incrementAndGet();
			sendGood(text);
			return !this.received.isEmpty() || this.process.stdoutLines().stream().anyMatch((line) -> line.contains("join-"));
		});
	}

	private synchronized void sendGood(String text) {
		this.publisher.awaitSubscription(Duration.ZERO);
		this.publisher.send(new WireMessage("app.INFO".getBytes(StandardCharsets.UTF_8),
				text.getBytes(StandardCharsets.UTF_8)));
	}

	private Consumer<byte[]> proxy(boolean frontend) {
		String front = FreePorts.endpoint();
		String back = FreePorts.endpoint();
		this.process = ViewerJvm.start("proxy", "--frontend", front, "--backend", back);
		this.publisher = PublisherSocket.open(SocketMode.CONNECT, List.of(front), 1000);
		this.subscriber = LogSubscriber.builder()
			.endpoint(back)
			.listener((message) -> this.received.add(new String(message.frames().get(1), StandardCharsets.UTF_8)))
			.start();
		String attacked = frontend ? front : back;
		return (bytes) -> HostilePeer.send(attacked, bytes);
	}

	private Consumer<byte[]> proxyFrontend() {
		return proxy(true);
	}

	private Consumer<byte[]> proxyBackend() {
		return proxy(false);
	}

	private Consumer<byte[]> watchBind() {
		String endpoint = FreePorts.endpoint();
		this.process = ViewerJvm.start("watch", "--bind", endpoint);
		this.publisher = PublisherSocket.open(SocketMode.CONNECT, List.of(endpoint), 1000);
		return (bytes) -> HostilePeer.send(endpoint, bytes);
	}

	private Consumer<byte[]> watchConnect() {
		this.publisher = PublisherSocket.open(SocketMode.BIND, List.of("tcp://127.0.0.1:*"), 1000);
		this.hostileServer = new HostilePeer.Server();
		this.process = ViewerJvm.start("watch", this.publisher.lastEndpoint(), this.hostileServer.endpoint());
		return this.hostileServer::serveOnce;
	}

}
