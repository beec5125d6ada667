package dev.zmqlog.protocol;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LevelTest {

	@Nested
	class OfName {

		@ParameterizedTest
		@EnumSource(Level.class)
		void ownNameIsThatLevel(Level level) {
			assertThat(Level.ofName(level.name())).isEqualTo(level);
		}

		@Test
		void warningCountsAsWarn() {
			assertThat(Level.ofName("WARNING")).isEqualTo(Level.WARN);
		}

		@Test
		void criticalCountsAsFatal() {
			assertThat(Level.ofName("CRITICAL")).isEqualTo(Level.FATAL);
		}

		@Test
		void noticeCountsAsInfo() {
			assertThat(Level.ofName("NOTICE")).isEqualTo(Level.INFO);
		}

		@ParameterizedTest
		@CsvSource({ "info, INFO", "Warning, WARN", "critical, FATAL", "eRRoR, ERROR" })
		void caseDoesNotMatter(String name, Level level) {
			assertThat(Level.ofName(name)).isEqualTo(level);
		}

		@ParameterizedTest
		@NullAndEmptySource
		@ValueSource(strings = { "WARNINGS", "INF", "SEVERE", "FINE", "OFF", "ALL", "NOTSET", " INFO", "20",
				"Level 25" })
		void otherNamesAreNoLevel(String name) {
			assertThat(Level.ofName(name)).isNull();
		}

	}

	@Nested
	class OfPythonNumber {

		@ParameterizedTest
		@CsvSource({ "5, TRACE", "10, DEBUG", "20, INFO", "30, WARN", "40, ERROR", "50, FATAL" })
		void namedLevelNumbers(int number, Level level) {
			assertThat(Level.ofPythonNumber(number)).isEqualTo(level);
		}

		@ParameterizedTest
		@CsvSource({ "15, DEBUG", "25, INFO", "39, WARN", "45, ERROR", "19, DEBUG", "11, DEBUG" })
		void numbersBetweenLevelsRoundDown(int number, Level level) {
			assertThat(Level.ofPythonNumber(number)).isEqualTo(level);
		}

		@ParameterizedTest
		@ValueSource(ints = { 0, 1, 9, -1, Integer.MIN_VALUE })
		void numbersBelowDebugAreTrace(int number) {
			assertThat(Level.ofPythonNumber(number)).isEqualTo(Level.TRACE);
		}

		@ParameterizedTest
		@ValueSource(ints = { 51, 100, Integer.MAX_VALUE })
		void numbersAboveCriticalAreFatal(int number) {
			assertThat(Level.ofPythonNumber(number)).isEqualTo(Level.FATAL);
		}

		@ParameterizedTest
		@EnumSource(Level.class)
		void pythonNumberRoundTrips(Level level) {
			assertThat(Level.ofPythonNumber(level.pythonNumber())).isEqualTo(level);
		}

	}

	@Nested
	class OfLogbookNumber {

		@ParameterizedTest
		@CsvSource({ "9, TRACE", "10, DEBUG", "11, INFO", "12, INFO", "13, WARN", "14, ERROR", "15, FATAL" })
		void logbookLevels(int number, Level level) {
			assertThat(Level.ofLogbookNumber(number)).isEqualTo(level);
		}

		@Test
		void noticeIsInfo() {
			assertThat(Level.ofLogbookNumber(12)).isEqualTo(Level.INFO);
		}

		@Test
		void notsetIsTrace() {
			assertThat(Level.ofLogbookNumber(0)).isEqualTo(Level.TRACE);
		}

	}

	@Test
	void levelsAreOrderedBySeverity() {
		assertThat(Level.ERROR.isAtLeast(Level.WARN)).isTrue();
		assertThat(Level.WARN.isAtLeast(Level.WARN)).isTrue();
		assertThat(Level.DEBUG.isAtLeast(Level.INFO)).isFalse();
	}

}
