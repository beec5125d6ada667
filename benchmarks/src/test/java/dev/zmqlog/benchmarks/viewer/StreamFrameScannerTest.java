package dev.zmqlog.benchmarks.viewer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamFrameScannerTest {

	private final StreamFrameScanner scanner = new StreamFrameScanner();

	private final List<long[]> entries = new ArrayList<>();

	private final List<Long> skipped = new ArrayList<>();

	private final StreamFrameScanner.Entries sink = new StreamFrameScanner.Entries() {

		@Override
		public void entry(long id, long timeMicros) {
			StreamFrameScannerTest.this.entries.add(new long[] { id, timeMicros });
		}

		@Override
		public void skipped(long count) {
			StreamFrameScannerTest.this.skipped.add(count);
		}

	};

	@Test
	void readsEachEntrysIdAndTimeInMicroseconds() {
		scan("[" + entry(41, "2026-11-22T04:05:06.123456Z") + "," + entry(42, "2026-11-22T04:05:06.5Z") + "]");

		assertThat(this.entries).containsExactly(new long[] { 41, micros("2026-11-22T04:05:06.123456Z") },
				new long[] { 42, micros("2026-11-22T04:05:06.500Z") });
	}

	@Test
	void readsAFrameOnlyUpToItsLengthInAReusedArray() {
		byte[] frame = new byte[4096];
		byte[] text = ("[" + entry(7, "2026-11-22T04:05:06Z") + "]").getBytes(StandardCharsets.UTF_8);
		byte[] stale = entry(8, "2026-11-22T04:05:07Z").getBytes(StandardCharsets.UTF_8);
		System.arraycopy(text, 0, frame, 0, text.length);
		System.arraycopy(stale, 0, frame, text.length, stale.length);

		this.scanner.scan(frame, text.length, this.sink);

		assertThat(this.entries).containsExactly(new long[] { 7, micros("2026-11-22T04:05:06Z") });
	}

	@Test
	void aNewSecondOrDayIsReadAgainNotTakenFromTheLastOne() {
		scan("[" + entry(1, "2026-12-31T23:59:59.999999Z") + "," + entry(2, "2027-01-01T00:00:00.000001Z") + ","
				+ entry(3, "2027-01-01T00:00:00.000002Z") + "]");

		assertThat(this.entries).extracting((entry) -> entry[1])
			.containsExactly(micros("2026-12-31T23:59:59.999999Z"), micros("2027-01-01T00:00:00.000001Z"),
					micros("2027-01-01T00:00:00.000002Z"));
	}

	@Test
	void nanosecondsAreCutToMicroseconds() {
		scan("[" + entry(5, "2026-11-22T04:05:06.123456789Z") + "]");

		assertThat(this.entries).containsExactly(new long[] { 5, micros("2026-11-22T04:05:06.123456Z") });
	}

	@Test
	void anEntryWithoutATimeIsCountedWithoutOne() {
		scan("[{\"id\":9,\"message\":\"no time\"}]");

		assertThat(this.entries).containsExactly(new long[] { 9, StreamFrameScanner.NO_TIME });
	}

	@Test
	void aFrameCutInsideAnInstantGivesItsEntryWithoutATime() {
		scan("[{\"id\":12,\"time\":\"2026-11-22T04:0");
		scan("[{\"id\":13,\"time\":\"2026-11-22T04:05:06.12");

		assertThat(this.entries).containsExactly(new long[] { 12, StreamFrameScanner.NO_TIME },
				new long[] { 13, micros("2026-11-22T04:05:06.120Z") });
	}

	@Test
	void aSkipNoticeGivesItsCount() {
		scan("{\"type\":\"skipped\",\"count\":1234}");

		assertThat(this.skipped).containsExactly(1234L);
		assertThat(this.entries).isEmpty();
	}

	@Test
	void textOutsideTheFieldsMayBeAnyUtf8() {
		scan("[" + entry(11, "2026-11-22T04:05:06.1Z").replace("\"m\"", "\"ünïcödé {\\\"id\\\": ✓\"") + "]");

		assertThat(this.entries).containsExactly(new long[] { 11, micros("2026-11-22T04:05:06.100Z") });
	}

	private void scan(String frame) {
		byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
		this.scanner.scan(bytes, bytes.length, this.sink);
	}

	private static String entry(long id, String time) {
		return "{\"id\":" + id + ",\"time\":\"" + time + "\",\"received\":\"" + time + "\",\"message\":\"m\"}";
	}

	private static long micros(String instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
	}

}
