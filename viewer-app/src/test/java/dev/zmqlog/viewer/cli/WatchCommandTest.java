package dev.zmqlog.viewer.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.protocol.MessageDecoder;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import dev.zmqlog.viewer.entry.EntryJson;
import dev.zmqlog.viewer.entry.ViewerEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher's lines, piece by piece, and its arguments, in this JVM. What it prints
 * from real sockets is in {@link WatchReceivingTest} and {@link WatchVersusPyzmqTest}.
 */
class WatchCommandTest {

	private static final LocalDateTime NOW = LocalDateTime.of(2025, 3, 7, 9, 5, 3, 12_345_000);

	private static final String ESC = "\u001b";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final MessageDecoder decoder = new MessageDecoder();

	// lines

	@Test
	void lineIsTopicSeparatorAndMessageStrippedAsPythonStrips() {
		WatchLineFormat format = new WatchLineFormat(" | ", null, false, false);

		assertThat(line(format, "greeter.INFO", "hello world!\n")).isEqualTo("greeter.INFO | hello world!");
		// Python's whitespace is more than Java's: no-break spaces, NEL, U+001C..1F
		assertThat(line(format, " \tgreeter.INFO\n", "\u00a0\u0085\u001c spaced \u2003\u202f\n"))
			.isEqualTo("greeter.INFO | spaced");
	}

	@Test
	void separatorIsPrintedAsGiven() {
		WatchLineFormat format = new WatchLineFormat(" :: ", null, false, false);

		assertThat(line(format, "greeter.INFO", "hello")).isEqualTo("greeter.INFO :: hello");
	}

	@Test
	void alignPadsEachSegmentToTheWidestSeenSoFar() {
		WatchLineFormat format = new WatchLineFormat(" | ", null, true, false);

		List<String> lines = new ArrayList<>();
		for (String topic : List.of("greeter.WARNING", "greeter.DEBUG", "greeter.INFO.db.pool", "greeter.ERROR",
				"greeter.CRITICAL", "INFO", "greeter.INFO.a.b.c")) {
			lines.add(line(format, topic, "m"));
		}

		assertThat(lines).containsExactly(
				"greeter.WARNING | m",
				"greeter.DEBUG   | m",
				"greeter.INFO   .db.pool | m",
				// segments a topic lacks are a space, padded like the others
				"greeter.ERROR  .  .     | m",
				"greeter.CRITICAL.  .     | m",
				"INFO   .        .  .     | m",
				"greeter.INFO    .a .b   .c | m");
	}

	@Test
	void alignCountsCodePointsAsPythonsLen() {
		WatchLineFormat format = new WatchLineFormat("|", null, true, false);

		assertThat(line(format, "a.\uD83D\uDE80\uD83D\uDE80", "m")).isEqualTo("a.\uD83D\uDE80\uD83D\uDE80|m");
		assertThat(line(format, "a.xyz", "m")).isEqualTo("a.xyz|m");
		assertThat(line(format, "a.\uD83D\uDE80", "m")).isEqualTo("a.\uD83D\uDE80  |m");
	}

	@Test
	void colourIsThatOfTheFirstSegmentThatNamesALevel() {
		WatchLineFormat format = new WatchLineFormat(" | ", null, false, true);

		assertThat(line(format, "greeter.DEBUG", "m")).isEqualTo(ESC + "[96mgreeter.DEBUG | m" + ESC + "[39m");
		assertThat(line(format, "greeter.INFO.db.pool", "m")).isEqualTo(ESC + "[97mgreeter.INFO.db.pool | m" + ESC + "[39m");
		assertThat(line(format, "greeter.WARNING", "m")).startsWith(ESC + "[33m");
		assertThat(line(format, "greeter.ERROR", "m")).startsWith(ESC + "[91m");
		assertThat(line(format, "greeter.CRITICAL", "m")).startsWith(ESC + "[91m");
		// beyond pyzmq: Logback's names, and a level that is not the second segment
		assertThat(line(format, "greeter.WARN", "m")).startsWith(ESC + "[33m");
		assertThat(line(format, "greeter.FATAL", "m")).startsWith(ESC + "[91m");
		assertThat(line(format, "greeter.TRACE", "m")).startsWith(ESC + "[90m");
		assertThat(line(format, "WARN.db.pool", "m")).startsWith(ESC + "[33m");
	}

