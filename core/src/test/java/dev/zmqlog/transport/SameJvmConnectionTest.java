package dev.zmqlog.transport;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publisher and a subscriber in one JVM, as in the viewer's demo. With a JeroMQ context
 * each, about one connection in twenty never completed its handshake; with the shared
 * context every one does.
 */
class SameJvmConnectionTest {

	@Test
	void everyConnectionInOneJvmCompletesItsHandshake() {
		for (int attempt = 0; attempt < 40; attempt++) {
			PublisherSocket publisher = PublisherSocket.open(SocketMode.BIND, List.of("tcp://127.0.0.1:*"), 1000);
			try (LogSubscriber subscriber = LogSubscriber.builder().endpoint(publisher.lastEndpoint())
				.listener((message) -> {
				})
				.start()) {
				assertThat(publisher.awaitSubscription(Duration.ofSeconds(5))).as("attempt %d", attempt).isTrue();
			}
			finally {
				publisher.close();
			}
		}
	}

}
