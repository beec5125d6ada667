package dev.zmqlog.protocol;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SubtopicPrefixTest {

	private static SubtopicPrefix split(String message) {
		return SubtopicPrefix.split(message, SubtopicPrefix.DEFAULT_DELIMITER);
	}

	@Test
	void defaultDelimiterIsPyzmqs() {
		assertThat(SubtopicPrefix.DEFAULT_DELIMITER).isEqualTo("::");
	}

	@Nested
	class Split {

		@Test
		void pyzmqPrefixBecomesTheSubtopic() {
			assertThat(split("sub.topic::the real message"))
				.isEqualTo(new SubtopicPrefix("sub.topic", "the real message"));
		}

		@Test
		void singleWordMessageIsSplitAsInPyzmq() {
			assertThat(split("db.pool::exhausted")).isEqualTo(new SubtopicPrefix("db.pool", "exhausted"));
		}

		@Test
		void typeFollowedByProseIsASubtopic() {
			assertThat(split("Foo::bar failed")).isEqualTo(new SubtopicPrefix("Foo", "bar failed"));
		}

		@Test
		void onlyTheFirstDelimiterSplits() {
			assertThat(split("db::pool::exhausted now")).isEqualTo(new SubtopicPrefix("db", "pool::exhausted now"));
		}

		@Test
		void messageAfterThePrefixKeepsItsWhitespace() {
			assertThat(split("db:: padded ")).isEqualTo(new SubtopicPrefix("db", " padded "));
		}

		@Test
		void emptyPrefixIsStrippedWithoutSubtopic() {
			assertThat(split("::msg")).isEqualTo(new SubtopicPrefix(null, "msg"));
		}

		@Test
		void emptyPrefixBeforeProseIsStrippedWithoutSubtopic() {
			assertThat(split("::hello world")).isEqualTo(new SubtopicPrefix(null, "hello world"));
		}

		@Test
		void delimiterAloneLeavesAnEmptyMessage() {
			assertThat(split("::")).isEqualTo(new SubtopicPrefix(null, ""));
		}

		@Test
		void prefixWithEmptyMessage() {
			assertThat(split("db::")).isEqualTo(new SubtopicPrefix("db", ""));
		}

		@Test
		void unicodeSubtopic() {
			assertThat(split("données.é::message")).isEqualTo(new SubtopicPrefix("données.é", "message"));
		}

		@Test
		void messageWithMultilineRest() {
			assertThat(split("db::failed\nat Foo.bar(Foo.java:1)"))
				.isEqualTo(new SubtopicPrefix("db", "failed\nat Foo.bar(Foo.java:1)"));
		}

	}

	@Nested
	class NoSplit {

		@ParameterizedTest
		@ValueSource(strings = { "Foo::bar()", "Foo::bar() failed", "List::of", "this::handle", "String::valueOf",
				"Map.Entry::getKey", "java.util.List::of", "super::toString", "Foo::$bar", "Foo::_bar(x)", "Données::été" })
		void methodReferenceIsNotSplit(String message) {
			assertThat(split(message)).isEqualTo(new SubtopicPrefix(null, message));
		}

		@Test
		void methodReferenceInProseIsNotSplit() {
			assertThat(split("Calling Foo::bar() now")).isEqualTo(new SubtopicPrefix(null, "Calling Foo::bar() now"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "db pool::exhausted now", "\tdb::x y", "db\n::x y", " ::x y" })
		void whitespaceBeforeTheDelimiterPreventsTheSplit(String message) {
			assertThat(split(message)).isEqualTo(new SubtopicPrefix(null, message));
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "hello world", "db:pool exhausted", "a:b:c d", "url http://x/y" })
		void messageWithoutDelimiterIsUnchanged(String message) {
			assertThat(split(message)).isEqualTo(new SubtopicPrefix(null, message));
		}

		@Test
		void emptyDelimiterNeverSplits() {
			assertThat(SubtopicPrefix.split("db::pool exhausted", "")).isEqualTo(new SubtopicPrefix(null,
					"db::pool exhausted"));
		}

	}

	@Nested
	class CustomDelimiter {

		@Test
		void singleCharacterDelimiter() {
			assertThat(SubtopicPrefix.split("db.pool|exhausted now", "|"))
				.isEqualTo(new SubtopicPrefix("db.pool", "exhausted now"));
		}

		@Test
		void multiCharacterDelimiter() {
			assertThat(SubtopicPrefix.split("db.pool>>exhausted now", ">>"))
				.isEqualTo(new SubtopicPrefix("db.pool", "exhausted now"));
		}

		@Test
		void defaultDelimiterDoesNotSplitWhenAnotherIsConfigured() {
			assertThat(SubtopicPrefix.split("db::exhausted now", ">>"))
				.isEqualTo(new SubtopicPrefix(null, "db::exhausted now"));
		}

		@Test
		void partialDelimiterDoesNotSplit() {
			assertThat(SubtopicPrefix.split("db>exhausted now", ">>"))
				.isEqualTo(new SubtopicPrefix(null, "db>exhausted now"));
		}

	}

	@Nested
	class LongInput {

		private static final int LENGTH = 5_000_000;

		/**
		 * A scan that goes back over the input is quadratic: hours for {@value #LENGTH}
		 * characters. A linear one takes milliseconds, so this bound tells them apart on any
		 * machine, however busy, without timing anything finely.
		 */
		private static final Duration LINEAR_TIME_BOUND = Duration.ofSeconds(30);

		@Test
		void longMessageWithoutWhitespaceOrDelimiterIsScannedInLinearTime() {
			String message = "a".repeat(LENGTH);
			SubtopicPrefix prefix = assertTimeoutPreemptively(LINEAR_TIME_BOUND, () -> split(message));
			assertThat(prefix.subtopic()).isNull();
			assertThat(prefix.message()).isSameAs(message);
		}

		@Test
		void longIdentifierAfterTheDelimiterIsCheckedInLinearTime() {
			String message = "db::" + "b".repeat(LENGTH) + "!";
			SubtopicPrefix prefix = assertTimeoutPreemptively(LINEAR_TIME_BOUND, () -> split(message));
			assertThat(prefix.subtopic()).isEqualTo("db");
		}

		@Test
		void longMethodReferenceIsCheckedInLinearTime() {
			String message = "Foo::" + "b".repeat(LENGTH);
			SubtopicPrefix prefix = assertTimeoutPreemptively(LINEAR_TIME_BOUND, () -> split(message));
			assertThat(prefix.subtopic()).isNull();
		}

		@Test
		void longPrefixBeforeTheDelimiterIsSplitInLinearTime() {
			String subtopic = "x.".repeat(LENGTH / 2) + "y";
			SubtopicPrefix prefix = assertTimeoutPreemptively(LINEAR_TIME_BOUND,
					() -> split(subtopic + "::the message"));
			assertThat(prefix.subtopic()).isEqualTo(subtopic);
		}

		@Test
		void manyPartialDelimitersAreScannedInLinearTime() {
			String message = ":a".repeat(LENGTH / 2);
			SubtopicPrefix prefix = assertTimeoutPreemptively(LINEAR_TIME_BOUND, () -> split(message));
			assertThat(prefix.subtopic()).isNull();
		}

	}

}
