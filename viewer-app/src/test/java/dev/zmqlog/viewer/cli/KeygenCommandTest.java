package dev.zmqlog.viewer.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.zmqlog.transport.CurveSettings;
import dev.zmqlog.transport.SocketMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class KeygenCommandTest {

	@Test
	void printsPublicThenSecretKeyOneALine() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int exitCode = KeygenCommand.run(new String[0], new LineOutput(out), new LineOutput(new ByteArrayOutputStream()));

		assertThat(exitCode).isZero();
		List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).matches("public-key: \\S{40}");
		assertThat(lines.get(1)).matches("secret-key: \\S{40}");
		String publicKey = lines.get(0).substring("public-key: ".length());
		String secretKey = lines.get(1).substring("secret-key: ".length());
		assertThat(publicKey).isNotEqualTo(secretKey).doesNotContain("$", "{", "}", ":-");
		assertThat(secretKey).doesNotContain("$", "{", "}", ":-");
		assertThatNoException().isThrownBy(
				() -> new CurveSettings(secretKey, publicKey, null, List.of()).validate(SocketMode.BIND));
	}

	@Test
	void everyRunIsANewPair() {
		ByteArrayOutputStream first = new ByteArrayOutputStream();
		ByteArrayOutputStream second = new ByteArrayOutputStream();
		KeygenCommand.run(new String[0], new LineOutput(first), new LineOutput(first));
		KeygenCommand.run(new String[0], new LineOutput(second), new LineOutput(second));
		assertThat(first.toString(StandardCharsets.UTF_8)).isNotEqualTo(second.toString(StandardCharsets.UTF_8));
	}

	@Test
	void invalidCurveKeyOfWatchIsAUsageErrorNamingTheFlag() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exitCode = WatchCommand.run(new String[] { "--curve-server-key", "short", "tcp://127.0.0.1:5556" },
				new LineOutput(new ByteArrayOutputStream()), new LineOutput(err));

		assertThat(exitCode).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.contains("--curve-server-key is not a CURVE key: expected 40 Z85 characters, got 5");
	}

	@Test
	void proxyWithoutItsKeyPairIsAUsageError() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exitCode = ProxyCommand.run(new String[] { "--curve-allowed-clients", "x".repeat(40) },
				new LineOutput(new ByteArrayOutputStream()), new LineOutput(err));

		assertThat(exitCode).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--curve-secret-key");
	}

}