	@Test
	void lineWithoutLevelHasNoColourButStillTheReset() {
		WatchLineFormat format = new WatchLineFormat(" | ", null, false, true);

		assertThat(line(format, "greeter", "m")).isEqualTo("greeter | m" + ESC + "[39m");
	}

	@Test
	void timestampStartsTheLineInTheDefaultFormatMonthBeforeDay() {
		WatchLineFormat format = new WatchLineFormat(" | ", new StrftimeFormat(StrftimeFormat.DEFAULT_PATTERN), false,
				true);

		assertThat(line(format, "greeter.INFO", "m"))
			.isEqualTo("2025-03-07 09:05:03 " + ESC + "[97mgreeter.INFO | m" + ESC + "[39m");
	}

	@Test
	void dateFormatDirectivesFormatAsPythonsStrftime() {
		List<String> times = List.of("2025-03-07T09:05:03.012345", "2024-12-30T23:59:59.999999",
				"2021-01-01T00:00:00", "2000-02-29T12:30:45.500000", "1999-12-31T13:07:09");
		List<String> patterns = List.of("%Y-%m-%d %H:%M:%S", "%Y-%d-%m %H:%M", "%H:%M:%S.%f", "%y %b %a %j %%",
				"%A %B %I %p %P %h", "%c", "%x %X", "%D %F %T %R %r", "%e %k %l", "%G-W%V-%u %U %W %w", "%C %g",
				"%-d %-m %_H %0e %^a %#b %#p %^p", "%10Y %_5d %-5d %05e %^10a %#10B %-10p", "%Ey %Od %EY %OH",
				"%z%Z|%%z|%%f", "%Q %5Q %-f", "trailing %", "%5", "%-", "%n%t", "%s", "plain text", "");

		List<String> expected = pythonStrftime(times, patterns);

		List<String> actual = new ArrayList<>();
		for (String time : times) {
			for (String pattern : patterns) {
				actual.add(new StrftimeFormat(pattern).format(LocalDateTime.parse(time)));
			}
		}
		assertThat(actual).containsExactlyElementsOf(expected);
	}

	// what each shape of message prints

	@Test
	void oneFrameJsonRecordPrintsItsMessageUnderItsLevel() {
		WatchLineFormat format = new WatchLineFormat(" | ", null, false, true);
		String cookbookRecord = "{\"name\": \"app.db\", \"msg\": \"pool exhausted\", \"levelname\": \"WARNING\","
				+ " \"levelno\": 30, \"created\": 1700000000.25, \"exc_text\": \"Traceback: boom\"}";

		assertThat(line(format, List.of(cookbookRecord)))
			.isEqualTo(ESC + "[33mWARN | pool exhausted\nTraceback: boom" + ESC + "[39m");
	}

	@Test
	void zmqlogJsonPayloadPrintsItsFormattedText() {
		WatchLineFormat format = new WatchLineFormat(" | ", null, false, false);
		String payload = "{\"name\":\"greeter\",\"msg\":\"hello\",\"levelname\":\"INFO\",\"levelno\":20,"
				+ "\"topic\":\"greeter.INFO\",\"formatted\":\"greeter > hello\",\"seq\":7}";

		assertThat(line(format, List.of("greeter.INFO", payload))).isEqualTo("greeter.INFO | greeter > hello");
	}

	@Test
	void otherJsonPayloadPrintsAsSentAsPyzmqDoes() {
		WatchLineFormat format = new WatchLineFormat(" | ", null, false, false);
		String payload = "{\"msg\": \"a dict someone logged\", \"user\": 42}\n";

		assertThat(line(format, List.of("app.INFO", payload))).isEqualTo("app.INFO | " + payload.strip());
	}

	@Test
	void oneFrameTextPrintsWithAnEmptyTopic() {
		WatchLineFormat format = new WatchLineFormat(" | ", null, false, false);

		assertThat(line(format, List.of("a Log4j2 line\n"))).isEqualTo(" | a Log4j2 line");
	}

	@Test
	void threeFramesPrintTheFirstAsTopicAndTheOthersAsLines() {
		WatchLineFormat format = new WatchLineFormat(" | ", null, false, false);

		assertThat(line(format, List.of("app.INFO", "one", "two"))).isEqualTo("app.INFO | one\ntwo");
	}

