package dev.zmqlog.viewer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.viewer.fixtures.CountingPublisherMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A viewer that binds, and several applications, each its own JVM, that connect in and
 * log at once: every event of every one arrives, and none is counted lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ManyPublishersTest {

	private static final String ENDPOINT = FreePorts.endpoint();

	private static final List<String> APPS = List.of("alpha", "bravo", "charlie", "delta", "echo");

	private static final int EVENTS = 2_000;

	@LocalServerPort
	private int port;

	private final List<RunningProcess> publishers = new ArrayList<>();

	@DynamicPropertySource
	static void viewerBinds(DynamicPropertyRegistry registry) {
		registry.add("zmq.log.viewer.endpoints", () -> ENDPOINT);
		registry.add("zmq.log.viewer.mode", () -> "bind");
	}

	@AfterEach
	void stopPublishers() {
		this.publishers.forEach(RunningProcess::close);
	}

	@Test
	void everyEventOfEveryConnectedApplicationArrives() {
		ViewerApi api = new ViewerApi(this.port);
		for (String app : APPS) {
			this.publishers.add(ChildJvm.main(CountingPublisherMain.class)
				.logbackConfig("viewer/counting-publisher-logback.xml")
				.systemProperty("endpoint", ENDPOINT)
				.systemProperty("app", app)
				.args(EVENTS)
				.start());
		}
		for (RunningProcess publisher : this.publishers) {
			assertThat(publisher.awaitExit(Duration.ofSeconds(40))).as(publisher::output).isZero();
			assertThat(publisher.stdoutLines()).as(publisher::output).contains("done");
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(api.stats().get("received").asLong()).isEqualTo(APPS.size() * EVENTS));

		List<JsonNode> entries = api.entries("limit=" + APPS.size() * EVENTS);
		Map<String, List<Long>> seqsByApp = entries.stream()
			.collect(Collectors.groupingBy((entry) -> entry.get("source").get("app").asString(), TreeMap::new,
					Collectors.mapping((entry) -> entry.get("seq").asLong(), Collectors.toList())));
		assertThat(seqsByApp).containsOnlyKeys(APPS);
		List<Long> everySeq = LongStream.rangeClosed(1, EVENTS).boxed().toList();
		// one socket per publisher keeps its order
		seqsByApp.forEach((app, seqs) -> assertThat(seqs).as(app).containsExactlyElementsOf(everySeq));
		assertThat(entries).allSatisfy((entry) -> assertThat(entry.get("message").asString())
			.isEqualTo("event " + entry.get("seq").asLong() + " of " + EVENTS));
		assertThat(entries.stream().map((entry) -> entry.get("source").get("pid").asLong()).distinct())
			.as("one process each").hasSize(APPS.size()).doesNotContain(ProcessHandle.current().pid());

		JsonNode stats = api.stats();
		assertThat(stats.get("lost").asLong()).isZero();
		assertThat(stats.get("rejected").asLong()).isZero();
		assertThat(stats.get("lostBySource")).hasSize(APPS.size());
		stats.get("lostBySource").forEach((lost) -> assertThat(lost.asLong()).isZero());
		assertThat(api.get("/api/topics")).extracting((topic) -> topic.get("topic").asString() + "=" + topic.get("count").asLong())
			.containsExactlyElementsOf(APPS.stream().map((app) -> app + ".INFO=" + EVENTS).toList());
	}

}
