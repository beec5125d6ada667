package dev.zmqlog.logback;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DurationTextTest {

	@ParameterizedTest
	@CsvSource({ "2s, PT2S", "500ms, PT0.5S", "1m, PT1M", "1h, PT1H", "90s, PT1M30S" })
	void springBootSimpleStyle(String text, Duration duration) {
		assertThat(DurationText.parse(text)).isEqualTo(duration);
	}

	@ParameterizedTest
	@CsvSource({ "PT2S, PT2S", "pt2s, PT2S", "PT0.5S, PT0.5S", "P1D, PT24H", "PT1M30S, PT1M30S" })
	void iso8601Style(String text, Duration duration) {
		assertThat(DurationText.parse(text)).isEqualTo(duration);
	}

	@ParameterizedTest
	@CsvSource({ "2 seconds, PT2S", "1 second, PT1S", "500 milliseconds, PT0.5S", "3 minutes, PT3M",
			"1 hour, PT1H", "5 millis, PT0.005S" })
	void logbackWords(String text, Duration duration) {
		assertThat(DurationText.parse(text)).isEqualTo(duration);
	}

	@Test
	void bareNumberIsMilliseconds() {
		assertThat(DurationText.parse("250")).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void zeroIsZero() {
		assertThat(DurationText.parse("0")).isZero();
	}

	@Test
	void mIsMinutesNotMilliseconds() {
		assertThat(DurationText.parse("1m")).isEqualTo(Duration.ofMinutes(1));
	}

	@ParameterizedTest
	@CsvSource({ "' 2s ', PT2S", "2S, PT2S", "'2 S', PT2S", "'\t500MS\n', PT0.5S", "' PT2S ', PT2S" })
	void caseAndSurroundingWhitespaceDoNotMatter(String text, Duration duration) {
		assertThat(DurationText.parse(text)).isEqualTo(duration);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "abc", "2 sec", "2x", "-1s", "1.5s", "s", "PT", "P2S", "p", "2 s econds", "99999999999999999999s",
			"9223372036854775807us" })
	void badInputIsAnIllegalArgumentNamingTheInputAndTheFormats(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> DurationText.parse(text))
			.withMessageContaining("'" + text + "'")
			.withMessageContaining("is not a duration")
			.withMessageContaining("500ms");
	}

	@Test
	void daysAndSmallUnitsAsSpringBootWritesThem() {
		assertThat(DurationText.parse("1d")).isEqualTo(Duration.ofDays(1));
		assertThat(DurationText.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
		assertThat(DurationText.parse("10ns")).isEqualTo(Duration.ofNanos(10));
	}

}
