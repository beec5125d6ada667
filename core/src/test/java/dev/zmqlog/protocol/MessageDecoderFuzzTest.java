package dev.zmqlog.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded random messages: malformed bytes, JSON-ish fragments, deep nesting, mutated
 * valid records. Whatever arrives, the decoder answers with an entry or a reason, quickly.
 * Each case has its own seed, so a failure names the one case to replay.
 */
class MessageDecoderFuzzTest {

	private static final long SEED = 0x2017_05_01L;

	private static final Duration BUDGET = Duration.ofSeconds(3);

	private static final int MAX_CASES = 200_000;

	private static final int MAX_MESSAGE_SIZE = 64 * 1024;

	private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(2);

	private static final String[] RECORDS = {
			"{\"name\":\"com.example.Greeter\",\"msg\":\"pool exhausted\",\"levelname\":\"WARN\",\"levelno\":30,"
					+ "\"created\":1714564800.123456,\"threadName\":\"main\",\"process\":4242,"
					+ "\"exc_text\":\"java.lang.Error: x\\n\\tat A.b(A.java:1)\",\"topic\":\"greeter.WARN.db.pool\","
					+ "\"formatted\":\"com.example.Greeter > pool exhausted\",\"mdc\":{\"user\":\"alice\"},"
					+ "\"markers\":[\"AUDIT\"],\"seq\":7,\"source\":{\"app\":\"greeter\",\"host\":\"box\",\"pid\":4242,"
					+ "\"instance\":\"3f2a\"}}",
			"{\"name\": \"greeter.db\", \"msg\": \"pool main exhausted\", \"args\": null, \"levelname\": \"WARNING\", "
					+ "\"levelno\": 30, \"pathname\": \"db.py\", \"filename\": \"db.py\", \"module\": \"db\", "
					+ "\"exc_info\": null, \"exc_text\": null, \"stack_info\": null, \"lineno\": 6, "
					+ "\"funcName\": \"acquire\", \"created\": 1714564800.123456, \"msecs\": 123.0, "
					+ "\"relativeCreated\": 16.3, \"thread\": 140142088056896, \"threadName\": \"MainThread\", "
					+ "\"processName\": \"MainProcess\", \"process\": 7361, \"message\": \"pool main exhausted\"}",
			"{\"channel\":\"app\",\"level\":14,\"msg\":\"boom\",\"time\":\"2024-05-01T12:00:00.123456\","
					+ "\"thread_name\":\"MainThread\",\"formatted_exception\":\"Traceback...\",\"extra\":{\"k\":\"v\"}}",
			"WARNING greeter.py:12 - données::exhausted\n", "com.example.Greeter > hello 😀",
			"2024-05-01 12:00:00,123 INFO  [main] c.e.Greeter - hello" };

	private static final String[] TOPICS = { "greeter.INFO", "greeter.WARN.db.pool", "INFO", "greeter.WARNING",
			"CRITICAL", "", "a..b.", "grüße.ERROR.é" };

	private static final String[] KEYS = { "\"msg\"", "\"message\"", "\"levelname\"", "\"levelno\"", "\"level\"",
			"\"created\"", "\"time\"", "\"mdc\"", "\"extra\"", "\"markers\"", "\"seq\"", "\"source\"", "\"pid\"",
			"\"name\"", "\"channel\"", "\"exc_text\"", "\"topic\"", "\"formatted\"" };

	private static final String[] VALUES = { "null", "true", "false", "NaN", "Infinity", "-Infinity", "0", "-0",
			"1e400", "-1e400", "1e-400", "14", "30", "2147483648", "18446744073709551617", "1714564800.123456",
			"\"WARNING\"", "\"CRITICAL\"", "\"2024-05-01T12:00:00Z\"", "\"2024-05-01T12:00:00\"", "\"\\u0000\"",
			"\"\\ud800\"", "\"\\\"\"", "\"é😀\"" };

