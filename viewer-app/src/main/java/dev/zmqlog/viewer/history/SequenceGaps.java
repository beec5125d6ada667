package dev.zmqlog.viewer.history;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.zmqlog.protocol.Source;

/**
 * Counts events lost on the way, per publisher, from the gaps in their sequence numbers.
 * The first number seen from a publisher is its baseline; a number lower than expected is
 * a late arrival and cancels a gap counted before. Thread-safe.
 */
public final class SequenceGaps {

	private static final int MAX_SOURCES = 10_000;

	/** By source rather than its key text, which would be built anew for every event. */
	private final Map<Source, Track> tracks = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Source, Track> eldest) {
			return size() > MAX_SOURCES;
		}

	};

	/**
	 * Records a received sequence number.
	 * @return how many events this arrival shows lost (0 when none)
	 */
	public synchronized long record(Source source, long seq) {
		Track track = this.tracks.computeIfAbsent(source, (absent) -> new Track());
		return track.record(seq);
	}

	/** Lost events per publisher key. */
	public synchronized Map<String, Long> lost() {
		Map<String, Long> lost = new LinkedHashMap<>();
		this.tracks.forEach((source, track) -> lost.merge(source.key(), track.lost, Long::sum));
		return lost;
	}

	public synchronized long totalLost() {
		long total = 0;
		for (Track track : this.tracks.values()) {
			total += track.lost;
		}
		return total;
	}

	private static final class Track {

		private long expected = -1;

		private long lost;

		long record(long seq) {
			if (this.expected < 0 || seq == this.expected) {
				this.expected = seq + 1;
				return 0;
			}
			if (seq > this.expected) {
				long gap = seq - this.expected;
				this.lost += gap;
				this.expected = seq + 1;
				return gap;
			}
			// late arrival, or a publisher restarted with the same identity
			if (this.lost > 0) {
				this.lost--;
			}
			return 0;
		}

	}

}
