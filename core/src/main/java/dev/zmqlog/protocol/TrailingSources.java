package dev.zmqlog.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The {@code source} objects that recent records ended with, by their bytes. A publisher
 * writes the same source, last, in every record ({@code ...,"source":{...}}}), so a record
 * that ends in the bytes of one read before is read up to them, and the source read before
 * is its source: the bytes that would be read are the ones that were, and a source read
 * from them was the same. Reading the source took a fifth of the viewer's subscriber, and
 * looking up a new copy of it in the source table another few per cent.
 * <p>
 * Holds at most {@value #CAPACITY} sources of at most {@value #MAX_SOURCE_BYTES} bytes each,
 * the oldest replaced first. A reader may be used by several threads: each remembered
 * source is immutable, and one that a thread does not see yet is only a miss.
 */
final class TrailingSources {

	/** Publishers whose records a subscriber interleaves, about, at most, before it reads one source twice. */
	static final int CAPACITY = 8;

	/** Sources longer than this are read each time: ordinary ones are about a hundred bytes. */
	static final int MAX_SOURCE_BYTES = 512;

	private static final byte[] PROPERTY = ",\"source\":".getBytes(StandardCharsets.US_ASCII);

	private final @Nullable Remembered[] remembered = new Remembered[CAPACITY];

	private int lastFound;

	private int nextReplaced;

	/**
	 * The remembered source the record ends with, after the last byte of another value
	 * (so that what comes before it is a record's start and properties, to be read without
	 * it); {@code null} when none.
	 */
	@Nullable Remembered find(byte[] record) {
		int last = this.lastFound;
		for (int i = 0; i < CAPACITY; i++) {
			int slot = (last + i) % CAPACITY;
			Remembered candidate = this.remembered[slot];
			if (candidate != null && candidate.endsAndFollowsValue(record)) {
				this.lastFound = slot;
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Remembers the source a record ends with.
	 * @param record the record's bytes, read whole and valid
	 * @param start where the source's object starts: its {@code '{'}
	 * @param end where it ends: after its {@code '}'}
	 * @param source the source read from it
	 */
	void remember(byte[] record, int start, int end, Source source) {
		int propertyStart = start - PROPERTY.length;
		if (end - start > MAX_SOURCE_BYTES || propertyStart < 1 || end != record.length - 1 || record[end] != '}'
				|| !Arrays.equals(record, propertyStart, start, PROPERTY, 0, PROPERTY.length)) {
			return;
		}
		Remembered added = new Remembered(Arrays.copyOfRange(record, propertyStart, record.length), source);
		if (added.endsAndFollowsValue(record)) {
			int slot = this.nextReplaced;
			this.remembered[slot] = added;
			this.nextReplaced = (slot + 1) % CAPACITY;
		}
	}

	/**
	 * A source and the end of a record that has it: {@code ,"source":{...}}}.
	 * @param ending the bytes
	 * @param source what they read as
	 */
	record Remembered(byte[] ending, Source source) {

		boolean endsAndFollowsValue(byte[] record) {
			int start = record.length - this.ending.length;
			return start > 0 && endsValue(record[start - 1])
					&& Arrays.equals(record, start, record.length, this.ending, 0, this.ending.length);
		}

		/** How many bytes of a record come before its ending. */
		int before(byte[] record) {
			return record.length - this.ending.length;
		}

		/**
		 * Whether a byte can be the last of a JSON value: of a string, object, array, number,
		 * {@code true}, {@code false} or {@code null}. Not '{' (the record would start with
		 * its source's comma) nor white space (left to the full read).
		 */
		private static boolean endsValue(byte b) {
			return b == '"' || b == '}' || b == ']' || (b >= '0' && b <= '9') || b == 'e' || b == 'l';
		}

	}

}