	private static final String[] TOKENS = concat(new String[] { "{", "}", "[", "]", ":", ",", "\"", " ", "\n", "::",
			".", "\\", "/*", "*/", "'" }, KEYS, VALUES);

	private final MessageDecoder decoder = new MessageDecoder(MAX_MESSAGE_SIZE);

	@Test
	void decodeAlwaysAnswersWithAnEntryOrAReason() {
		long deadline = System.nanoTime() + BUDGET.toNanos();
		int cases = 0;
		long slowest = 0;
		while (cases < MAX_CASES && System.nanoTime() < deadline) {
			long caseSeed = SEED + cases * 0x9E3779B97F4A7C15L;
			List<byte[]> frames = frames(new Random(caseSeed));
			long start = System.nanoTime();
			DecodeResult result = decode(frames, cases, caseSeed);
			long elapsed = System.nanoTime() - start;
			slowest = Math.max(slowest, elapsed);
			String problem = (elapsed > SLOWEST_ALLOWED.toNanos()) ? "took " + elapsed / 1_000_000 + " ms"
					: problem(result, frames);
			if (problem != null) {
				fail(problem + " on " + describe(cases, caseSeed, frames));
			}
			cases++;
		}
		System.out.printf("MessageDecoderFuzzTest: %d cases (seed %d), slowest %.1f ms%n", cases, SEED,
				slowest / 1e6);
		assertThat(cases).isPositive();
	}

	/**
	 * A record that ends in a source the decoder has read before is read without it
	 * ({@link TrailingSources}): mutated records ending in the same source decode as a
	 * decoder that never saw one decodes them.
	 */
	@Test
	void aRecordDecodesAsItWouldWithNothingDecodedBefore() {
		String record = RECORDS[0];
		int sourceAt = record.lastIndexOf(",\"source\":");
		byte[] ending = utf8(record.substring(sourceAt));
		byte[] before = utf8(record.substring(0, sourceAt));
		this.decoder.decode(List.of(utf8(record)));
		long deadline = System.nanoTime() + BUDGET.toNanos();
		int cases = 0;
		int structured = 0;
		while (cases < MAX_CASES && System.nanoTime() < deadline) {
			long caseSeed = SEED + cases * 0x9E3779B97F4A7C15L;
			Random random = new Random(caseSeed);
			byte[] start = (random.nextInt(4) == 0) ? utf8(jsonObject(random, 0)) : before;
			byte[] payload = concat(mutate(random, start), ending);
			DecodeResult result = this.decoder.decode(List.of(payload));
			DecodeResult fresh = new MessageDecoder(MAX_MESSAGE_SIZE).decode(List.of(payload));
			if (!result.equals(fresh)) {
				fail("decoded as " + result + " where a new decoder gives " + fresh + " on "
						+ describe(cases, caseSeed, List.of(payload)));
			}
			structured += (result.isAccepted() && result.entry().kind() == EntryKind.STRUCTURED) ? 1 : 0;
			cases++;
		}
		System.out.printf("MessageDecoderFuzzTest: %d records ending in a known source, %d structured%n", cases,
				structured);
		assertThat(structured).isPositive().isLessThan(cases);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private DecodeResult decode(List<byte[]> frames, int number, long caseSeed) {
		try {
			return this.decoder.decode(frames);
		}
		catch (Throwable ex) {
			return fail("threw on " + describe(number, caseSeed, frames), ex);
		}
	}

	/** What is wrong with an answer, or {@code null}; plain checks, as AssertJ per case would dominate. */
	private static @Nullable String problem(@Nullable DecodeResult result, List<byte[]> frames) {
		if (result == null) {
			return "no result";
		}
		if (!result.isAccepted()) {
			return (result.rejection() == null || result.rejection().isBlank()) ? "rejected without a reason" : null;
		}
		LogEntry entry = result.entry();
		if (result.rejection() != null) {
			return "both an entry and a rejection";
		}
		if (entry.kind() == null || entry.topic() == null || entry.message() == null || entry.formatted() == null
				|| entry.mdc() == null || entry.markers() == null) {
			return "entry with a missing component: " + entry;
		}
		boolean allUtf8 = frames.stream().allMatch((frame) -> strictUtf8(frame) != null);
		return switch (entry.kind()) {
			case RAW -> (frames.size() > 2 || !allUtf8) ? null : "RAW although one or two valid UTF-8 frames";
			case TEXT -> (frames.size() == 2 && entry.topic().equals(strictUtf8(frames.get(0)))
					&& entry.message().equals(strictUtf8(frames.get(1)))
					&& entry.level() == Topic.levelOf(entry.topic())) ? null : "TEXT entry not as sent: " + entry;
			case PLAIN -> (frames.size() == 1 && entry.topic().isEmpty()
					&& entry.message().equals(strictUtf8(frames.get(0)))) ? null : "PLAIN entry not as sent: " + entry;
			case STRUCTURED -> (frames.size() <= 2 && allUtf8) ? null
					: "STRUCTURED from three frames or invalid UTF-8: " + entry;
		};
	}

	private static List<byte[]> frames(Random random) {
		int shape = random.nextInt(100);
		if (shape < 3) {
			return List.of();
		}
		if (shape < 8) {
			return List.of(deepNesting(random));
		}
		if (shape < 10) {
			return List.of(utf8(pick(random, TOPICS)), new byte[MAX_MESSAGE_SIZE + random.nextInt(16)]);
		}
		int spread = random.nextInt(20);
		int count = (spread < 8) ? 1 : (spread < 17) ? 2 : 3 + random.nextInt(2);
		List<byte[]> frames = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			boolean topicPosition = count == 2 && i == 0;
			frames.add(topicPosition && random.nextInt(4) > 0 ? topic(random) : frame(random));
		}
		return frames;
	}

