package dev.zmqlog;

import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

	@Test
	void subtopicMarkerCarriesItsSubtopic() {
		assertThat(Topics.subtopicOf(Topics.subtopic("db.pool"))).isEqualTo("db.pool");
	}

	@Test
	void subtopicIsStripped() {
		assertThat(Topics.subtopicOf(Topics.subtopic("  db.pool \t"))).isEqualTo("db.pool");
	}

	@Test
	void subtopicIsFoundThroughAReferencingMarker() {
		Marker audit = MarkerFactory.getDetachedMarker("AUDIT");
		audit.add(Topics.subtopic("db.pool"));
		assertThat(Topics.subtopicOf(audit)).isEqualTo("db.pool");
	}

	@Test
	void subtopicIsFoundThroughNestedReferences() {
		Marker outer = MarkerFactory.getDetachedMarker("OUTER");
		Marker inner = MarkerFactory.getDetachedMarker("INNER");
		inner.add(Topics.subtopic("db.pool"));
		outer.add(inner);
		assertThat(Topics.subtopicOf(outer)).isEqualTo("db.pool");
	}

	@Test
	void firstReferencedSubtopicWins() {
		Marker audit = MarkerFactory.getDetachedMarker("AUDIT");
		audit.add(Topics.subtopic("first"));
		audit.add(Topics.subtopic("second"));
		assertThat(Topics.subtopicOf(audit)).isEqualTo("first");
	}

	@Test
	void otherMarkerHasNoSubtopic() {
		assertThat(Topics.subtopicOf(MarkerFactory.getDetachedMarker("AUDIT"))).isNull();
	}

	@Test
	void markerNamedLikeASubtopicMarkerHasNoSubtopic() {
		assertThat(Topics.subtopicOf(MarkerFactory.getDetachedMarker("subtopic:db.pool"))).isNull();
	}

	@Test
	void nullSubtopicIsRejected() {
		assertThatNullPointerException().isThrownBy(() -> Topics.subtopic(null)).withMessageContaining("subtopic");
	}

	@Test
	void markerNameShowsTheSubtopic() {
		assertThat(Topics.subtopic("db.pool").getName()).isEqualTo("subtopic:db.pool");
		assertThat(Topics.subtopic("db.pool")).hasToString("subtopic:db.pool");
	}

	@Test
	void markersWithTheSameSubtopicAreEqual() {
		assertThat(Topics.subtopic("db.pool")).isEqualTo(Topics.subtopic("db.pool"))
			.hasSameHashCodeAs(Topics.subtopic("db.pool"));
	}

	@Test
	void markersWithDifferentSubtopicsDiffer() {
		assertThat(Topics.subtopic("db.pool")).isNotEqualTo(Topics.subtopic("db"));
	}

	@Test
	void markerIsImmutable() {
		Marker marker = Topics.subtopic("db.pool");
		assertThatThrownBy(() -> marker.add(MarkerFactory.getDetachedMarker("X")))
			.isInstanceOf(UnsupportedOperationException.class);
		assertThat(marker.hasReferences()).isFalse();
		assertThat(marker.iterator()).isExhausted();
	}

	@Test
	void markerContainsItselfByValueAndName() {
		Marker marker = Topics.subtopic("db.pool");
		assertThat(marker.contains(Topics.subtopic("db.pool"))).isTrue();
		assertThat(marker.contains("subtopic:db.pool")).isTrue();
		assertThat(marker.contains("db.pool")).isFalse();
	}

	@Test
	void referencingMarkerContainsTheSubtopicMarker() {
		Marker audit = MarkerFactory.getDetachedMarker("AUDIT");
		audit.add(Topics.subtopic("db.pool"));
		assertThat(audit.contains(Topics.subtopic("db.pool"))).isTrue();
	}

	@Test
	void blankSubtopicIsRejected() {
		assertThatThrownBy(() -> Topics.subtopic(" ")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("blank");
	}

	@Test
	void equalityWithSlf4jMarkersGoesBothWays() {
		Marker named = MarkerFactory.getDetachedMarker("subtopic:db.pool");
		assertThat(Topics.subtopic("db.pool")).isEqualTo(named);
		assertThat(named).isEqualTo(Topics.subtopic("db.pool"));
	}

}
