package dev.zmqlog.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MessageDecoderTest {

	private static final String REPLACEMENT = "\uFFFD";

	private final MessageDecoder decoder = new MessageDecoder();

	private DecodeResult decode(String... frames) {
		return this.decoder.decode(Arrays.stream(frames).map(MessageDecoderTest::utf8).toList());
	}

	private DecodeResult decodeBytes(byte[]... frames) {
		return this.decoder.decode(List.of(frames));
	}

	private LogEntry accepted(DecodeResult result) {
		assertThat(result.isAccepted()).as("accepted: %s", result).isTrue();
		assertThat(result.rejection()).isNull();
		return result.entry();
	}

	private LogEntry entryOf(String... frames) {
		return accepted(decode(frames));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(Object... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Object part : parts) {
			if (part instanceof String text) {
				out.writeBytes(utf8(text));
			}
			else if (part instanceof Integer b) {
				out.write(b);
			}
			else {
				out.writeBytes((byte[]) part);
			}
		}
		return out.toByteArray();
	}

	@Nested
	class ZmqlogText {

		@Test
		void topicAndPayloadBecomeATextEntry() {
			LogEntry entry = entryOf("greeter.INFO", "com.example.Greeter > hello");
			assertThat(entry.kind()).isEqualTo(EntryKind.TEXT);
			assertThat(entry.topic()).isEqualTo("greeter.INFO");
			assertThat(entry.level()).isEqualTo(Level.INFO);
			assertThat(entry.message()).isEqualTo("com.example.Greeter > hello");
			assertThat(entry.formatted()).isEqualTo("com.example.Greeter > hello");
		}

		@Test
		void textEntryCarriesNoRecordFields() {
			LogEntry entry = entryOf("greeter.INFO", "com.example.Greeter > hello");
			assertHasNoRecordFields(entry);
		}

		@Test
		void subtopicKeepsTheLevel() {
			LogEntry entry = entryOf("greeter.WARN.db.pool", "com.example.Pool > exhausted");
			assertThat(entry.topic()).isEqualTo("greeter.WARN.db.pool");
			assertThat(entry.level()).isEqualTo(Level.WARN);
		}

		@Test
		void levelWithoutRootTopic() {
			assertThat(entryOf("ERROR", "x > failed").level()).isEqualTo(Level.ERROR);
		}

		@Test
		void stackTraceIsKeptVerbatim() {
			String payload = "com.example.Greeter > failed\njava.lang.IllegalStateException: boom\n\tat com.example.Greeter.greet(Greeter.java:42)\n";
			assertThat(entryOf("greeter.ERROR", payload).message()).isEqualTo(payload);
		}

		@Test
		void emptyPayloadIsAnEmptyMessage() {
			LogEntry entry = entryOf("greeter.INFO", "");
			assertThat(entry.kind()).isEqualTo(EntryKind.TEXT);
			assertThat(entry.message()).isEmpty();
		}

		@Test
		void topicWithoutLevelGivesNoLevel() {
			LogEntry entry = entryOf("greeter.db", "hello");
			assertThat(entry.kind()).isEqualTo(EntryKind.TEXT);
			assertThat(entry.level()).isNull();
		}

		@Test
		void unicodeSurvives() {
			LogEntry entry = entryOf("grüße.INFO.données", "日本語 ✓ 😀");
			assertThat(entry.topic()).isEqualTo("grüße.INFO.données");
			assertThat(entry.message()).isEqualTo("日本語 ✓ 😀");
		}

		@Test
		void payloadStartingWithABraceThatIsNoJsonIsText() {
			LogEntry entry = entryOf("greeter.INFO", "{not json} at all");
			assertThat(entry.kind()).isEqualTo(EntryKind.TEXT);
			assertThat(entry.message()).isEqualTo("{not json} at all");
		}

	}

	@Nested
	class ZmqlogJson {

		private static final String RECORD = """
				{"name":"com.example.Greeter","msg":"pool exhausted","levelname":"WARN","levelno":30,\
				"created":1714564800.123456,"msecs":123.456,"threadName":"main","process":4242,\
				"exc_text":"java.lang.IllegalStateException: boom\\n\\tat com.example.Greeter.greet(Greeter.java:42)",\
				"pathname":"com/example/Greeter.java","filename":"Greeter.java","module":"Greeter","funcName":"greet",\
				"lineno":42,"topic":"greeter.WARN.db.pool",\
				"formatted":"com.example.Greeter > pool exhausted\\njava.lang.IllegalStateException: boom",\
				"mdc":{"user":"alice","requestId":"r-1"},"markers":["AUDIT","SECURITY"],"seq":7,\
				"source":{"app":"greeter","host":"box","pid":4242,"instance":"3f2a9c"}}""";

		private LogEntry decoded() {
			return entryOf("greeter.WARN.db.pool", RECORD);
		}

		@Test
		void isStructured() {
			assertThat(decoded().kind()).isEqualTo(EntryKind.STRUCTURED);
		}

		@Test
		void topicFrameIsTheTopic() {
			assertThat(decoded().topic()).isEqualTo("greeter.WARN.db.pool");
		}

		@Test
		void levelFromLevelname() {
			assertThat(decoded().level()).isEqualTo(Level.WARN);
		}

		@Test
		void createdBecomesAnInstantWithMicroseconds() {
			assertThat(decoded().time()).isEqualTo(Instant.parse("2024-05-01T12:00:00.123456Z"));
		}

		@Test
		void loggerFromName() {
			assertThat(decoded().logger()).isEqualTo("com.example.Greeter");
		}

		@Test
		void messageFromMsg() {
			assertThat(decoded().message()).isEqualTo("pool exhausted");
		}

		@Test
		void exceptionFromExcText() {
			assertThat(decoded().exception())
				.isEqualTo("java.lang.IllegalStateException: boom\n\tat com.example.Greeter.greet(Greeter.java:42)");
		}

		@Test
		void formattedFromFormatted() {
			assertThat(decoded().formatted())
				.isEqualTo("com.example.Greeter > pool exhausted\njava.lang.IllegalStateException: boom");
		}

		@Test
		void formattedFromMessageAndExceptionWhenIgnoringTheRecordsOwn() {
			LogEntry entry = new MessageDecoder().ignoringFormatted()
				.decode(List.of(utf8("greeter.WARN.db.pool"), utf8(RECORD)))
				.entry();
			assertThat(entry.formatted()).isEqualTo(
					"pool exhausted\njava.lang.IllegalStateException: boom\n\tat com.example.Greeter.greet(Greeter.java:42)");
			assertThat(entry).usingRecursiveComparison()
				.ignoringFields("formatted")
				.isEqualTo(decoded());
		}

		@Test
		void threadFromThreadName() {
			assertThat(decoded().thread()).isEqualTo("main");
		}

		@Test
		void mdcKeepsItsOrder() {
			assertThat(decoded().mdc()).containsExactly(entry("user", "alice"), entry("requestId", "r-1"));
		}

		@Test
		void markers() {
			assertThat(decoded().markers()).containsExactly("AUDIT", "SECURITY");
		}

		@Test
		void sequenceNumber() {
			assertThat(decoded().seq()).isEqualTo(7L);
		}

		@Test
		void source() {
			assertThat(decoded().source()).isEqualTo(new Source("greeter", "box", 4242L, "3f2a9c"));
		}

		@Test
		void topicFrameWinsOverTheRecordsTopic() {
			assertThat(entryOf("other.ERROR", RECORD).topic()).isEqualTo("other.ERROR");
		}

		@Test
		void oneFrameRecordTakesTheTopicFromTheRecord() {
			LogEntry entry = entryOf(RECORD);
			assertThat(entry.kind()).isEqualTo(EntryKind.STRUCTURED);
			assertThat(entry.topic()).isEqualTo("greeter.WARN.db.pool");
		}

		@Test
		void levelFromTopicWhenTheRecordHasNone() {
			LogEntry entry = entryOf("greeter.ERROR", "{\"name\":\"x\",\"msg\":\"m\"}");
			assertThat(entry.level()).isEqualTo(Level.ERROR);
		}

		@Test
		void levelFromTheRecordWhenTheTopicHasNone() {
			LogEntry entry = entryOf("greeter", "{\"msg\":\"m\",\"levelname\":\"ERROR\",\"levelno\":40}");
			assertThat(entry.level()).isEqualTo(Level.ERROR);
		}

		@Test
		void whitespaceBeforeTheObjectIsAllowed() {
			assertThat(entryOf("greeter.INFO", " \r\n\t{\"msg\":\"m\"}\n").kind()).isEqualTo(EntryKind.STRUCTURED);
		}

		@Test
		void formattedDefaultsToMessageAndException() {
			LogEntry entry = entryOf("greeter.ERROR", "{\"msg\":\"failed\",\"exc_text\":\"java.lang.Error: x\"}");
			assertThat(entry.formatted()).isEqualTo("failed\njava.lang.Error: x");
		}

		@Test
		void formattedDoesNotRepeatAnExceptionTheMessageContains() {
			LogEntry entry = entryOf("greeter.ERROR",
					"{\"msg\":\"failed\\njava.lang.Error: x\",\"exc_text\":\"java.lang.Error: x\"}");
			assertThat(entry.formatted()).isEqualTo("failed\njava.lang.Error: x");
		}

		@Test
		void absentOptionalFieldsAreNullOrEmpty() {
			LogEntry entry = entryOf("greeter.INFO", "{\"msg\":\"m\"}");
			assertHasNoRecordFields(entry);
		}

		@Test
		void sourceWithMissingFields() {
			LogEntry entry = entryOf("greeter.INFO", "{\"msg\":\"m\",\"source\":{\"app\":\"greeter\"}}");
			assertThat(entry.source()).isEqualTo(new Source("greeter", null, null, null));
		}

		@ParameterizedTest
		@CsvSource({ "0, 1970-01-01T00:00:00Z", "1714564800, 2024-05-01T12:00:00Z",
				"1714564800.5, 2024-05-01T12:00:00.500Z", "1714564800.000001, 2024-05-01T12:00:00.000001Z",
				"1714564800.999999, 2024-05-01T12:00:00.999999Z", "-0.5, 1969-12-31T23:59:59.500Z",
				"1795312213.991238, 2026-11-22T01:50:13.991238Z" })
		void createdIsReadToTheMicrosecond(String created, Instant time) {
			assertThat(entryOf("greeter.INFO", "{\"msg\":\"m\",\"created\":" + created + "}").time()).isEqualTo(time);
		}

		@Test
		void everyMicrosecondOfADayRoundTripsThroughCreated() {
			Random random = new Random(42);
			long base = Instant.parse("2024-05-01T00:00:00Z").getEpochSecond() * 1_000_000L;
			for (int i = 0; i < 2_000; i++) {
				long micros = base + (long) (random.nextDouble() * 86_400_000_000L);
				String created = Double.toString(micros / 1e6d);
				Instant expected = Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000L);
				assertThat(entryOf("greeter.INFO", "{\"msg\":\"m\",\"created\":" + created + "}").time())
					.as(created)
					.isEqualTo(expected);
			}
		}

	}

	@Nested
	class PyzmqPubHandler {

		@Test
		void infoPayloadIsTheMessageWithItsNewline() {
			LogEntry entry = entryOf("greeter.INFO", "hello\n");
			assertThat(entry.kind()).isEqualTo(EntryKind.TEXT);
			assertThat(entry.level()).isEqualTo(Level.INFO);
			assertThat(entry.message()).isEqualTo("hello\n");
		}

		@Test
		void debugPayloadWithFileAndLine() {
			LogEntry entry = entryOf("greeter.DEBUG", "DEBUG greeter.py:12 - hello\n");
			assertThat(entry.level()).isEqualTo(Level.DEBUG);
			assertThat(entry.message()).isEqualTo("DEBUG greeter.py:12 - hello\n");
		}

		@Test
		void warningTopicIsWarn() {
			LogEntry entry = entryOf("greeter.WARNING", "WARNING greeter.py:12 - careful\n");
			assertThat(entry.level()).isEqualTo(Level.WARN);
			assertThat(entry.topic()).isEqualTo("greeter.WARNING");
		}

		@Test
		void warningTopicWithSubtopicIsWarn() {
			assertThat(entryOf("greeter.WARNING.db.pool", "WARNING greeter.py:12 - exhausted\n").level())
				.isEqualTo(Level.WARN);
		}

		@Test
		void errorPayloadWithExcInfo() {
			LogEntry entry = entryOf("greeter.ERROR", "ERROR greeter.py:12 - failed - None\n");
			assertThat(entry.level()).isEqualTo(Level.ERROR);
			assertThat(entry.message()).isEqualTo("ERROR greeter.py:12 - failed - None\n");
		}

		@Test
		void criticalTopicIsFatal() {
			assertThat(entryOf("greeter.CRITICAL", "CRITICAL greeter.py:12 - down\n").level()).isEqualTo(Level.FATAL);
		}

		@Test
		void criticalWithoutRootTopicIsFatal() {
			assertThat(entryOf("CRITICAL", "CRITICAL greeter.py:12 - down\n").level()).isEqualTo(Level.FATAL);
		}

		@Test
		void loggedJsonTextIsNotLost() {
			LogEntry entry = entryOf("greeter.INFO", "{\"event\":\"login\",\"user\":\"bob\"}\n");
			assertThat(entry.level()).isEqualTo(Level.INFO);
			assertThat(entry.message()).isEqualTo("{\"event\":\"login\",\"user\":\"bob\"}\n");
		}

	}

	@Nested
	class LoggingCookbook {

		// json.dumps(record.__dict__) of a record after QueueHandler.prepare, Python 3.12
		private static final String WARNING = """
				{"name": "greeter.db", "msg": "pool main exhausted", "args": null, "levelname": "WARNING", \
				"levelno": 30, "pathname": "/srv/greeter/db.py", "filename": "db.py", "module": "db", \
				"exc_info": null, "exc_text": null, "stack_info": null, "lineno": 6, "funcName": "acquire", \
				"created": 1714564800.123456, "msecs": 123.0, "relativeCreated": 16.341209411621094, \
				"thread": 140142088056896, "threadName": "MainThread", "processName": "MainProcess", \
				"process": 7361, "taskName": null, "message": "pool main exhausted"}""";

		private static final String ERROR = """
				{"name": "greeter", "msg": "boom\\nTraceback (most recent call last):\\n  File \\"greeter.py\\", \
				line 10, in <module>\\nZeroDivisionError: division by zero", "args": null, "levelname": "ERROR", \
				"levelno": 40, "pathname": "greeter.py", "filename": "greeter.py", "module": "greeter", \
				"exc_info": null, "exc_text": null, "stack_info": null, "lineno": 12, "funcName": "<module>", \
				"created": 1714564800.5, "msecs": 500.0, "relativeCreated": 16.5, "thread": 140142088056896, \
				"threadName": "MainThread", "processName": "MainProcess", "process": 7361, \
				"message": "boom\\nTraceback (most recent call last):\\n  File \\"greeter.py\\", line 10, in \
				<module>\\nZeroDivisionError: division by zero"}""";

		@Test
		void oneFrameRecordIsStructuredWithoutTopic() {
			LogEntry entry = entryOf(WARNING);
			assertThat(entry.kind()).isEqualTo(EntryKind.STRUCTURED);
			assertThat(entry.topic()).isEmpty();
		}

		@Test
		void warningIsWarn() {
			assertThat(entryOf(WARNING).level()).isEqualTo(Level.WARN);
		}

		@Test
		void recordFields() {
			LogEntry entry = entryOf(WARNING);
			assertThat(entry.logger()).isEqualTo("greeter.db");
			assertThat(entry.message()).isEqualTo("pool main exhausted");
			assertThat(entry.formatted()).isEqualTo("pool main exhausted");
			assertThat(entry.thread()).isEqualTo("MainThread");
			assertThat(entry.time()).isEqualTo(Instant.parse("2024-05-01T12:00:00.123456Z"));
		}

		@Test
		void nullsAndPythonOnlyFieldsAreIgnored() {
			LogEntry entry = entryOf(WARNING);
			assertThat(entry.exception()).isNull();
			assertThat(entry.mdc()).isEmpty();
			assertThat(entry.markers()).isEmpty();
			assertThat(entry.seq()).isNull();
			assertThat(entry.source()).isNull();
		}

		@Test
		void preparedExceptionStaysInTheMessage() {
			LogEntry entry = entryOf(ERROR);
			assertThat(entry.level()).isEqualTo(Level.ERROR);
			assertThat(entry.message()).startsWith("boom\nTraceback").endsWith("ZeroDivisionError: division by zero");
			assertThat(entry.exception()).isNull();
		}

		@Test
		void criticalIsFatal() {
			assertThat(entryOf(WARNING.replace("\"WARNING\"", "\"CRITICAL\"").replace(": 30,", ": 50,")).level())
				.isEqualTo(Level.FATAL);
		}

		@Test
		void customLevelFallsBackToLevelno() {
			assertThat(entryOf(WARNING.replace("\"WARNING\"", "\"Level 25\"").replace(": 30,", ": 25,")).level())
				.isEqualTo(Level.INFO);
		}

		@Test
		void messageWinsOverMsg() {
			assertThat(entryOf("{\"msg\":\"pool %s exhausted\",\"message\":\"pool main exhausted\"}").message())
				.isEqualTo("pool main exhausted");
		}

		@Test
		void nanWrittenByPythonIsAccepted() {
			LogEntry entry = entryOf("{\"msg\":\"m\",\"levelname\":\"INFO\",\"ratio\":NaN,\"limit\":Infinity,"
					+ "\"floor\":-Infinity}");
			assertThat(entry.kind()).isEqualTo(EntryKind.STRUCTURED);
			assertThat(entry.message()).isEqualTo("m");
		}

	}

	@Nested
	class Logbook {

		private static final String RECORD = """
				{"channel":"app","level":14,"msg":"boom","time":"2024-05-01T12:00:00.123456Z",\
				"thread_name":"MainThread","formatted_exception":"Traceback (most recent call last):\\n  \
				File \\"app.py\\", line 3, in <module>\\nValueError: bad","extra":{"k":"v"}}""";

		@Test
		void recordIsStructured() {
			LogEntry entry = entryOf(RECORD);
			assertThat(entry.kind()).isEqualTo(EntryKind.STRUCTURED);
			assertThat(entry.topic()).isEmpty();
		}

		@Test
		void level14IsError() {
			assertThat(entryOf(RECORD).level()).isEqualTo(Level.ERROR);
		}

		@Test
		void loggerFromChannel() {
			assertThat(entryOf(RECORD).logger()).isEqualTo("app");
		}

		@Test
		void messageFromMsg() {
			assertThat(entryOf(RECORD).message()).isEqualTo("boom");
		}

		@Test
		void exceptionFromFormattedException() {
			assertThat(entryOf(RECORD).exception()).startsWith("Traceback").endsWith("ValueError: bad");
		}

		@Test
		void formattedShowsMessageAndException() {
			assertThat(entryOf(RECORD).formatted()).startsWith("boom\nTraceback").endsWith("ValueError: bad");
		}

		@Test
		void threadFromThreadName() {
			assertThat(entryOf(RECORD).thread()).isEqualTo("MainThread");
		}

		@Test
		void mdcFromExtra() {
			assertThat(entryOf(RECORD).mdc()).containsExactly(entry("k", "v"));
		}

		@Test
		void isoTimeWithZone() {
			assertThat(entryOf(RECORD).time()).isEqualTo(Instant.parse("2024-05-01T12:00:00.123456Z"));
		}

		@Test
		void naiveIsoTimeIsUtc() {
			LogEntry entry = entryOf(RECORD.replace("123456Z", "123456"));
			assertThat(entry.time()).isEqualTo(Instant.parse("2024-05-01T12:00:00.123456Z"));
		}

		@Test
		void isoTimeWithOffset() {
			LogEntry entry = entryOf(RECORD.replace("12:00:00.123456Z", "14:00:00.123456+02:00"));
			assertThat(entry.time()).isEqualTo(Instant.parse("2024-05-01T12:00:00.123456Z"));
		}

		@Test
		void unreadableTimeIsNoTime() {
			LogEntry entry = entryOf(RECORD.replace("2024-05-01T12:00:00.123456Z", "yesterday"));
			assertThat(entry.kind()).isEqualTo(EntryKind.STRUCTURED);
			assertThat(entry.time()).isNull();
		}

		@ParameterizedTest
		@CsvSource({ "9, TRACE", "10, DEBUG", "11, INFO", "12, INFO", "13, WARN", "14, ERROR", "15, FATAL" })
		void integerLevels(int level, Level expected) {
			assertThat(entryOf(RECORD.replace("\"level\":14", "\"level\":" + level)).level()).isEqualTo(expected);
		}

		@ParameterizedTest
		@CsvSource({ "20, INFO", "30, WARN", "40, ERROR", "50, FATAL" })
		void levelAbove15IsAPythonNumber(int level, Level expected) {
			assertThat(entryOf(RECORD.replace("\"level\":14", "\"level\":" + level)).level()).isEqualTo(expected);
		}

		@Test
		void levelNameInLevel() {
			assertThat(entryOf(RECORD.replace("\"level\":14", "\"level\":\"WARNING\"")).level()).isEqualTo(Level.WARN);
		}

	}

	@Nested
	class Log4j2PlainText {

		@Test
		void oneFrameTextIsPlainWithoutTopic() {
			LogEntry entry = entryOf("2024-05-01 12:00:00,123 INFO  [main] c.e.Greeter - hello");
			assertThat(entry.kind()).isEqualTo(EntryKind.PLAIN);
			assertThat(entry.topic()).isEmpty();
			assertThat(entry.message()).isEqualTo("2024-05-01 12:00:00,123 INFO  [main] c.e.Greeter - hello");
		}

		@Test
		void levelIsNotGuessedFromTheText() {
			assertThat(entryOf("ERROR something failed").level()).isNull();
		}

		@Test
		void whitespaceOnlyFrameIsPlainText() {
			assertThat(entryOf("\n").kind()).isEqualTo(EntryKind.PLAIN);
		}

		@Test
		void invalidJsonIsPlainText() {
			LogEntry entry = entryOf("{\"msg\": \"unterminated");
			assertThat(entry.kind()).isEqualTo(EntryKind.PLAIN);
			assertThat(entry.message()).isEqualTo("{\"msg\": \"unterminated");
		}

	}

	@Nested
	class Raw {

		@Test
		void threeFramesAreRawWithTheFirstAsTopic() {
			LogEntry entry = entryOf("greeter.INFO", "first", "second");
			assertThat(entry.kind()).isEqualTo(EntryKind.RAW);
			assertThat(entry.topic()).isEqualTo("greeter.INFO");
			assertThat(entry.level()).isEqualTo(Level.INFO);
		}

		@Test
		void threeFramesLoseNothing() {
			assertThat(entryOf("greeter.INFO", "first", "second").message()).isEqualTo("first\nsecond");
		}

		@Test
		void manyFramesIncludingEmptyOnesLoseNothing() {
			assertThat(entryOf("t", "a", "", "b", "{\"msg\":\"c\"}").message()).isEqualTo("a\n\nb\n{\"msg\":\"c\"}");
		}

		@Test
		void invalidUtf8InTopicIsRawWithReplacementCharacter() {
			LogEntry entry = accepted(decodeBytes(bytes("greeter.", 0xff, ".INFO"), utf8("hello")));
			assertThat(entry.kind()).isEqualTo(EntryKind.RAW);
			assertThat(entry.topic()).isEqualTo("greeter." + REPLACEMENT + ".INFO");
			assertThat(entry.message()).isEqualTo("hello");
		}

		@Test
		void invalidUtf8InPayloadIsRawWithReplacementCharacter() {
			LogEntry entry = accepted(decodeBytes(utf8("greeter.ERROR"), bytes("caf", 0xc3, " ok")));
			assertThat(entry.kind()).isEqualTo(EntryKind.RAW);
			assertThat(entry.topic()).isEqualTo("greeter.ERROR");
			assertThat(entry.level()).isEqualTo(Level.ERROR);
			assertThat(entry.message()).isEqualTo("caf" + REPLACEMENT + " ok");
		}

		@Test
		void invalidUtf8InJsonPayloadIsRaw() {
			LogEntry entry = accepted(decodeBytes(utf8("greeter.INFO"), bytes("{\"msg\":\"", 0xff, "\"}")));
			assertThat(entry.kind()).isEqualTo(EntryKind.RAW);
			assertThat(entry.message()).isEqualTo("{\"msg\":\"" + REPLACEMENT + "\"}");
		}

		@Test
		void invalidUtf8InOneFrameIsRawWithoutTopic() {
			LogEntry entry = accepted(decodeBytes(bytes("abc", 0x80)));
			assertThat(entry.kind()).isEqualTo(EntryKind.RAW);
			assertThat(entry.topic()).isEmpty();
			assertThat(entry.message()).isEqualTo("abc" + REPLACEMENT);
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource({ "overlong slash, C0AF", "surrogate, EDA080", "beyond U+10FFFF, F4908080",
				"five bytes, F888808080", "truncated, E282", "stray continuation, 80" })
		void invalidUtf8InOneFrameJsonIsRaw(String what, String hex) {
			LogEntry entry = accepted(decodeBytes(bytes("{\"msg\":\"", HexFormat.of().parseHex(hex), "\"}")));
			assertThat(entry.kind()).isEqualTo(EntryKind.RAW);
			assertThat(entry.message()).startsWith("{\"msg\":\"").endsWith("\"}").contains(REPLACEMENT);
		}

		@Test
		void invalidUtf8InThreeFramesIsReplaced() {
			LogEntry entry = accepted(decodeBytes(utf8("t"), bytes(0xfe), utf8("ok")));
			assertThat(entry.kind()).isEqualTo(EntryKind.RAW);
			assertThat(entry.message()).isEqualTo(REPLACEMENT + "\nok");
		}

	}

	@Nested
	class Rejected {

		@Test
		void emptyFrameListIsRejected() {
			DecodeResult result = decoder.decode(List.of());
			assertThat(result.isAccepted()).isFalse();
			assertThat(result.entry()).isNull();
			assertThat(result.rejection()).isNotBlank();
		}

		@Test
		void zeroLengthSingleFrameIsRejected() {
			DecodeResult result = decodeBytes(new byte[0]);
			assertThat(result.isAccepted()).isFalse();
			assertThat(result.rejection()).contains("empty");
		}

		@Test
		void oversizedMessageIsRejectedNamingItsSize() {
			DecodeResult result = new MessageDecoder(100).decode(List.of(new byte[101]));
			assertThat(result.isAccepted()).isFalse();
			assertThat(result.rejection()).contains("101").contains("100");
		}

		@Test
		void sizeCountsEveryFrame() {
			DecodeResult result = new MessageDecoder(100).decode(List.of(utf8("greeter.INFO"), new byte[90]));
			assertThat(result.isAccepted()).isFalse();
			assertThat(result.rejection()).contains("102");
		}

		@Test
		void messageOfExactlyTheLimitIsAccepted() {
			byte[] payload = utf8("x".repeat(88));
			assertThat(new MessageDecoder(100).decode(List.of(utf8("greeter.INFO"), payload)).isAccepted()).isTrue();
		}

		@Test
		void jsonRecordOfExactlyTheLimitIsStructured() {
			String record = "{\"msg\":\"" + "x".repeat(80) + "\"}";
			MessageDecoder small = new MessageDecoder(record.length());
			assertThat(accepted(small.decode(List.of(utf8(record)))).kind()).isEqualTo(EntryKind.STRUCTURED);
		}

		@Test
		void defaultLimitIsOneMebibyte() {
			assertThat(MessageDecoder.DEFAULT_MAX_MESSAGE_SIZE).isEqualTo(1024 * 1024);
			assertThat(decoder.decode(List.of(utf8("t"), new byte[1024 * 1024])).isAccepted()).isFalse();
		}

		@Test
		void negativeLimitIsRefusedWithAClearMessage() {
			assertThatIllegalArgumentException().isThrownBy(() -> new MessageDecoder(-1))
				.withMessage("maxMessageSize must not be negative, was -1");
		}

		@Test
		void zeroLimitRejectsEveryMessage() {
			assertThat(new MessageDecoder(0).decode(List.of(utf8("x"))).rejection()).contains("limit of 0");
		}

		@Test
		void nullFrameIsRejectedRatherThanThrown() {
			DecodeResult result = decoder.decode(Arrays.asList(utf8("greeter.INFO"), null));
			assertThat(result.isAccepted()).isFalse();
			assertThat(result.rejection()).isNotBlank();
		}

	}

	@Nested
	class HostileJson {

		private static final int DEEP = 100_000;

		private void assertQuietlyDecoded(List<byte[]> frames) {
			DecodeResult result = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> decoder.decode(frames));
			if (result.isAccepted()) {
				assertThat(result.entry().kind()).isIn(EntryKind.TEXT, EntryKind.PLAIN);
			}
			else {
				assertThat(result.rejection()).isNotBlank();
			}
		}

		@Test
		void deeplyNestedObjectsFallBackToText() {
			String json = "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
			assertQuietlyDecoded(List.of(utf8("greeter.INFO"), utf8(json)));
		}

		@Test
		void deeplyNestedArraysFallBackToText() {
			String json = "{\"a\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}";
			assertQuietlyDecoded(List.of(utf8(json)));
		}

		@Test
		void unbalancedNestingFallsBackToText() {
			assertQuietlyDecoded(List.of(utf8("{\"a\":".repeat(DEEP))));
		}

		@Test
		void deeplyNestedTextIsKept() {
			String json = "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
			assertThat(entryOf("greeter.INFO", json).message()).isEqualTo(json);
		}

		@Test
		void nestingWithinTheLimitIsStructured() {
			String json = "{\"msg\":\"m\",\"x\":" + "{\"a\":".repeat(20) + "1" + "}".repeat(20) + "}";
			assertThat(entryOf("greeter.INFO", json).kind()).isEqualTo(EntryKind.STRUCTURED);
		}

		@ParameterizedTest
		@ValueSource(strings = { "[1,2,3]", "42", "\"hello\"", "null", "true", "[{\"msg\":\"m\"}]" })
		void jsonThatIsNoObjectIsText(String payload) {
			LogEntry entry = entryOf("greeter.INFO", payload);
			assertThat(entry.kind()).isEqualTo(EntryKind.TEXT);
			assertThat(entry.message()).isEqualTo(payload);
		}

		@ParameterizedTest
		@ValueSource(strings = { "{", "{}}", "{\"msg\":\"m\"} trailing", "{\"msg\":\"m\"}{\"msg\":\"n\"}",
				"{'msg':'m'}", "{\"msg\":\"m\",}", "{msg:1}", "{\"a\":01}" })
		void invalidJsonStartingWithABraceIsText(String payload) {
			LogEntry entry = entryOf("greeter.INFO", payload);
			assertThat(entry.kind()).isEqualTo(EntryKind.TEXT);
			assertThat(entry.message()).isEqualTo(payload);
		}

		@Test
		void emptyObjectIsAStructuredEntry() {
			LogEntry entry = entryOf("greeter.INFO", "{}");
			assertThat(entry.kind()).isEqualTo(EntryKind.STRUCTURED);
			assertThat(entry.level()).isEqualTo(Level.INFO);
		}

		@Test
		void objectWithoutMessageShowsItsText() {
			assertThat(entryOf("{\"event\":\"login\"}").message()).isEqualTo("{\"event\":\"login\"}");
		}

		@Test
		void wrongTypesAreIgnored() {
			LogEntry entry = entryOf("greeter.ERROR", """
					{"msg":"still here","name":42,"levelname":7,"levelno":"30","created":"yesterday",\
					"threadName":{},"exc_text":["x"],"mdc":[1,2],"markers":"AUDIT","seq":"7","source":"box"}""");
			assertThat(entry.kind()).isEqualTo(EntryKind.STRUCTURED);
			assertThat(entry.message()).isEqualTo("still here");
			assertThat(entry.level()).isEqualTo(Level.ERROR);
			assertThat(entry.logger()).isNull();
			assertThat(entry.time()).isNull();
			assertThat(entry.thread()).isNull();
			assertThat(entry.exception()).isNull();
			assertThat(entry.mdc()).isEmpty();
			assertThat(entry.markers()).isEmpty();
			assertThat(entry.seq()).isNull();
			assertThat(entry.source()).isNull();
		}

		@Test
		void levelnoAsStringFallsBackToTheTopic() {
			assertThat(entryOf("greeter.WARN", "{\"msg\":\"m\",\"levelno\":\"40\"}").level()).isEqualTo(Level.WARN);
		}

		@Test
		void messageThatIsNoStringShowsTheRecordText() {
			assertThat(entryOf("{\"msg\":42}").message()).isEqualTo("{\"msg\":42}");
		}

		@Test
		void mdcValuesThatAreNoStringsAreShownAsText() {
			assertThat(entryOf("{\"msg\":\"m\",\"mdc\":{\"n\":1,\"b\":true}}").mdc())
				.containsExactly(entry("n", "1"), entry("b", "true"));
		}

		@Test
		void sourcePidThatIsNoNumberIsIgnored() {
			assertThat(entryOf("{\"msg\":\"m\",\"source\":{\"app\":1,\"pid\":\"42\"}}").source())
				.isEqualTo(new Source(null, null, null, null));
		}

		@ParameterizedTest
		@ValueSource(strings = { "NaN", "Infinity", "-Infinity", "1e400", "-1e400" })
		void nonFiniteCreatedIsNoTime(String created) {
			LogEntry entry = entryOf("greeter.INFO", "{\"msg\":\"m\",\"created\":" + created + "}");
			assertThat(entry.kind()).isEqualTo(EntryKind.STRUCTURED);
			assertThat(entry.time()).isNull();
		}

		@ParameterizedTest
		@ValueSource(strings = { "1e300", "-1e300", "99999999999999999999999999", "9.2233720368547758E18" })
		void hugeCreatedIsStillAnEntry(String created) {
			LogEntry entry = entryOf("greeter.INFO", "{\"msg\":\"m\",\"created\":" + created + "}");
			assertThat(entry.kind()).isEqualTo(EntryKind.STRUCTURED);
			assertThat(entry.message()).isEqualTo("m");
		}

		@ParameterizedTest
		@ValueSource(strings = { "NaN", "Infinity", "-Infinity" })
		void nonFiniteLevelnoFallsBackToTheTopic(String levelno) {
			assertThat(entryOf("greeter.DEBUG", "{\"msg\":\"m\",\"levelno\":" + levelno + "}").level())
				.isEqualTo(Level.DEBUG);
		}

		@ParameterizedTest
		@ValueSource(strings = { "2147483648", "4294967336", "1e20", "123456789012345678901234567890" })
		void hugeLevelnoIsFatal(String levelno) {
			assertThat(entryOf("greeter", "{\"msg\":\"m\",\"levelno\":" + levelno + "}").level()).isEqualTo(Level.FATAL);
		}

		@ParameterizedTest
		@ValueSource(strings = { "-2147483649", "-1e20" })
		void hugeNegativeLevelnoIsTrace(String levelno) {
			assertThat(entryOf("greeter", "{\"msg\":\"m\",\"levelno\":" + levelno + "}").level()).isEqualTo(Level.TRACE);
		}

		@Test
		void hugeLogbookLevelIsFatal() {
			assertThat(entryOf("{\"msg\":\"m\",\"level\":4294967305}").level()).isEqualTo(Level.FATAL);
		}

		@Test
		void sequenceNumberBeyondLongDoesNotWrapAround() {
			assertThat(entryOf("{\"msg\":\"m\",\"seq\":18446744073709551617}").seq()).isEqualTo(Long.MAX_VALUE);
		}

		@Test
		void largestSequenceNumberIsExact() {
			assertThat(entryOf("{\"msg\":\"m\",\"seq\":9223372036854775807}").seq()).isEqualTo(Long.MAX_VALUE);
		}

		@Test
		void fractionalSequenceNumberIsTruncated() {
			assertThat(entryOf("{\"msg\":\"m\",\"seq\":7.9}").seq()).isEqualTo(7L);
		}

		@Test
		void numberWithThousandsOfDigitsFallsBackToText() {
			String payload = "{\"msg\":\"m\",\"seq\":" + "9".repeat(5_000) + "}";
			LogEntry entry = entryOf("greeter.INFO", payload);
			assertThat(entry.message()).isEqualTo(payload);
		}

		@Test
		void duplicateKeysKeepTheLastValueAsPythonDoes() {
			assertThat(entryOf("{\"msg\":\"first\",\"msg\":\"second\"}").message()).isEqualTo("second");
		}

		@Test
		void duplicateLevelKeysKeepTheLastValue() {
			assertThat(entryOf("{\"msg\":\"m\",\"levelname\":\"INFO\",\"levelname\":\"ERROR\"}").level())
				.isEqualTo(Level.ERROR);
		}

		@Test
		void manyKeysAreReadQuickly() {
			StringBuilder json = new StringBuilder("{\"msg\":\"m\"");
			for (int i = 0; i < 50_000; i++) {
				json.append(",\"k").append(i).append("\":").append(i);
			}
			json.append('}');
			LogEntry entry = assertTimeoutPreemptively(Duration.ofSeconds(2),
					() -> entryOf("greeter.INFO", json.toString()));
			assertThat(entry.message()).isEqualTo("m");
		}

		@Test
		void hugeMdcIsKept() {
			StringBuilder json = new StringBuilder("{\"msg\":\"m\",\"mdc\":{");
			for (int i = 0; i < 1_000; i++) {
				json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
			}
			json.append("}}");
			assertThat(entryOf("greeter.INFO", json.toString()).mdc()).hasSize(1_000);
		}

		@Test
		void escapedNulAndControlCharactersSurvive() {
			assertThat(entryOf("{\"msg\":\"a\\u0000b\\u001b[31mc\"}").message()).isEqualTo("a\u0000b\u001b[31mc");
		}

		@Test
		void escapedLoneSurrogateDoesNotThrow() {
			assertThat(entryOf("{\"msg\":\"\\ud800x\"}").kind()).isIn(EntryKind.STRUCTURED, EntryKind.PLAIN);
		}

	}

	@Test
	void decoderCanBeSharedBetweenThreads() throws Exception {
		List<List<byte[]>> messages = List.of(List.of(utf8("greeter.INFO"), utf8("hello")),
				List.of(utf8("greeter.WARN"), utf8("{\"msg\":\"m\",\"mdc\":{\"k\":\"v\"},\"seq\":3}")),
				List.of(utf8("{\"channel\":\"app\",\"level\":14,\"msg\":\"boom\"}")));
		List<LogEntry> expected = messages.stream().map((frames) -> accepted(this.decoder.decode(frames))).toList();
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				results.add(executor.submit(() -> {
					for (int i = 0; i < 5_000; i++) {
						int which = i % messages.size();
						if (!expected.get(which).equals(this.decoder.decode(messages.get(which)).entry())) {
							return false;
						}
					}
					return true;
				}));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void rejectionsAndEntriesAreExclusive() {
		assertThat(DecodeResult.rejected("why")).satisfies((result) -> {
			assertThat(result.isAccepted()).isFalse();
			assertThat(result.entry()).isNull();
		});
		assertThat(decode("t", "m").rejection()).isNull();
	}

	static void assertHasNoRecordFields(LogEntry entry) {
		assertThat(entry.time()).isNull();
		assertThat(entry.logger()).isNull();
		assertThat(entry.exception()).isNull();
		assertThat(entry.thread()).isNull();
		assertThat(entry.mdc()).isEmpty();
		assertThat(entry.markers()).isEmpty();
		assertThat(entry.seq()).isNull();
		assertThat(entry.source()).isNull();
	}

}
