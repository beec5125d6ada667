package dev.zmqlog.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.zmqlog.logback.ZmqLogAppender;
import dev.zmqlog.testing.HostilePeer;
import dev.zmqlog.testing.Zmtp;
import dev.zmqlog.transport.PublisherSocket;
import dev.zmqlog.transport.SocketMode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A peer that sends a publishing socket malformed ZMTP shows in the Actuator meters, by
 * reason.
 */
class RefusedPeerMetersTests {

	@Test
	void aMalformedFrameSizeIsCountedByReason() {
		MeterRegistry registry = new SimpleMeterRegistry();
		new ZmqLogMetrics(new ZmqLogAppender()).bindTo(registry);
		FunctionCounter malformed = registry.get("zmqlog.peers.refused")
			.tag("reason", "malformed-frame-size")
			.functionCounter();
		double before = malformed.count();
		try (PublisherSocket publisher = PublisherSocket.open(SocketMode.BIND, List.of("tcp://127.0.0.1:*"), 1000)) {
			HostilePeer.send(publisher.lastEndpoint(), Zmtp.frozeJeroMq());
			await().atMost(Duration.ofSeconds(5)).until(() -> malformed.count() > before);
		}
		assertThat(registry.get("zmqlog.peers.refused").functionCounters()).hasSizeGreaterThan(1);
	}

}
