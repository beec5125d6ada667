package dev.zmqlog.autoconfigure;

import java.time.Duration;

import dev.zmqlog.autoconfigure.fixtures.ShutdownWebApplication;
import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.ReceivedMessages;
import dev.zmqlog.testing.RunningProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Spring Boot web application in its own JVM, stopped with SIGTERM as a service
 * manager stops it: the lines logged while its context closes reach a subscriber.
 */
class GracefulShutdownPublishingTests {

	@Test
	void linesLoggedWhileTheContextClosesArePublished() {
		String endpoint = FreePorts.endpoint();
		try (ReceivedMessages received = ReceivedMessages.connectTo(endpoint);
				RunningProcess app = ChildJvm.main(ShutdownWebApplication.class)
					.args("--server.port=0", "--server.address=127.0.0.1", "--spring.application.name=orders",
							"--zmq.log.endpoints=" + endpoint)
					.start()) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(app.stdoutLines()).as(app::output)
					.contains(ShutdownWebApplication.READY));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> received.entries().stream().anyMatch((entry) -> entry.message().contains("Started ")));

			app.terminate();

			assertThat(app.awaitExit(Duration.ofSeconds(30))).as(app::output).isIn(0, 143);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(received.entries()).extracting(LogEntry::message)
					.as(app::output)
					.anyMatch((message) -> message.contains("Commencing graceful shutdown"))
					.anyMatch((message) -> message.contains("Graceful shutdown complete"))
					.anyMatch((message) -> message.endsWith(ShutdownWebApplication.STOP_LINE))
					.anyMatch((message) -> message.endsWith(ShutdownWebApplication.PRE_DESTROY_LINE)));
		}
	}

}
