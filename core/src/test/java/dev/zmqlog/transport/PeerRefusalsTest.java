package dev.zmqlog.transport;

import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.testing.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeerRefusalsTest {

	private final MovableClock clock = new MovableClock();

	private final List<String> lines = new ArrayList<>();

	private final PeerRefusals refusals = new PeerRefusals(this.clock, this.lines::add);

	@Test
	void aPeerIsReportedOncePerReasonAMinuteButCountedEachTime() {
		this.refusals.refuse("10.0.0.7:5000", RefusalReason.MALFORMED_FRAME_SIZE);
		this.refusals.refuse("10.0.0.7:5001", RefusalReason.MALFORMED_FRAME_SIZE);
		this.refusals.refuse("10.0.0.7:5002", RefusalReason.MESSAGE_TOO_LARGE);
		assertThat(this.lines).hasSize(2);
		assertThat(this.lines.get(0))
			.isEqualTo("refused peer 10.0.0.7:5000: " + RefusalReason.MALFORMED_FRAME_SIZE.description());
		assertThat(this.lines.get(1))
			.startsWith("refused peer 10.0.0.7:5002: " + RefusalReason.MESSAGE_TOO_LARGE.description())
			.contains("1 more refusals not reported");
		assertThat(this.refusals.count(RefusalReason.MALFORMED_FRAME_SIZE)).isEqualTo(2);
		assertThat(this.refusals.byReason()).containsEntry("malformed-frame-size", 2L)
			.containsEntry("message-too-large", 1L)
			.hasSize(2);
		this.clock.advance(PeerRefusals.WINDOW);
		this.refusals.refuse("10.0.0.7:5003", RefusalReason.MALFORMED_FRAME_SIZE);
		assertThat(this.lines).hasSize(3);
		assertThat(this.lines.get(2))
			.isEqualTo("refused peer 10.0.0.7:5003: " + RefusalReason.MALFORMED_FRAME_SIZE.description());
	}

	@Test
	void aStormOfPeersCannotFloodTheLog() {
		for (int i = 0; i < 10_000; i++) {
			this.refusals.refuse("10.0." + (i / 250) + "." + (i % 250) + ":4000", RefusalReason.MALFORMED_HANDSHAKE);
		}
		assertThat(this.lines).hasSize(PeerRefusals.LINES_PER_WINDOW);
		assertThat(this.refusals.total()).isEqualTo(10_000);
		this.clock.advance(PeerRefusals.WINDOW);
		this.refusals.refuse("192.168.1.1:4000", RefusalReason.MALFORMED_HANDSHAKE);
		assertThat(this.lines.get(this.lines.size() - 1))
			.contains((10_000 - PeerRefusals.LINES_PER_WINDOW) + " more refusals not reported");
	}

}
