package dev.zmqlog;

import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;

/**
 * Java-native subtopics: {@code log.info(Topics.subtopic("db.pool"), "exhausted")} is
 * published on {@code root.INFO.db.pool}, as pyzmq's {@code "db.pool::exhausted"} would be.
 */
public final class Topics {

	private Topics() {
	}

	/**
	 * A marker that puts an event on a subtopic.
	 * @param subtopic one or more dot-separated topic segments, e.g. {@code db.pool}
	 * @return the marker; keep it in a constant and reuse it
	 */
	public static Marker subtopic(String subtopic) {
		Objects.requireNonNull(subtopic, "subtopic");
		if (subtopic.isBlank()) {
			throw new IllegalArgumentException("subtopic must not be blank");
		}
		return new SubtopicMarker(subtopic.strip());
	}

	/**
	 * The subtopic of a marker made by {@link #subtopic(String)}, also when it is
	 * referenced by another marker.
	 * @param marker any marker
	 * @return the subtopic, or {@code null}
	 */
	public static @Nullable String subtopicOf(Marker marker) {
		if (marker instanceof SubtopicMarker subtopicMarker) {
			return subtopicMarker.subtopic;
		}
		if (marker.hasReferences()) {
			Iterator<Marker> references = marker.iterator();
			while (references.hasNext()) {
				String subtopic = subtopicOf(references.next());
				if (subtopic != null) {
					return subtopic;
				}
			}
		}
		return null;
	}

	/** An immutable marker whose only meaning is its subtopic. */
	static final class SubtopicMarker implements Marker {

		private static final long serialVersionUID = 1L;

		private static final String NAME_PREFIX = "subtopic:";

		private final String subtopic;

		/** Made once: equals, hashCode and every marker comparison of Logback read it. */
		private final String name;

		private SubtopicMarker(String subtopic) {
			this.subtopic = subtopic;
			this.name = NAME_PREFIX + subtopic;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public void add(Marker reference) {
			throw new UnsupportedOperationException("subtopic markers are immutable");
		}

		@Override
		public boolean remove(Marker reference) {
			return false;
		}

		@Override
		@Deprecated
		public boolean hasChildren() {
			return false;
		}

		@Override
		public boolean hasReferences() {
			return false;
		}

		@Override
		public Iterator<Marker> iterator() {
			return Collections.emptyIterator();
		}

		@Override
		public boolean contains(Marker other) {
			return equals(other);
		}

		@Override
		public boolean contains(String name) {
			return getName().equals(name);
		}

		/** Equal to any marker of the same name, as SLF4J's own markers are. */
		@Override
		public boolean equals(Object other) {
			return other instanceof Marker marker && getName().equals(marker.getName());
		}

		@Override
		public int hashCode() {
			return getName().hashCode();
		}

		@Override
		public String toString() {
			return getName();
		}

	}

}