	@Test
	void invalidUtf8PrintsWithReplacementCharacters() {
		WatchLineFormat format = new WatchLineFormat(" | ", null, false, false);
		List<byte[]> frames = List.of(utf8("app.INFO"), new byte[] { 'o', 'k', (byte) 0xff, (byte) 0xfe });

		assertThat(format.line(frames, entry(frames), NOW)).isEqualTo("app.INFO | ok\uFFFD\uFFFD");
	}

	@Test
	void controlSequencesAreShownInertButColoursPass() {
		WatchLineFormat format = new WatchLineFormat(" | ", null, false, false);
		String hostile = "clear" + ESC + "[2J title" + ESC + "]0;owned\u0007 csi\u009b5m bell\u0007 " + ESC
				+ "[1;31mred" + ESC + "[0m\ttab";

		assertThat(line(format, "app.INFO" + ESC + "[H", hostile)).isEqualTo("app.INFO\\x1b[H | clear\\x1b[2J"
				+ " title\\x1b]0;owned\\x07 csi\\x9b5m bell\\x07 " + ESC + "[1;31mred" + ESC + "[0m\ttab");
	}

	@Test
	void jsonLineHasEveryKeyInAStableOrder() throws Exception {
		Instant received = Instant.parse("2025-03-07T08:05:03.5Z");
		String payload = "{\"name\":\"greeter\",\"msg\":\"hello\",\"levelname\":\"WARN\",\"created\":1700000000.25,"
				+ "\"threadName\":\"main\",\"topic\":\"greeter.WARN\",\"formatted\":\"greeter > hello\","
				+ "\"mdc\":{\"user\":\"ann\"},\"markers\":[\"AUDIT\"],\"seq\":7,"
				+ "\"source\":{\"app\":\"greeter\",\"host\":\"h\",\"pid\":42,\"instance\":\"i\"}}";

		EntryJson writer = new EntryJson();
		JsonNode structured = json.readTree(
				writer.text(ViewerEntry.of(1, entry(List.of(utf8("greeter.WARN"), utf8(payload))), received)));
		JsonNode text = json.readTree(
				writer.text(ViewerEntry.of(2, entry(List.of(utf8("greeter.INFO"), utf8("hello world!\n"))), received)));

		assertThat(structured.propertyNames()).containsExactlyElementsOf(EntryJson.FIELDS);
		assertThat(text.propertyNames()).containsExactlyElementsOf(structured.propertyNames());
		assertThat(structured.toString()).isEqualTo("{\"id\":1,\"time\":\"2023-11-14T22:13:20.250Z\","
				+ "\"received\":\"2025-03-07T08:05:03.500Z\",\"topic\":\"greeter.WARN\",\"level\":\"WARN\","
				+ "\"logger\":\"greeter\",\"thread\":\"main\",\"message\":\"hello\",\"exception\":null,"
				+ "\"mdc\":{\"user\":\"ann\"},\"markers\":[\"AUDIT\"],\"seq\":7,"
				+ "\"source\":{\"app\":\"greeter\",\"host\":\"h\",\"pid\":42,\"instance\":\"i\"},\"kind\":\"STRUCTURED\"}");
		assertThat(text.toString()).isEqualTo("{\"id\":2,\"time\":\"2025-03-07T08:05:03.500Z\","
				+ "\"received\":\"2025-03-07T08:05:03.500Z\",\"topic\":\"greeter.INFO\",\"level\":\"INFO\","
				+ "\"logger\":null,\"thread\":null,\"message\":\"hello world!\",\"exception\":null,"
				+ "\"mdc\":{},\"markers\":[],\"seq\":null,\"source\":null,\"kind\":\"TEXT\"}");
	}

	// arguments

	@Test
	void argumentsParseAsArgparseParsesPyzmqs() throws Exception {
		CommandLine line = WatchCommand.syntax()
			.parse(new String[] { "-tfoo", "--topic=bar", "tcp://a:1", "-t", "baz", "--sep", " ~ ", "--time",
					"--dateformat=%H", "--align", "--", "-weird" });

		assertThat(line.values("topic")).containsExactly("foo", "bar", "baz");
		assertThat(line.value("separator", " | ")).isEqualTo(" ~ ");
		assertThat(line.value("dateformat", "")).isEqualTo("%H");
		assertThat(line.has("timestamp")).isTrue();
		assertThat(line.has("align")).isTrue();
		assertThat(line.has("color")).isFalse();
		assertThat(line.positionals()).containsExactly("tcp://a:1", "-weird");
	}

