package dev.zmqlog.viewer.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.zmqlog.protocol.EntryKind;
import dev.zmqlog.protocol.Level;
import dev.zmqlog.protocol.Source;
import dev.zmqlog.viewer.entry.ViewerEntry;

/**
 * Realistic entries for the store's harnesses: about 300 B of text each, 1 % with a
 * 2–4 KB stack trace, 70 % with an MDC trace id, five apps, forty loggers, twenty threads,
 * every level.
 */
final class BenchmarkEntries {

	private static final String[] WORDS = ("order payment invoice customer cart session request response timeout retry "
			+ "connection pool database query cache miss hit user account token refresh shipment warehouse stock price "
			+ "discount coupon checkout basket email notification queue consumer producer partition offset").split(" ");

	private final Random random;

	private final Instant start;

	BenchmarkEntries(Random random, Instant start) {
		this.random = random;
		this.start = start;
	}

	ViewerEntry entry(long id, long millis) {
		String app = "service-" + (id % 5);
		Level level = (id % 100 == 0) ? Level.ERROR : (id % 20 == 0) ? Level.WARN : (id % 3 == 0) ? Level.DEBUG : Level.INFO;
		StringBuilder message = new StringBuilder(220);
		while (message.length() < 180 + this.random.nextInt(80)) {
			message.append(WORDS[this.random.nextInt(WORDS.length)]).append(' ');
		}
		message.append("id=").append(Long.toHexString(this.random.nextLong()));
		String exception = null;
		if (id % 100 == 7) {
			StringBuilder trace = new StringBuilder("java.lang.IllegalStateException: ").append(WORDS[(int) (id % WORDS.length)]);
			int frames = 20 + this.random.nextInt(30);
			for (int i = 0; i < frames; i++) {
				trace.append("\n\tat com.example.").append(app.replace('-', '.')).append(".Handler").append(i)
					.append(".handle(Handler").append(i).append(".java:").append(10 + i).append(')');
			}
			exception = trace.toString();
		}
		Map<String, String> mdc = (id % 10 < 7) ? Map.of("traceId", Long.toHexString(id / 7), "user", "u" + (id % 1000))
				: Map.of();
		Instant time = this.start.plusMillis(millis);
		return new ViewerEntry(id, time, time, app + "." + level + ".http", level,
				"com.example." + app.replace('-', '.') + ".Component" + (id % 8), "worker-" + (id % 20),
				message.toString(), exception, mdc, List.of(), id, new Source(app, "host-" + (id % 3), 1000 + id % 5,
						app + "-i1"), EntryKind.STRUCTURED);
	}

}
