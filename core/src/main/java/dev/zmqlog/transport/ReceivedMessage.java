package dev.zmqlog.transport;

import java.time.Instant;
import java.util.List;

import dev.zmqlog.protocol.DecodeResult;

/**
 * A message as a subscriber received it: its frames, what they decode to, and when it
 * arrived.
 *
 * @param frames the raw frames, in order
 * @param decoded the decoded entry, or the reason it was rejected
 * @param receivedAt when the subscriber received it
 */
public record ReceivedMessage(List<byte[]> frames, DecodeResult decoded, Instant receivedAt) {
}