	@Test
	void unknownFlagIsAUsageError() {
		Run run = watch("--colour", "tcp://127.0.0.1:5556");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("usage: zmqlog-viewer watch [-h] [-t TOPIC]")
			.endsWith("zmqlog-viewer watch: error: unrecognized arguments: --colour\n");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void missingEndpointIsAUsageError() {
		Run run = watch("--align");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).endsWith("error: the following arguments are required: ENDPOINT\n");
	}

	@Test
	void missingValueIsAUsageError() {
		assertThat(watch("tcp://127.0.0.1:5556", "-t").err()).endsWith("error: argument -t/--topic: expected one argument\n");
		Run run = watch("--separator", "--align", "tcp://127.0.0.1:5556");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).endsWith("error: argument --separator: expected one argument\n");
	}

	@Test
	void ambiguousPrefixIsAUsageError() {
		Run run = watch("--t", "greeter", "tcp://127.0.0.1:5556");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).endsWith("error: ambiguous option: --t could match --topic, --timestamp\n");
	}

	@Test
	void maxMessageSizeMustBeAPositiveNumber() {
		Run run = watch("--max-message-size", "lots", "tcp://127.0.0.1:5556");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("argument --max-message-size: expected a number of bytes above 0, got 'lots'");
	}

	@Test
	void curveErrorsNameTheFlags() {
		Run malformed = watch("--curve-server-key", "tooshort", "tcp://127.0.0.1:5556");
		Run bindWithoutPair = watch("--bind", "--curve-server-key", "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7",
				"tcp://127.0.0.1:5556");

		assertThat(malformed.exitCode()).isEqualTo(2);
		assertThat(malformed.err()).contains("--curve-server-key is not a CURVE key").doesNotContain("curve.");
		assertThat(bindWithoutPair.exitCode()).isEqualTo(2);
		assertThat(bindWithoutPair.err())
			.contains("--curve-secret-key and --curve-public-key are required on a socket that binds");
	}

	@Test
	void pullTakesNoTopics() {
		Run run = watch("--pull", "-t", "orders.", "tcp://127.0.0.1:5556");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("argument -t/--topic: not allowed with --pull");
	}

	@Test
	void helpPrintsEveryFlagAndExitsZero() {
		Run run = watch("--help");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("usage: zmqlog-viewer watch ")
			.contains("-t TOPIC, --topic TOPIC", "--timestamp", "--separator SEPARATOR", "--dateformat DATEFORMAT",
					"--align", "--color", "--bind", "--pull", "--json", "ENDPOINT");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void invalidEndpointExitsOneAndSaysWhy() {
		Run run = watch("not-an-endpoint");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).startsWith("zmqlog-viewer watch: Cannot connect not-an-endpoint: invalid endpoint");
	}

	@Test
	void busyPortExitsOneAndSaysWhy() throws IOException {
		try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String endpoint = "tcp://127.0.0.1:" + busy.getLocalPort();

			Run run = watch("--bind", endpoint);

			assertThat(run.exitCode()).isEqualTo(1);
			assertThat(run.err()).isEqualTo("zmqlog-viewer watch: Cannot bind " + endpoint + ": address already in use\n");
		}
	}

	private String line(WatchLineFormat format, String topic, String payload) {
		return line(format, List.of(topic, payload));
	}

	private String line(WatchLineFormat format, List<String> frames) {
		List<byte[]> bytes = frames.stream().map(WatchCommandTest::utf8).toList();
		return format.line(bytes, entry(bytes), NOW);
	}

	private LogEntry entry(List<byte[]> frames) {
		LogEntry entry = this.decoder.decode(frames).entry();
		assertThat(entry).isNotNull();
		return entry;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> pythonStrftime(List<String> times, List<String> patterns) {
		try (RunningProcess python = Python.script("cli/strftime.py", json.writeValueAsString(times),
				json.writeValueAsString(patterns))) {
			assertThat(python.awaitExit(Duration.ofSeconds(10))).as(python::output).isZero();
			return python.stdoutLines().stream().map((line) -> json.readValue(line, String.class)).toList();
		}
	}

	/** Runs the command in this JVM; only for arguments that make it return. */
	private static Run watch(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = WatchCommand.run(args, new LineOutput(out), new LineOutput(err));
		return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String out, String err) {
	}

}