	private static byte[] frame(Random random) {
		return switch (random.nextInt(7)) {
			case 0 -> randomBytes(random);
			case 1 -> utf8(tokens(random));
			case 2 -> mutate(random, utf8(pick(random, RECORDS)));
			case 3 -> utf8(jsonObject(random, 0));
			case 4 -> mutate(random, utf8(jsonObject(random, 0)));
			case 5 -> highBytesInAString(random, utf8(RECORDS[random.nextInt(3)]));
			default -> utf8(pick(random, RECORDS));
		};
	}

	private static byte[] topic(Random random) {
		byte[] topic = utf8(pick(random, TOPICS));
		return random.nextInt(5) == 0 ? mutate(random, topic) : topic;
	}

	private static byte[] randomBytes(Random random) {
		byte[] bytes = new byte[random.nextInt(8) == 0 ? random.nextInt(4096) : random.nextInt(64)];
		random.nextBytes(bytes);
		return bytes;
	}

	private static String tokens(Random random) {
		StringBuilder text = new StringBuilder();
		int count = random.nextInt(40);
		for (int i = 0; i < count; i++) {
			text.append(pick(random, TOKENS));
		}
		return text.toString();
	}

	/** A well-formed JSON object with the keys records use and values of any type. */
	private static String jsonObject(Random random, int depth) {
		StringBuilder json = new StringBuilder("{");
		int size = random.nextInt(depth == 0 ? 12 : 4);
		for (int i = 0; i < size; i++) {
			json.append(i == 0 ? "" : ",").append(pick(random, KEYS)).append(':').append(jsonValue(random, depth));
		}
		return json.append('}').toString();
	}

