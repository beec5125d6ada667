package dev.zmqlog.viewer;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.viewer.fixtures.CountingPublisherMain;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Processes killed with SIGKILL and started again during a stream: every side reconnects
 * by itself, the stream resumes within seconds, and what was lost shows as a gap.
 */
class FaultRecoveryTest {

	private static final int FOREVER = 10_000_000;

	private static final Duration RESUME = Duration.ofSeconds(20);

	private static RunningProcess publisher(String logback, String endpoint, String app, int queueSize) {
		return publisher(logback, endpoint, app, queueSize, 4_000);
	}

	private static RunningProcess publisher(String logback, String endpoint, String app, int queueSize,
			int perSecond) {
		return ChildJvm.main(CountingPublisherMain.class)
			.logbackConfig(logback)
			.systemProperty("endpoint", endpoint)
			.systemProperty("app", app)
			.systemProperty("queueSize", queueSize)
			.args(FOREVER, perSecond)
			.start();
	}

	private static RunningProcess viewer(int httpPort, String endpoint, String mode) {
		return ChildJvm.main(ZmqLogViewer.class)
			.args("--server.port=" + httpPort, "--zmq.log.viewer.endpoints=" + endpoint, "--zmq.log.viewer.mode=" + mode)
			.start();
	}

	private static void awaitEntries(ViewerApi api, String query, RunningProcess... processes) {
		await().atMost(RESUME).ignoreExceptionsInstanceOf(UncheckedIOException.class)
			.untilAsserted(() -> assertThat(api.entries(query)).as(() -> outputs(processes)).isNotEmpty());
	}

	private static String outputs(RunningProcess... processes) {
		StringBuilder text = new StringBuilder();
		for (RunningProcess process : processes) {
			text.append(process.output()).append('\n');
		}
		return text.toString();
	}

	private static String instanceOfLast(ViewerApi api, String query) {
		List<JsonNode> last = api.entries(query + "&limit=1");
		return last.get(0).get("source").get("instance").asString();
	}

	@Test
	void publisherKilledAndStartedAgainIsFollowedWithinSeconds() {
		int httpPort = FreePorts.next();
		String endpoint = FreePorts.endpoint();
		ViewerApi api = new ViewerApi(httpPort);
		try (RunningProcess viewer = viewer(httpPort, endpoint, "connect")) {
			String first;
			try (RunningProcess publisher = publisher("viewer/binding-publisher-logback.xml", endpoint, "fault", 16_384)) {
				awaitEntries(api, "topic=fault.", viewer, publisher);
				first = instanceOfLast(api, "topic=fault.");
			}
			try (RunningProcess restarted = publisher("viewer/binding-publisher-logback.xml", endpoint, "fault", 16_384)) {
				await().atMost(RESUME).untilAsserted(
						() -> assertThat(instanceOfLast(api, "topic=fault.")).as(() -> outputs(viewer, restarted))
							.isNotEqualTo(first));
			}
		}
	}

	@Test
	void viewerKilledWhileThePublisherHoldsResumesAndReportsWhatDidNotFit() {
		int httpPort = FreePorts.next();
		String endpoint = FreePorts.endpoint();
		ViewerApi api = new ViewerApi(httpPort);
		// the publisher binds and holds for a returning viewer, in a queue too small for the pause
		try (RunningProcess publisher = publisher("viewer/binding-publisher-logback.xml", endpoint, "held", 2_000)) {
			try (RunningProcess viewer = viewer(httpPort, endpoint, "connect")) {
				awaitEntries(api, "topic=held.", viewer, publisher);
			}
			try (RunningProcess restarted = viewer(httpPort, endpoint, "connect")) {
				awaitEntries(api, "topic=held.", restarted, publisher);
				await().atMost(RESUME).untilAsserted(() -> assertThat(api.stats().get("lost").asLong())
					.as(() -> api.stats().toString())
					.isPositive());
			}
		}
	}

	@Test
	void viewerKilledAndStartedAgainGetsWhatConnectedPublishersQueuedMeanwhile() {
		int httpPort = FreePorts.next();
		String endpoint = FreePorts.endpoint();
		ViewerApi api = new ViewerApi(httpPort);
		// a publisher that connects keeps its ZeroMQ queue across the viewer's restart. At 1,000
		// events a second: at 4,000, on a slow machine starting the viewer's JVM again, the
		// restarted viewer once counted 9,052 lost while it received at 869 a second, most
		// likely the publisher's queue of 2,000 overflowing while it caught up: a loss rightly
		// counted, but not what this test is about
		try (RunningProcess publisher = publisher("viewer/counting-publisher-logback.xml", endpoint, "steady", 2_000,
				1_000)) {
			try (RunningProcess viewer = viewer(httpPort, endpoint, "bind")) {
				awaitEntries(api, "topic=steady.", viewer, publisher);
			}
			try (RunningProcess restarted = viewer(httpPort, endpoint, "bind")) {
				awaitEntries(api, "topic=steady.", restarted, publisher);
				long received = api.stats().get("received").asLong();
				await().atMost(RESUME).until(() -> api.stats().get("received").asLong() > received);
				assertThat(api.stats().get("lost").asLong()).as(() -> api.stats().toString()).isZero();
			}
		}
	}

}
