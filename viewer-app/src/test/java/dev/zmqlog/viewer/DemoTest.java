package dev.zmqlog.viewer;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import dev.zmqlog.testing.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code --demo}, started as {@code main} starts the viewer: within seconds the viewer
 * shows the three simulated services, with several levels, subtopics, MDC and a stack
 * trace.
 */
class DemoTest {

	private ConfigurableApplicationContext viewer;

	@AfterEach
	void stop() {
		if (this.viewer != null) {
			this.viewer.close();
		}
	}

	@Test
	void demoShowsThreeServicesAtOnce() {
		String endpoint = FreePorts.endpoint();
		String[] args = { "--demo", "--server.port=0", "--zmq.log.endpoints=" + endpoint,
				"--zmq.log.viewer.endpoints=" + endpoint };
		long started = System.nanoTime();
		this.viewer = ZmqLogViewer.viewer(args).run(args);
		long ready = System.nanoTime();
		ViewerApi api = new ViewerApi(((WebServerApplicationContext) this.viewer).getWebServer().getPort());

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			List<JsonNode> entries = api.entries("topic=demo.");
			assertThat(values(entries, "logger")).contains("com.example.gateway.RequestLog",
					"com.example.orders.OrderService", "com.example.orders.StockRepository",
					"com.example.payments.CardPayments");
			assertThat(values(entries, "level")).contains("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
			assertThat(entries).anySatisfy((entry) -> assertThat(entry.get("exception").asString(""))
				.startsWith("java.lang.IllegalStateException: card processor refused the charge")
				.contains("Caused by: java.sql.SQLException: connection reset by peer"));
		});
		System.out.printf("demo started in %d ms, showed every service, level and a stack trace %d ms later%n",
				(ready - started) / 1_000_000, (System.nanoTime() - ready) / 1_000_000);

		// in demo mode the viewer publishes its own lines too; the services log under com.example
		List<JsonNode> entries = api.entries("topic=demo.&q=com.example.").stream()
			.filter((entry) -> entry.get("logger").asString("").startsWith("com.example."))
			.toList();
		assertThat(values(entries, "topic")).contains("demo.INFO.gateway.http", "demo.DEBUG.orders",
				"demo.TRACE.orders.db", "demo.ERROR.payments");
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.get("kind").asString()).isEqualTo("STRUCTURED");
			assertThat(entry.get("thread").asString()).isEqualTo("demo-services");
			assertThat(entry.get("source").get("app").asString()).isEqualTo("zmqlog-viewer");
		});
		// nothing logged before the viewer subscribed went to nobody: the stream starts at 1
		List<Long> seqs = api.entries("topic=demo.").stream().map((entry) -> entry.get("seq").asLong()).toList();
		assertThat(seqs).startsWith(1L, 2L, 3L);
		assertThat(seqs).as("contiguous").isEqualTo(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
		assertThat(entries).anySatisfy((entry) -> assertThat(entry.get("mdc").get("user")).isNotNull());
		assertThat(api.stats().get("lost").asLong()).isZero();
	}

	private static Set<String> values(List<JsonNode> entries, String field) {
		return entries.stream().map((entry) -> entry.get(field).asString("")).collect(Collectors.toSet());
	}

}
