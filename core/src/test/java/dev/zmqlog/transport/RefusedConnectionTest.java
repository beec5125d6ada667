package dev.zmqlog.transport;

import java.time.Duration;

import dev.zmqlog.testing.HostilePeer;
import dev.zmqlog.testing.Zmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.zmqlog.testing.Zmtp.LARGE;
import static dev.zmqlog.testing.Zmtp.MORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A peer refused after its handshake, for a frame size or a message over the limits,
 * loses its connection while it still holds its end open.
 * Without the fix a negative size hangs the socket, and closing it: the time-out fails
 * the test instead.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RefusedConnectionTest {

	private static byte[] opening() {
		return Zmtp.concat(Zmtp.greeting("NULL", false), Zmtp.ready("PUB"));
	}

	@Test
	void aNegativeFrameSizeAfterTheHandshakeClosesTheConnection() {
		try (WireTarget.SubscriberBind target = new WireTarget.SubscriberBind(false)) {
			assertThat(HostilePeer.sendAfterHandshake(target.endpoint(), opening(),
					Zmtp.header(LARGE, -1L))).isTrue();
			await().atMost(Duration.ofSeconds(1)).until(() -> target.refusals().count(RefusalReason.MALFORMED_FRAME_SIZE) == 1);
		}
	}

	@Test
	void aMessageOverTheLimitClosesTheConnection() {
		byte[] frame = Zmtp.frame(MORE, new byte[1024 * 1024]);
		byte[] fiveMebibytes = Zmtp.concat(frame, frame, frame, frame, frame);
		try (WireTarget.SubscriberBind target = new WireTarget.SubscriberBind(false)) {
			assertThat(HostilePeer.sendAfterHandshake(target.endpoint(), opening(), fiveMebibytes)).isTrue();
			await().atMost(Duration.ofSeconds(1)).until(() -> target.refusals().count(RefusalReason.MESSAGE_TOO_LARGE) == 1);
			assertThat(target.delivers(Duration.ofSeconds(5))).isTrue();
		}
	}

	@Test
	void endlessEmptyFramesCloseTheConnection() {
		byte[] empty = Zmtp.frame(MORE, new byte[0]);
		byte[][] frames = new byte[InboundLimits.DEFAULT_MAX_FRAMES + 1][];
		java.util.Arrays.fill(frames, empty);
		try (WireTarget.SubscriberBind target = new WireTarget.SubscriberBind(false)) {
			assertThat(HostilePeer.sendAfterHandshake(target.endpoint(), opening(), Zmtp.concat(frames)))
				.isTrue();
			await().atMost(Duration.ofSeconds(1)).until(() -> target.refusals().count(RefusalReason.TOO_MANY_FRAMES) == 1);
		}
	}

	@Test
	void aPublisherRefusedForAnOversizedMessageIsConnectedAgain() {
		byte[] frame = new byte[4 * 1024 * 1024];
		try (WireTarget.SubscriberConnect target = new WireTarget.SubscriberConnect()) {
			target.awaitJoined();
			target.sendFrames("huge.INFO".getBytes(java.nio.charset.StandardCharsets.UTF_8), frame, frame, frame, frame,
					frame, frame, frame, frame);
			await().atMost(Duration.ofSeconds(5)).until(() -> target.refusals().count(RefusalReason.MESSAGE_TOO_LARGE) == 1);
			target.received.clear();
			// connected again, the subscription travels again before messages arrive
			target.awaitJoined();
		}
	}

}
