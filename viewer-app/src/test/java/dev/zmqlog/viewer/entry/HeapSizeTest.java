package dev.zmqlog.viewer.entry;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.protocol.MessageDecoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heap an entry is estimated to take is the heap it takes: entries decoded from real
 * messages (JSON records with MDC, markers and sources; pyzmq text), held in a list, and
 * the heap measured before and after with full collections in between.
 */
class HeapSizeTest {

	private static final MessageDecoder DECODER = new MessageDecoder(16 * 1024 * 1024);

	private static ViewerEntry decoded(long id, String topic, String payload) {
		LogEntry entry = DECODER
			.decode(List.of(topic.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8)))
			.entry();
		return ViewerEntry.of(id, entry, Instant.now());
	}

	private static String record(int i, int mdcKeys, String message) {
		StringBuilder mdc = new StringBuilder();
		for (int k = 0; k < mdcKeys; k++) {
			mdc.append((k > 0) ? "," : "").append("\"key").append(k).append("\":\"value-").append(i).append('-').append(k)
				.append('"');
		}
		return "{\"name\":\"com.example.Service" + (i % 7) + "\",\"msg\":\"" + message + "\",\"levelname\":\"INFO\","
				+ "\"created\":1700000000.25,\"threadName\":\"worker-" + (i % 5) + "\",\"mdc\":{" + mdc + "},"
				+ "\"markers\":[\"AUDIT\"],\"seq\":" + (i + 1) + ",\"source\":{\"app\":\"billing\",\"host\":\"host-1\","
				+ "\"pid\":42,\"instance\":\"b7e4c1d2-" + i + "\"}}";
	}

	@Test
	void structuredEntriesWithMdc() {
		assertEstimateMatchesHeap(20_000,
				(i) -> decoded(i, "billing.INFO", record(i, 8, "payment " + i + " accepted for order " + i * 31)));
	}

	@Test
	void textEntriesWithLongMessages() {
		assertEstimateMatchesHeap(2_000, (i) -> decoded(i, "app.WARN", "line " + i + " " + "x".repeat(10_000) + "\n"));
	}

	@Test
	void nonLatinText() {
		assertEstimateMatchesHeap(5_000, (i) -> decoded(i, "app.INFO", "Grüße " + i + " " + "日本語".repeat(300)));
	}

	@Test
	void hugeMdc() {
		assertEstimateMatchesHeap(3, (i) -> decoded(i, "app.INFO", record(i, 100_000, "big")));
	}

	private static void assertEstimateMatchesHeap(int count, IntFunction<ViewerEntry> make) {
		List<ViewerEntry> entries = new ArrayList<>(count);
		// the decoder's own tables (Jackson's symbols) grow at the first messages: not the entries' heap
		make.apply(count);
		long before = usedAfterGc();
		for (int i = 0; i < count; i++) {
			entries.add(make.apply(i));
		}
		long after = usedAfterGc();
		long measured = after - before;
		long estimated = entries.stream().mapToLong(HeapSize::of).sum();

		assertThat(entries).hasSize(count);
		// never much less than held, so a budget holds; at most a third more, so a budget is not wasted
		// (JSON parsers share the strings of property names such as MDC keys, which the estimate counts)
		assertThat((double) estimated).as("estimated %,d bytes, measured %,d", estimated, measured)
			.isBetween(0.95 * measured, 1.3 * measured);
	}

	private static long usedAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
