package dev.zmqlog.protocol;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TopicTest {

	@Nested
	class Build {

		@Test
		void levelAloneWhenRootTopicAndSubtopicAreEmpty() {
			assertThat(Topic.build("", "INFO", null)).isEqualTo("INFO");
		}

		@Test
		void emptySubtopicIsLeftOut() {
			assertThat(Topic.build("", "INFO", "")).isEqualTo("INFO");
		}

		@Test
		void rootTopicComesFirst() {
			assertThat(Topic.build("greeter", "INFO", null)).isEqualTo("greeter.INFO");
		}

		@Test
		void subtopicComesAfterTheLevel() {
			assertThat(Topic.build("greeter", "WARN", "db.pool")).isEqualTo("greeter.WARN.db.pool");
		}

		@Test
		void subtopicWithoutRootTopicFollowsTheLevel() {
			assertThat(Topic.build("", "ERROR", "db")).isEqualTo("ERROR.db");
		}

		@Test
		void builtTopicNamesItsLevel() {
			assertThat(Topic.levelOf(Topic.build("greeter", "WARN", "db.pool"))).isEqualTo(Level.WARN);
		}

	}

	@Nested
	class LevelOf {

		@ParameterizedTest
		@CsvSource({ "greeter.INFO, INFO", "INFO, INFO", "greeter.WARN.db.pool, WARN", "app.x.WARNING.sub, WARN",
				"CRITICAL, FATAL", "greeter.CRITICAL, FATAL", "greeter.FATAL, FATAL", "greeter.TRACE, TRACE",
				"greeter.DEBUG, DEBUG", "greeter.ERROR.db, ERROR" })
		void findsTheLevelSegmentWhereverItStands(String topic, Level level) {
			assertThat(Topic.levelOf(topic)).isEqualTo(level);
		}

		@Test
		void firstLevelSegmentWins() {
			assertThat(Topic.levelOf("greeter.ERROR.audit.INFO")).isEqualTo(Level.ERROR);
		}

		@Test
		void onlyUppercaseLevelNamesCount() {
			// publishers write level names in capitals; a root topic "info" or "notice" is a name
			assertThat(Topic.levelOf("info.warning.ERROR")).isEqualTo(Level.ERROR);
			assertThat(Topic.levelOf("notice.app")).isNull();
		}

		@Test
		void segmentThatOnlyContainsALevelNameDoesNotCount() {
			assertThat(Topic.levelOf("INFOS.ERRORS.xINFO")).isNull();
		}

		@ParameterizedTest
		@ValueSource(strings = { "", ".", "..", "greeter", "greeter.db.pool", "greeter..x" })
		void noLevelSegmentGivesNull(String topic) {
			assertThat(Topic.levelOf(topic)).isNull();
		}

		@ParameterizedTest
		@ValueSource(strings = { "INFO.", "greeter.INFO.", ".INFO", "..INFO..", "greeter..INFO" })
		void emptySegmentsAreSkipped(String topic) {
			assertThat(Topic.levelOf(topic)).isEqualTo(Level.INFO);
		}

		@Test
		void surroundingWhitespaceOfASegmentIsIgnored() {
			assertThat(Topic.levelOf("greeter. ERROR ")).isEqualTo(Level.ERROR);
		}

		@Test
		void longTopicWithoutLevelIsScannedQuickly() {
			String topic = "a.".repeat(500_000);
			long start = System.nanoTime();
			assertThat(Topic.levelOf(topic)).isNull();
			assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
		}

	}

}
