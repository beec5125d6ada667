package dev.zmqlog.protocol;

import java.util.Arrays;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The texts of topic frames seen lately. A receiver sees few distinct topics, so most
 * frames are one it has decoded before: comparing the bytes costs less than decoding and
 * checking them again, and every entry of a topic then shares one String. Remembers at most
 * {@value #SLOTS} topics of at most {@value #MAX_BYTES} bytes, each in the slot of its hash,
 * a newer one taking the place of an older; longer topics are never remembered.
 * Thread-safe: a slot is replaced whole, and what it holds is immutable.
 */
final class RecentTopics {

	static final int SLOTS = 256;

	static final int MAX_BYTES = 256;

	private final @Nullable Known[] slots = new Known[SLOTS];

	/**
	 * @param frame a topic frame
	 * @param decode the frame's text, or {@code null} when it has none
	 * @return the text of the frame, as {@code decode} gives it
	 */
	@Nullable String text(byte[] frame, Function<byte[], @Nullable String> decode) {
		if (frame.length > MAX_BYTES) {
			return decode.apply(frame);
		}
		int slot = Arrays.hashCode(frame) & (SLOTS - 1);
		Known known = this.slots[slot];
		if (known != null && Arrays.equals(known.bytes, frame)) {
			return known.text;
		}
		String text = decode.apply(frame);
		if (text != null) {
			this.slots[slot] = new Known(frame.clone(), text);
		}
		return text;
	}

	private record Known(byte[] bytes, String text) {
	}

}
