package dev.zmqlog.viewer;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A viewer with a small heap, fed every malformed and foreign shape by a raw pyzmq
 * socket: it stays up, shows the foreign records correctly, counts the rejected ones and
 * shows the next good message.
 */
class HostileInputTest {

	private static final int MAX_MESSAGE_SIZE = 1024 * 1024;

	@Test
	void viewerSurvivesHostileInputAndShowsTheNextGoodMessage() {
		int httpPort = FreePorts.next();
		String endpoint = FreePorts.endpoint();
		ViewerApi api = new ViewerApi(httpPort);
		try (RunningProcess viewer = ChildJvm.main(ZmqLogViewer.class)
			.jvmOption("-Xmx256m")
			.args("--server.port=" + httpPort, "--zmq.log.viewer.endpoints=" + endpoint,
					"--zmq.log.viewer.max-message-size=" + MAX_MESSAGE_SIZE + "B")
			.start();
				RunningProcess publisher = Python.script("viewer/hostile_publisher.py", endpoint,
						String.valueOf(MAX_MESSAGE_SIZE))) {
			await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(UncheckedIOException.class)
				.untilAsserted(() -> assertThat(api.entries("q=still%20alive")).as(() -> viewer.output() + publisher.output())
					.isNotEmpty());

			Map<String, JsonNode> byTopic = api.entries().stream()
				.collect(Collectors.toMap((entry) -> entry.get("topic").asString(), (entry) -> entry, (a, b) -> b));
			assertThat(byTopic.get("good.INFO").get("message").asString()).isEqualTo("still alive");
			assertThat(byTopic.get("three.INFO").get("kind").asString()).isEqualTo("RAW");
			assertThat(byTopic.get("three.INFO").get("message").asString()).isEqualTo("frame two\nframe three");
			assertThat(byTopic.get("payload.INFO").get("message").asString()).contains("\uFFFD");
			assertThat(byTopic.get("json.INFO").get("message").asString()).isEqualTo("{\"msg\": \"unterminated");

			List<JsonNode> oneFrame = api.entries().stream().filter((entry) -> entry.get("topic").asString().isEmpty())
				.toList();
			assertThat(oneFrame).anySatisfy((entry) -> {
				assertThat(entry.get("logger").asString()).isEqualTo("cookbook");
				assertThat(entry.get("level").asString()).isEqualTo("WARN");
				assertThat(entry.get("message").asString()).isEqualTo("disk almost full");
			});
			assertThat(oneFrame).anySatisfy((entry) -> {
				assertThat(entry.get("logger").asString()).isEqualTo("logbook-app");
				assertThat(entry.get("level").asString()).isEqualTo("ERROR");
				assertThat(entry.get("exception").asString()).contains("ValueError: boom");
			});
			assertThat(oneFrame).anySatisfy((entry) -> {
				assertThat(entry.get("kind").asString()).isEqualTo("PLAIN");
				assertThat(entry.get("message").asString()).isEqualTo("one frame, no topic: Log4j2 JeroMQ appender text");
			});

			JsonNode stats = api.stats();
			// an empty message, and one over the size limit
			assertThat(stats.get("rejected").asLong()).as(stats::toString).isGreaterThanOrEqualTo(2);
			assertThat(stats.get("raw").asLong()).as(stats::toString).isGreaterThanOrEqualTo(3);
			assertThat(viewer.output()).doesNotContain("OutOfMemoryError").doesNotContain("StackOverflowError");
		}
	}

}
