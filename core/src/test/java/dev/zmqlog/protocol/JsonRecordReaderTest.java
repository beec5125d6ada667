package dev.zmqlog.protocol;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRecordReaderTest {

	private final JsonRecordReader reader = new JsonRecordReader(1024 * 1024);

	private JsonRecord read(String json) {
		return this.reader.read(json.getBytes(StandardCharsets.UTF_8), EnumSet.noneOf(RecordProperty.class));
	}

	@Test
	void readsTheMappedPropertiesAndSkipsTheOthers() {
		JsonRecord record = read("{\"pathname\":\"a.py\",\"msg\":\"m\",\"args\":[1,{\"x\":2}],\"levelno\":30}");
		assertThat(record.get(RecordProperty.MSG)).isEqualTo("m");
		assertThat(record.get(RecordProperty.LEVELNO)).isEqualTo(30);
	}

	@Test
	void aSkippedPropertyReadsAsAbsentAndItsValueIsStillChecked() {
		byte[] json = "{\"topic\":\"t\",\"msg\":\"m\"}".getBytes(StandardCharsets.UTF_8);
		JsonRecord record = this.reader.read(json, EnumSet.of(RecordProperty.TOPIC));
		assertThat(record.get(RecordProperty.TOPIC)).isNull();
		assertThat(record.get(RecordProperty.MSG)).isEqualTo("m");
		byte[] malformed = "{\"topic\":\"t\\x\",\"msg\":\"m\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.reader.read(malformed, EnumSet.of(RecordProperty.TOPIC))).isNull();
	}

	@Test
	void duplicateSkippedAndReadKeysKeepTheLastValue() {
		assertThat(read("{\"msg\":\"a\",\"x\":1,\"msg\":\"b\",\"x\":2}").get(RecordProperty.MSG)).isEqualTo("b");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"x\":\"a\nb\",\"msg\":\"m\"}", "{\"x\":\"\\q\",\"msg\":\"m\"}",
			"{\"x\":01,\"msg\":\"m\"}", "{\"x\":[1,],\"msg\":\"m\"}", "{\"x\":{\"a\" 1},\"msg\":\"m\"}",
			"{\"x\":tru,\"msg\":\"m\"}", "{\"msg\":\"m\",\"x\":\"unterminated}" })
	void malformedValuesOfSkippedPropertiesAreRefused(String json) {
		assertThat(read(json)).isNull();
	}

	@Test
	void skippedValuesDeeperThanTheLimitAreRefused() {
		int depth = JsonRecordReader.MAX_DEPTH + 1;
		assertThat(read("{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"msg\":\"m\"}")).isNull();
	}

	@Test
	void skippedNumbersOfThousandsOfDigitsAreRefused() {
		assertThat(read("{\"x\":" + "9".repeat(5_000) + ",\"msg\":\"m\"}")).isNull();
	}

	@Test
	void manyDistinctSkippedKeysAreRead() {
		StringBuilder json = new StringBuilder("{\"msg\":\"m\"");
		for (int i = 0; i < 50_000; i++) {
			json.append(",\"k").append(i).append("\":\"v\"");
		}
		assertThat(read(json.append('}').toString()).get(RecordProperty.MSG)).isEqualTo("m");
	}

	private static final String SOURCE = "\"source\":{\"app\":\"greeter\",\"host\":\"box\",\"pid\":42,\"instance\":\"3f2a\"}";

	@Test
	void aRecordEndingInASourceReadBeforeGetsThatSourceAndItsOwnProperties() {
		JsonRecord first = read("{\"msg\":\"one\",\"seq\":1," + SOURCE + "}");
		JsonRecord second = read("{\"msg\":\"two\",\"mdc\":{\"k\":\"v\"},\"seq\":2," + SOURCE + "}");

		assertThat(first.get(RecordProperty.SOURCE)).isEqualTo(new Source("greeter", "box", 42L, "3f2a"));
		assertThat(second.get(RecordProperty.SOURCE)).isSameAs(first.get(RecordProperty.SOURCE));
		assertThat(second.get(RecordProperty.MSG)).isEqualTo("two");
		assertThat(second.get(RecordProperty.MDC)).isEqualTo(Map.of("k", "v"));
		assertThat(second.get(RecordProperty.SEQ)).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "{ ", "{\"msg\":\"m\",", "{\"msg\":\"m\"}", "{\"msg\":\"m\\\"",
			"{\"msg\":\"m\",\"x\":[1,2", "{\"msg\":\"m\",\"x\":{\"y\":1", "{\"msg\":tru", "{\"msg\":01",
			"{\"msg\":\"m\"]" })
	void whatComesBeforeARememberedSourceIsCheckedAsEver(String before) {
		read("{\"msg\":\"one\"," + SOURCE + "}");

		assertThat(read(before + "," + SOURCE + "}")).isNull();
	}

	@Test
	void aRememberedSourceInsideAValueIsNotTheRecordsSource() {
		read("{\"msg\":\"one\"," + SOURCE + "}");

		JsonRecord nested = read("{\"msg\":\"two\",\"x\":{\"y\":1," + SOURCE + "}}");
		JsonRecord spaced = read("{\"msg\":\"three\" ," + SOURCE + "}");

		assertThat(nested.get(RecordProperty.SOURCE)).isNull();
		assertThat(spaced.get(RecordProperty.SOURCE)).isEqualTo(new Source("greeter", "box", 42L, "3f2a"));
	}

	@Test
	void aSourceGivenTwiceKeepsTheLastOneWhenItIsRemembered() {
		read("{\"msg\":\"one\"," + SOURCE + "}");

		JsonRecord record = read("{\"source\":{\"app\":\"other\"},\"msg\":\"two\"," + SOURCE + "}");

		assertThat(record.get(RecordProperty.SOURCE)).isEqualTo(new Source("greeter", "box", 42L, "3f2a"));
	}

	@Test
	void aSourceTooLongToRememberIsReadEachTime() {
		String longSource = "\"source\":{\"app\":\"greeter\",\"instance\":\""
				+ "x".repeat(TrailingSources.MAX_SOURCE_BYTES) + "\"}";

		JsonRecord first = read("{\"msg\":\"one\"," + longSource + "}");
		JsonRecord second = read("{\"msg\":\"two\"," + longSource + "}");

		assertThat(second.get(RecordProperty.SOURCE)).isEqualTo(first.get(RecordProperty.SOURCE))
			.isNotSameAs(first.get(RecordProperty.SOURCE));
	}

	@Test
	void sourcesOfMorePublishersThanRememberedAreAllReadRight() {
		for (int round = 0; round < 3; round++) {
			for (int publisher = 0; publisher < 2 * TrailingSources.CAPACITY; publisher++) {
				JsonRecord record = read("{\"msg\":\"m\",\"source\":{\"app\":\"app" + publisher + "\"}}");
				assertThat(record.get(RecordProperty.SOURCE)).isEqualTo(new Source("app" + publisher, null, null, null));
			}
		}
	}

	@Test
	void aSkippedSourceIsNeitherReadNorRemembered() {
		byte[] json = ("{\"msg\":\"one\"," + SOURCE + "}").getBytes(StandardCharsets.UTF_8);

		assertThat(this.reader.read(json, EnumSet.of(RecordProperty.SOURCE)).get(RecordProperty.SOURCE)).isNull();
		assertThat(this.reader.read(json, EnumSet.noneOf(RecordProperty.class)).get(RecordProperty.SOURCE)).isNotNull();
		assertThat(this.reader.read(json, EnumSet.of(RecordProperty.SOURCE)).get(RecordProperty.SOURCE)).isNull();
	}

}
