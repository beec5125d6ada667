package dev.zmqlog.viewer.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.transport.LogSubscriber;
import dev.zmqlog.transport.ReceivedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * {@code proxy} in a JVM of its own, between pyzmq publishers that connect to its
 * frontend and a subscriber of this JVM that connects to its backend.
 */
class ProxyCommandTest {

	/**
	 * Long enough for one stalled connection: a JeroMQ socket that connects now and then
	 * never completes its handshake until the 30 s handshake timer reconnects it (JeroMQ
	 * 0.6.0's connect hand-off race, zeromq/jeromq#1022).
	 */
	private static final Duration TIMEOUT = Duration.ofSeconds(45);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<AutoCloseable> resources = new ArrayList<>();

	@TempDir
	Path directory;

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
	}

	@Test
	void forwardsMessagesFromPublishersToSubscribersAndSubscriptionsBack() throws IOException {
		String frontend = FreePorts.endpoint();
		String backend = FreePorts.endpoint();
		proxy(frontend, backend);
		List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
		opened(LogSubscriber.builder().endpoint(backend).topics(List.of("app.INFO")).listener(received::add).start());

		// each publisher sends only once the subscriber's subscription reached it through the proxy
		publisher(frontend, List.of(List.of("app.DEBUG", "filtered"), List.of("app.INFO", "from one")));
		publisher(frontend, List.of(List.of("other.INFO", "filtered"), List.of("app.INFO.db", "from two")));

		await().atMost(TIMEOUT).until(() -> received.size() >= 2);
		assertThat(received).extracting((message) -> message.decoded().entry())
			.extracting(LogEntry::topic, LogEntry::message)
			.containsExactlyInAnyOrder(tuple("app.INFO", "from one"),
					tuple("app.INFO.db", "from two"));
	}

	@Test
	void stopsOnSigterm() {
		RunningProcess proxy = proxy(FreePorts.endpoint(), FreePorts.endpoint());

		proxy.terminate();

		assertThat(proxy.awaitExit(Duration.ofSeconds(10))).isEqualTo(128 + 15);
		assertThat(proxy.stderrLines()).as(proxy::output).isEmpty();
	}

	@Test
	void stopsOnCtrlC() {
		RunningProcess proxy = proxy(FreePorts.endpoint(), FreePorts.endpoint());

		proxy.interrupt();

		assertThat(proxy.awaitExit(Duration.ofSeconds(10))).isEqualTo(128 + 2);
		assertThat(proxy.stderrLines()).as(proxy::output).isEmpty();
	}

	@Test
	void busyPortExitsOneAndSaysWhich() throws IOException {
		try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String frontend = "tcp://127.0.0.1:" + busy.getLocalPort();
			RunningProcess proxy = opened(ViewerJvm.start("proxy", "--frontend", frontend, "--backend",
					FreePorts.endpoint()));

			assertThat(proxy.awaitExit(TIMEOUT)).as(proxy::output).isEqualTo(1);
			assertThat(proxy.stderrLines()).containsExactly(
					"zmqlog-viewer proxy: the frontend: Cannot bind " + frontend + ": address already in use");
			assertThat(proxy.stdoutLines()).isEmpty();
		}
	}

	@Test
	void helpNamesTheDefaults() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int exitCode = ProxyCommand.run(new String[] { "--help" }, new LineOutput(out), new LineOutput(out));

		assertThat(exitCode).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: zmqlog-viewer proxy [-h] [--frontend ENDPOINT] [--backend ENDPOINT]")
			.contains("(default: tcp://*:5559)", "(default: tcp://*:5560)");
	}

	@Test
	void badArgumentsAreUsageErrors() {
		for (String[] args : List.of(new String[] { "--frontend" }, new String[] { "tcp://*:5559" },
				new String[] { "--front", "tcp://*:1", "--nope" })) {
			ByteArrayOutputStream err = new ByteArrayOutputStream();

			int exitCode = ProxyCommand.run(args, new LineOutput(new ByteArrayOutputStream()), new LineOutput(err));

			assertThat(exitCode).isEqualTo(2);
			assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: zmqlog-viewer proxy")
				.containsAnyOf("error: argument --frontend: expected one argument",
						"error: unrecognized arguments: tcp://*:5559", "error: unrecognized arguments: --nope");
		}
	}

	/** Starts the proxy and waits for the line that says it listens. */
	private RunningProcess proxy(String frontend, String backend) {
		RunningProcess proxy = opened(ViewerJvm.start("proxy", "--frontend", frontend, "--backend", backend));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(proxy.stdoutLines()).as(proxy::output)
				.containsExactly("zmqlog-viewer proxy: publishers connect to " + frontend
						+ " (XSUB), subscribers to " + backend + " (XPUB)"));
		return proxy;
	}

	/** A pyzmq XPUB that connects to the proxy and sends once one subscription has reached it. */
	private void publisher(String frontend, List<? extends List<?>> messages) throws IOException {
		Path file = Files.createTempFile(this.directory, "messages", ".json");
		Files.writeString(file, json.writeValueAsString(messages));
		opened(Python.script("cli/send_frames.py", "connect", frontend, "1", file.toString()));
	}

	private <T extends AutoCloseable> T opened(T resource) {
		this.resources.add(resource);
		return resource;
	}

}