	private static String jsonValue(Random random, int depth) {
		int kind = random.nextInt(depth > 40 ? 4 : 6);
		return switch (kind) {
			case 0 -> pick(random, VALUES);
			case 1 -> Long.toString(random.nextLong());
			case 2 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 10));
			case 3 -> "\"" + pick(random, TOPICS) + "\"";
			case 4 -> jsonObject(random, depth + 1);
			default -> "[" + jsonValue(random, depth + 1) + "," + jsonValue(random, depth + 1) + "]";
		};
	}

	private static byte[] deepNesting(Random random) {
		int depth = 1 + random.nextInt(random.nextInt(10) == 0 ? 100_000 : 12_000);
		String open = random.nextBoolean() ? "{\"a\":" : "[";
		String close = open.equals("[") ? "]" : "}";
		StringBuilder json = new StringBuilder("{\"msg\":").append(open.repeat(depth)).append("1");
		if (random.nextBoolean()) {
			json.append(close.repeat(depth)).append('}');
		}
		return utf8(json.toString());
	}

	private static byte[] mutate(Random random, byte[] original) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] bytes = original;
		int mutations = 1 + random.nextInt(4);
		for (int m = 0; m < mutations && bytes.length > 0; m++) {
			int at = random.nextInt(bytes.length);
			out.reset();
			switch (random.nextInt(6)) {
				case 0 -> {
					bytes = bytes.clone();
					bytes[at] = (byte) random.nextInt(256);
					continue;
				}
				case 1 -> {
					out.write(bytes, 0, at);
					int end = Math.min(bytes.length, at + 1 + random.nextInt(16));
					out.write(bytes, end, bytes.length - end);
				}
				case 2 -> {
					out.write(bytes, 0, at);
					out.writeBytes(utf8(pick(random, TOKENS)));
					out.write(bytes, at, bytes.length - at);
				}
				case 3 -> out.write(bytes, 0, at);
				case 4 -> {
					// non-ASCII bytes: sometimes valid UTF-8, often overlong, truncated or out of range
					out.write(bytes, 0, at);
					for (int n = 1 + random.nextInt(4); n > 0; n--) {
						out.write(0x80 + random.nextInt(128));
					}
					out.write(bytes, at, bytes.length - at);
				}
				default -> {
					out.write(bytes, 0, at);
					int end = Math.min(bytes.length, at + 1 + random.nextInt(32));
					out.write(bytes, at, end - at);
					out.write(bytes, at, bytes.length - at);
				}
			}
			bytes = out.toByteArray();
		}
		return bytes;
	}

	/** A record still well-formed as JSON whose UTF-8 may not be: bytes spliced into a string value. */
	private static byte[] highBytesInAString(Random random, byte[] record) {
		List<Integer> stringStarts = new ArrayList<>();
		for (int i = 1; i < record.length; i++) {
			if (record[i] == '"' && (record[i - 1] == ':' || record[i - 1] == ' ' && record[i - 2] == ':')) {
				stringStarts.add(i + 1);
			}
		}
		int at = stringStarts.get(random.nextInt(stringStarts.size()));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(record, 0, at);
		for (int n = 1 + random.nextInt(4); n > 0; n--) {
			out.write(random.nextInt(3) == 0 ? 0xC0 + random.nextInt(64) : 0x80 + random.nextInt(64));
		}
		out.write(record, at, record.length - at);
		return out.toByteArray();
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	private static String[] concat(String[]... arrays) {
		return Arrays.stream(arrays).flatMap(Arrays::stream).toArray(String[]::new);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static @Nullable String strictUtf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static String describe(int number, long caseSeed, List<byte[]> frames) {
		StringBuilder text = new StringBuilder("case ").append(number)
			.append(" (new Random(").append(caseSeed).append("L)), ")
			.append(frames.size())
			.append(" frames:");
		for (byte[] frame : frames) {
			text.append(" [").append(frame.length).append(" bytes: ")
				.append(HexFormat.of().formatHex(frame, 0, Math.min(frame.length, 96)))
				.append(frame.length > 96 ? "..." : "")
				.append(']');
		}
		return text.toString();
	}

}
