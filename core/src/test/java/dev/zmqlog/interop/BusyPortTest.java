package dev.zmqlog.interop;

import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.testing.TestResources;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.interop.fixtures.LogThenExitMain;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An endpoint the appender cannot use is reported through Logback's status output, and the
 * application logs on and exits normally.
 */
class BusyPortTest {

	private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);

	@Test
	void portInUseIsReportedAndTheApplicationRunsToCompletion() throws IOException {
		try (ServerSocket occupant = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			String endpoint = "tcp://127.0.0.1:" + occupant.getLocalPort();

			try (RunningProcess app = runApp(endpoint, "bind")) {
				assertThat(app.awaitExit(EXIT_TIMEOUT)).as(app::output).isZero();
				assertThat(app.stdoutLines()).as(app::output).contains(LogThenExitMain.MARKER + "3 events");
				assertThat(allLines(app)).as(app::output)
					.anyMatch((line) -> line.contains("ERROR") && line.contains(endpoint)
							&& line.contains("address already in use"));
			}
		}
	}

	@Test
	void unknownTransportIsReportedAndTheApplicationRunsToCompletion() {
		String endpoint = "nonsense://x";

		try (RunningProcess app = runApp(endpoint, "bind")) {
			assertThat(app.awaitExit(EXIT_TIMEOUT)).as(app::output).isZero();
			assertThat(app.stdoutLines()).as(app::output).contains(LogThenExitMain.MARKER + "3 events");
			// JeroMQ refuses the transport at once: EPROTONOSUPPORT
			assertThat(allLines(app)).as(app::output)
				.anyMatch((line) -> line.contains("ERROR") && line.contains("Cannot bind " + endpoint)
						&& line.contains("Protocol not supported"));
		}
	}

	@Test
	void unresolvableHostInConnectModeIsReportedAndTheApplicationRunsToCompletion() {
		String endpoint = "tcp://no-such-host.invalid:5556";

		try (RunningProcess app = runApp(endpoint, "connect")) {
			assertThat(app.awaitExit(EXIT_TIMEOUT)).as(app::output).isZero();
			assertThat(app.stdoutLines()).as(app::output).contains(LogThenExitMain.MARKER + "3 events");
			// unlike libzmq, which resolves in the background and retries, JeroMQ resolves the
			// host in connect() and fails at once: EADDRNOTAVAIL
			assertThat(allLines(app)).as(app::output)
				.anyMatch((line) -> line.contains("ERROR") && line.contains("Cannot connect " + endpoint));
		}
	}

	private static RunningProcess runApp(String endpoint, String mode) {
		return ChildJvm.main(LogThenExitMain.class)
			.logbackConfig("interop/endpoint-logback.xml")
			.systemProperty("endpoint", endpoint)
			.systemProperty("mode", mode)
			.args(3)
			.start();
	}

	private static List<String> allLines(RunningProcess app) {
		List<String> lines = new ArrayList<>(app.stdoutLines());
		lines.addAll(app.stderrLines());
		return lines;
	}

}
