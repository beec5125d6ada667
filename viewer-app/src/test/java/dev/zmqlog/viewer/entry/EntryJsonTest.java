package dev.zmqlog.viewer.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.zmqlog.protocol.EntryKind;
import dev.zmqlog.protocol.Level;
import dev.zmqlog.protocol.Source;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entry writer's JSON reads back, with a standard parser, as the values written,
 * whatever characters they hold.
 */
class EntryJsonTest {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final EntryJson json = new EntryJson();

	private static ViewerEntry entry(long id, String text) {
		Map<String, String> mdc = new LinkedHashMap<>();
		mdc.put(text, text);
		mdc.put("plain", "value");
		Instant time = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
		return new ViewerEntry(id, time, time.plusMillis(5), text, Level.WARN, text, text, text, text, mdc,
				List.of(text, "AUDIT"), 7L, new Source(text, "host", 42L, text), EntryKind.STRUCTURED);
	}

	private static String randomText(SplittableRandom random) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(40);
		for (int i = 0; i < length; i++) {
			switch (random.nextInt(6)) {
				case 0 -> text.append((char) random.nextInt(0x20));
				case 1 -> text.append("\"\\/\u007f".charAt(random.nextInt(4)));
				case 2 -> text.append((char) random.nextInt(0x80, 0x800));
				case 3 -> text.append((char) random.nextInt(0x800, 0xD800));
				case 4 -> text.appendCodePoint(random.nextInt(0x10000, 0x110000));
				default -> text.append((char) random.nextInt(0x20, 0x7f));
			}
		}
		return text.toString();
	}

	@Test
	void everyCharacterReadsBackAsWritten() {
		SplittableRandom random = new SplittableRandom(5);
		for (int i = 0; i < 5_000; i++) {
			String text = randomText(random);
			JsonNode read = MAPPER.readTree(this.json.bytes(entry(i, text)));

			assertThat(read.get("message").asString()).isEqualTo(text);
			assertThat(read.get("mdc").get(text).asString()).isEqualTo(text);
			assertThat(read.get("markers").get(0).asString()).isEqualTo(text);
			assertThat(read.get("source").get("instance").asString()).isEqualTo(text);
		}
	}

	@Test
	void keysAndValuesAreTheEntrysInTheirOrder() {
		JsonNode read = MAPPER.readTree(this.json.text(entry(3, "m")));

		assertThat(read.propertyNames()).containsExactlyElementsOf(EntryJson.FIELDS);
		assertThat(read.get("source").propertyNames()).containsExactlyElementsOf(EntryJson.SOURCE_FIELDS);
		assertThat(read.get("time").asString()).isEqualTo("2023-11-14T22:13:20.123456789Z");
		assertThat(read.get("received").asString()).isEqualTo("2023-11-14T22:13:20.128456789Z");
		assertThat(read.get("level").asString()).isEqualTo("WARN");
		assertThat(read.get("seq").asLong()).isEqualTo(7);
		assertThat(read.get("source").get("pid").asLong()).isEqualTo(42);
	}

	@Test
	void unpairedSurrogateIsWrittenAsAReplacementCharacter() {
		JsonNode read = MAPPER.readTree(this.json.bytes(entry(1, "a\uD800b\uDC00")));

		assertThat(read.get("message").asString()).isEqualTo("a\uFFFDb\uFFFD");
	}

	@Test
	void numbersAndInstantsReadBackAsWritten() {
		for (long id : new long[] { 0, 9, 10, 99, 1_000_000_007L, Long.MAX_VALUE }) {
			for (long seq : new long[] { -1, -10, 0, 123_456_789_012L, Long.MIN_VALUE, Long.MAX_VALUE }) {
				Instant time = Instant.ofEpochSecond(1_700_000_000L + id % 3, (id % 7) * 1_000);
				ViewerEntry entry = new ViewerEntry(id, time, time.plusSeconds(seq % 2), "t", null, null, null, "m",
						null, Map.of(), List.of(), seq, null, EntryKind.RAW);
				JsonNode read = MAPPER.readTree(this.json.bytes(entry));

				assertThat(read.get("id").asLong()).isEqualTo(id);
				assertThat(read.get("seq").asLong()).isEqualTo(seq);
				assertThat(read.get("time").asString()).isEqualTo(entry.time().toString());
				assertThat(read.get("received").asString()).isEqualTo(entry.received().toString());
			}
		}
	}

	@Test
	void instantsBeyondYearTenThousandAreWrittenAsTheJdkWritesThem() {
		ViewerEntry entry = new ViewerEntry(1, Instant.MAX, Instant.MIN, "t", null, null, null, "m", null, Map.of(),
				List.of(), null, null, EntryKind.RAW);
		JsonNode read = MAPPER.readTree(this.json.bytes(entry));

		assertThat(read.get("time").asString()).isEqualTo(Instant.MAX.toString());
		assertThat(read.get("received").asString()).isEqualTo(Instant.MIN.toString());
	}

	@Test
	void eachSourceReadsBackAsItsOwnWhenWrittenAgain() {
		List<Source> sources = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			// equal sources as different objects too, and more sources than the writer remembers
			sources.add(new Source("app" + (i % 20), "host", (long) i, "instance-" + (i % 20)));
		}
		for (int round = 0; round < 3; round++) {
			for (Source source : sources) {
				ViewerEntry entry = new ViewerEntry(1, Instant.EPOCH, Instant.EPOCH, "t", null, null, null, "m", null,
						Map.of(), List.of(), null, source, EntryKind.STRUCTURED);
				JsonNode read = MAPPER.readTree(this.json.bytes(entry)).get("source");

				assertThat(read.get("app").asString()).isEqualTo(source.app());
				assertThat(read.get("pid").asLong()).isEqualTo(source.pid());
				assertThat(read.get("instance").asString()).isEqualTo(source.instance());
			}
		}
	}

}
