package dev.zmqlog.protocol;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

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

}
