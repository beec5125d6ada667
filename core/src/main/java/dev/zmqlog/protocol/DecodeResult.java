package dev.zmqlog.protocol;

import org.jspecify.annotations.Nullable;

/**
 * What a receiver made of one message: an entry to show, or the reason it was rejected.
 *
 * @param entry the entry, or {@code null} when rejected
 * @param rejection why the message was rejected, or {@code null} when accepted
 */
public record DecodeResult(@Nullable LogEntry entry, @Nullable String rejection) {

	public static DecodeResult accepted(LogEntry entry) {
		return new DecodeResult(entry, null);
	}

	public static DecodeResult rejected(String reason) {
		return new DecodeResult(null, reason);
	}

	public boolean isAccepted() {
		return this.entry != null;
	}

}
