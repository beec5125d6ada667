package dev.zmqlog.viewer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.zmqlog.testing.ChildJvm;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.viewer.ZmqLogViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code watch} in a JVM of its own, reading real sockets: what pyzmq's watcher cannot
 * read, {@code --bind}, several endpoints and topics, {@code --json}.
 */
class WatchReceivingTest {

	/**
	 * Long enough for one stalled connection: a JeroMQ socket that connects now and then
	 * never completes its handshake until the 30 s handshake timer reconnects it (JeroMQ
	 * 0.6.0's connect hand-off race, zeromq/jeromq#1022).
	 */
	private static final Duration TIMEOUT = Duration.ofSeconds(45);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<RunningProcess> processes = new ArrayList<>();

	@TempDir
	Path directory;

	@AfterEach
	void stopProcesses() {
		this.processes.forEach(RunningProcess::close);
	}

	@Test
	void malformedMessagesDoNotStopIt() throws IOException {
		String endpoint = FreePorts.endpoint();
		RunningProcess publisher = publisher("bind", endpoint, 1, List.of(
				List.of("a Log4j2 line without topic"),
				List.of("app.INFO", "three", "frames"),
				List.of("app.INFO", new byte[] { 'b', 'a', 'd', (byte) 0xc3, '(' }),
				List.of(new byte[] { (byte) 0xff }, "a topic that is not UTF-8"),
				List.of(""),
				List.of("app.INFO", "the good one")));
		RunningProcess watch = watch(endpoint);

		awaitLine(watch, "app.INFO | the good one");
		assertThat(publisher.awaitExit(TIMEOUT)).as(publisher::output).isZero();
		assertThat(watch.stdoutLines()).containsExactly(
				" | a Log4j2 line without topic",
				"app.INFO | three",
				"frames",
				"app.INFO | bad\uFFFD(",
				"\uFFFD | a topic that is not UTF-8",
				"app.INFO | the good one");
		assertThat(watch.stderrLines()).containsExactly("zmqlog-viewer watch: skipped a message: empty message");
	}

	@Test
	void bindReceivesFromPublishersThatConnectIn() throws IOException {
		String endpoint = FreePorts.endpoint();
		RunningProcess watch = watch("--bind", endpoint);
		publisher("connect", endpoint, 1, List.of(List.of("orders.INFO", "from orders")));
		publisher("connect", endpoint, 1, List.of(List.of("billing.WARN", "from billing")));

		awaitLines(watch, 2);
		assertThat(watch.stdoutLines()).containsExactlyInAnyOrder("orders.INFO | from orders",
				"billing.WARN | from billing");
	}

	@Test
	void colorIntoAPipeWritesPlainLinesAndNothingAtExit() throws IOException {
		String endpoint = FreePorts.endpoint();
		RunningProcess watch = watch("--color", "--bind", endpoint);
		publisher("connect", endpoint, 1, List.of(List.of("orders.ERROR", "failed")));

		awaitLines(watch, 1);
		watch.terminate();
		watch.awaitExit(TIMEOUT);
		// pyzmq's watcher, through colorama, writes no colour into a pipe either
		assertThat(watch.stdoutLines()).containsExactly("orders.ERROR | failed");
	}

	@Test
	void connectsToSeveralEndpoints() throws IOException {
		String orders = FreePorts.endpoint();
		String billing = FreePorts.endpoint();
		publisher("bind", orders, 1, List.of(List.of("orders.INFO", "from orders")));
		publisher("bind", billing, 1, List.of(List.of("billing.WARN", "from billing")));
		RunningProcess watch = watch(orders, billing);

		awaitLines(watch, 2);
		assertThat(watch.stdoutLines()).containsExactlyInAnyOrder("orders.INFO | from orders",
				"billing.WARN | from billing");
	}

	@Test
	void severalTopicsEachLetTheirPrefixThrough() throws IOException {
		String endpoint = FreePorts.endpoint();
		publisher("bind", endpoint, 2, List.of(
				List.of("app.DEBUG", "not subscribed"),
				List.of("app.INFO", "one"),
				List.of("other.INFO", "not subscribed"),
				List.of("app.ERROR", "two"),
				List.of("app.INFO.db.pool", "a subtopic"),
				List.of("app.WARN", "not subscribed"),
				List.of("app.INFO", "the end")));
		RunningProcess watch = watch("-t", "app.INFO", "--topic", "app.ERROR", endpoint);

		awaitLine(watch, "app.INFO | the end");
		assertThat(watch.stdoutLines()).containsExactly("app.INFO | one", "app.ERROR | two",
				"app.INFO.db.pool | a subtopic", "app.INFO | the end");
	}

