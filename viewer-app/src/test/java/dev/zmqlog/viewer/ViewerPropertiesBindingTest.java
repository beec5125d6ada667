package dev.zmqlog.viewer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import dev.zmqlog.testing.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zeromq.ZMQ;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Settings that cannot work stop the viewer at start, with a message that names the
 * property and says what would do.
 */
@ExtendWith(OutputCaptureExtension.class)
class ViewerPropertiesBindingTest {

	@Test
	void unknownModeStopsTheStartNamingTheValidModes(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--zmq.log.viewer.mode=sideways"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Failed to bind properties under 'zmq.log.viewer.mode'")
			.contains("Value: \"sideways\"")
			.containsPattern("The following values are valid:\\s+BIND\\s+CONNECT\\s+PULL");
	}

	@Test
	void topicsInPullModeStopTheStartSayingWhy(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--zmq.log.viewer.mode=pull", "--zmq.log.viewer.topics=orders."));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zmq.log.viewer.topics cannot be used with zmq.log.viewer.mode=pull");
	}

	@Test
	void emptyHistoryStopsTheStartSayingWhy(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--zmq.log.viewer.history-size=0"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zmq.log.viewer.history-size must be at least 1, was 0");
	}

	@Test
	void emptySessionQueueStopsTheStartSayingWhy(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--zmq.log.viewer.session-queue-size=0"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zmq.log.viewer.session-queue-size must be at least 1, was 0");
	}

	@Test
	void endpointInUseStopsTheStartSayingWhich(CapturedOutput output) throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String endpoint = "tcp://127.0.0.1:" + taken.getLocalPort();
			assertThatException()
				.isThrownBy(() -> start("--zmq.log.viewer.mode=bind", "--zmq.log.viewer.endpoints=" + endpoint));
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("The viewer cannot subscribe: Cannot bind " + endpoint + ": address already in use")
				.contains("zmq.log.viewer.endpoints");
		}
	}

	@Test
	void invalidEndpointStopsTheStartSayingWhich(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> start("--zmq.log.viewer.mode=bind", "--zmq.log.viewer.endpoints=tcp://127.0.0.1:not-a-port"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The viewer cannot subscribe: Cannot bind tcp://127.0.0.1:not-a-port: invalid endpoint");
	}

	@Test
	void listeningOnEveryInterfaceWithoutATokenStopsTheStartSayingWhy(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--server.address=0.0.0.0"));
		assertThat(output).contains("The viewer would listen on 0.0.0.0, reachable from other machines, without an access token");
	}

	@Test
	void listeningOnEveryInterfaceWithATokenStarts() {
		String[] args = { "--server.port=0", "--zmq.log.viewer.endpoints=" + FreePorts.endpoint(),
				"--server.address=0.0.0.0", "--zmq.log.viewer.access-token=t0ken" };
		ZmqLogViewer.viewer(args).run(args).close();
	}

	@Test
	void invalidCurveKeyStopsTheStartNamingTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--zmq.log.viewer.curve.server-key=tooshort"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zmq.log.viewer.curve.server-key is not a CURVE key: expected 40 Z85 characters, got 8");
	}

	@Test
	void bindsCurveKeys() {
		ZMQ.Curve.KeyPair viewer = ZMQ.Curve.generateKeyPair();
		String server = ZMQ.Curve.generateKeyPair().publicKey;
		ViewerProperties properties = new Binder(new MapConfigurationPropertySource(
				Map.of("zmq.log.viewer.curve.secret-key", viewer.secretKey, "zmq.log.viewer.curve.public-key",
						viewer.publicKey, "zmq.log.viewer.curve.server-key", server)))
			.bind("zmq.log.viewer", ViewerProperties.class)
			.get();
		assertThat(properties.curve().settings().enabled()).isTrue();
		assertThat(properties.curve().serverKey()).isEqualTo(server);
		assertThat(properties.curve().publicKey()).isEqualTo(viewer.publicKey);
		assertThat(properties.curve().allowedClients()).isEmpty();
	}

	@Test
	void noCurveKeysByDefault() {
		ViewerProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("zmq.log.viewer.relay",
				"false")))
			.bindOrCreate("zmq.log.viewer", ViewerProperties.class);
		assertThat(properties.curve().settings().enabled()).isFalse();
	}

	private static void start(String... settings) {
		String[] args = new String[settings.length + 2];
		args[0] = "--server.port=0";
		args[1] = "--zmq.log.viewer.endpoints=" + FreePorts.endpoint();
		System.arraycopy(settings, 0, args, 2, settings.length);
		ConfigurableApplicationContext viewer = ZmqLogViewer.viewer(args).run(args);
		viewer.close();
		throw new AssertionError("the viewer started");
	}

}
