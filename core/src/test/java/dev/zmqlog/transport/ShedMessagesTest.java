package dev.zmqlog.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.testing.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShedMessagesTest {

	private final MovableClock clock = new MovableClock();

	private final List<String> lines = new ArrayList<>();

	private final ShedMessages shed = new ShedMessages(this.clock, this.lines::add);

	@Test
	void countsEveryMessageAndReportsAtMostEveryTenSeconds() {
		shedMessage(1000);
		this.shed.report(4096);
		assertThat(this.lines).containsExactly(
				"dropped 1 messages: the receive queue held its 4096 bytes (1 in all, 1000 bytes)");
		shedMessage(500);
		shedMessage(500);
		this.shed.report(4096);
		assertThat(this.lines).hasSize(1);
		this.clock.advance(Duration.ofSeconds(ShedMessages.REPORT_SECONDS));
		this.shed.report(4096);
		assertThat(this.lines).hasSize(2);
		assertThat(this.lines.get(1)).startsWith("dropped 2 messages").endsWith("(3 in all, 2000 bytes)");
		this.clock.advance(Duration.ofSeconds(ShedMessages.REPORT_SECONDS));
		this.shed.report(4096);
		assertThat(this.lines).as("nothing new, nothing said").hasSize(2);
		assertThat(this.shed.messages()).isEqualTo(3);
		assertThat(this.shed.bytes()).isEqualTo(2000);
	}

	private void shedMessage(long bytes) {
		this.shed.messageShed();
		this.shed.bytesShed(bytes);
	}

}