	@Test
	void jsonPrintsOneParseableObjectPerLine() throws IOException {
		String endpoint = FreePorts.endpoint();
		String zmqlogRecord = "{\"name\":\"greeter\",\"msg\":\"hello\",\"levelname\":\"WARN\",\"created\":1700000000.25,"
				+ "\"threadName\":\"main\",\"topic\":\"greeter.WARN\",\"formatted\":\"greeter > hello\",\"seq\":3}";
		publisher("bind", endpoint, 1, List.of(
				List.of("greeter.INFO", "hello world!\n"),
				List.of("greeter.WARN", zmqlogRecord),
				List.of("a", "b", "c")));
		RunningProcess watch = watch("--json", "--align", "--color", endpoint);

		awaitLines(watch, 3);
		List<JsonNode> entries = watch.stdoutLines().stream().map(json::readTree).toList();
		assertThat(entries).extracting((entry) -> entry.get("topic").asString())
			.containsExactly("greeter.INFO", "greeter.WARN", "a");
		assertThat(entries).extracting((entry) -> entry.get("message").asString())
			.containsExactly("hello world!", "hello", "b\nc");
		assertThat(entries).extracting((entry) -> entry.get("kind").asString())
			.containsExactly("TEXT", "STRUCTURED", "RAW");
		assertThat(entries).extracting((entry) -> entry.get("id").asLong()).containsExactly(1L, 2L, 3L);
		assertThat(entries.get(1).get("time").asString()).isEqualTo("2023-11-14T22:13:20.250Z");
		assertThat(entries.get(1).get("seq").asLong()).isEqualTo(3);
		assertThat(entries.get(0).get("logger").isNull()).isTrue();
	}

	@Test
	void logbookPublisherIsReadWithItsLevelsChannelsTracebackAndExtra() {
		String endpoint = FreePorts.endpoint();
		RunningProcess logbookApp = started(Python.script("viewer/logbook_app.py", "pub", endpoint));
		RunningProcess watch = watch("--json", endpoint);
		// Logbook's PUB drops what it logs before the subscription arrives: it probes until told to go
		await().atMost(TIMEOUT).until(() -> !watch.stdoutLines().isEmpty());
		logbookApp.writeLine("go");
		assertThat(logbookApp.awaitExit(TIMEOUT)).as(logbookApp::output).isZero();
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(logbookEntries(watch)).hasSize(4));

		List<JsonNode> entries = logbookEntries(watch);
		assertThat(entries).extracting((entry) -> entry.get("level").asString())
			.containsExactly("INFO", "WARN", "ERROR", "FATAL");
		assertThat(entries).extracting((entry) -> entry.get("logger").asString())
			.containsExactly("shop.orders", "shop.stock", "shop.payments", "shop");
		assertThat(entries).extracting((entry) -> entry.get("message").asString())
			.containsExactly("order 42 placed", "stock low", "payment failed", "shutting down");
		assertThat(entries.get(0).get("mdc").get("user").asString()).isEqualTo("ada");
		assertThat(entries.get(2).get("exception").asString()).startsWith("Traceback (most recent call last):")
			.endsWith("ValueError: card declined");
	}

	@Test
	void pullReceivesLogbookHandlersThatPush() {
		String endpoint = FreePorts.endpoint();
		RunningProcess watch = watch("--pull", endpoint);
		RunningProcess logbookApp = started(Python.script("viewer/logbook_app.py", "push", endpoint));

		awaitLine(watch, "FATAL | shutting down");
		assertThat(logbookApp.awaitExit(TIMEOUT)).as(logbookApp::output).isZero();
		// the traceback's indented lines name this script's path
		assertThat(watch.stdoutLines()).filteredOn((line) -> !line.startsWith(" ")).containsExactly(
				"INFO | order 42 placed",
				"WARN | stock low",
				"ERROR | payment failed",
				"Traceback (most recent call last):",
				"ValueError: card declined",
				"FATAL | shutting down");
	}

	/** The entries of {@code watch --json} but Logbook's probes. */
	private static List<JsonNode> logbookEntries(RunningProcess watch) {
		return watch.stdoutLines()
			.stream()
			.map(json::readTree)
			.filter((entry) -> !"probe".equals(entry.get("logger").asString()))
			.toList();
	}

	private RunningProcess watch(String... args) {
		List<Object> watchArgs = new ArrayList<>(List.of("watch"));
		watchArgs.addAll(List.of(args));
		return started(ChildJvm.main(ZmqLogViewer.class).args(watchArgs.toArray()).start());
	}

	/**
	 * A pyzmq XPUB that sends the messages once it has seen {@code subscriptions}
	 * subscriptions.
	 * @param messages frames as strings (sent as UTF-8) or byte arrays
	 */
	private RunningProcess publisher(String mode, String endpoint, int subscriptions, List<? extends List<?>> messages)
			throws IOException {
		List<List<Object>> frames = messages.stream()
			.map((message) -> message.stream()
				.map((frame) -> (frame instanceof byte[] bytes) ? Map.of("hex", HexFormat.of().formatHex(bytes)) : frame)
				.toList())
			.toList();
		Path file = Files.createTempFile(this.directory, "messages", ".json");
		Files.writeString(file, json.writeValueAsString(frames));
		return started(Python.script("cli/send_frames.py", mode, endpoint, Integer.toString(subscriptions),
				file.toString()));
	}

	private static void awaitLine(RunningProcess watch, String line) {
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(watch.stdoutLines()).as(watch::output).contains(line));
	}

	private static void awaitLines(RunningProcess watch, int count) {
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(watch.stdoutLines()).as(watch::output).hasSize(count));
	}

	private RunningProcess started(RunningProcess process) {
		this.processes.add(process);
		return process;
	}

}
