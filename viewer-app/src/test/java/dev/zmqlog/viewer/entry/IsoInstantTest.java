package dev.zmqlog.viewer.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantTest {

	@Test
	void writesWhatInstantToStringWrites() {
		SplittableRandom random = new SplittableRandom(11);
		for (int i = 0; i < 200_000; i++) {
			long seconds = random.nextLong(-70_000_000_000L, 260_000_000_000L);
			int nanos = switch (i % 4) {
				case 0 -> 0;
				case 1 -> random.nextInt(1_000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1_000;
				default -> random.nextInt(1_000_000_000);
			};
			Instant instant = Instant.ofEpochSecond(seconds, nanos);
			assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
		}
		assertThat(IsoInstant.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
		assertThat(IsoInstant.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
	}

	@Test
	void oneWriterRemembersSecondsWithoutMixingThemUp() {
		IsoInstant instants = new IsoInstant();
		byte[] text = new byte[IsoInstant.MAX_LENGTH];
		SplittableRandom random = new SplittableRandom(12);
		long base = 1_800_000_000L;
		for (int i = 0; i < 10_000; i++) {
			// an entry's time and its receipt, one or two seconds apart, and now and then a third second
			Instant instant = Instant.ofEpochSecond(base + random.nextInt((i % 50 == 0) ? 3 : 2),
					random.nextInt(1_000_000) * 1_000);
			int length = instants.write(instant, text, 0);
			assertThat(new String(text, 0, length, StandardCharsets.US_ASCII)).isEqualTo(instant.toString());
		}
	}

}
