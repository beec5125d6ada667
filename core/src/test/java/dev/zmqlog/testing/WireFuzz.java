package dev.zmqlog.testing;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long the wire fuzzer runs and from which seed: a few seconds per socket kind in the
 * build, as long as {@code -Dzmqlog.fuzz.seconds=N} says by hand; {@code -Dzmqlog.fuzz.seed=S}
 * repeats a run.
 */
public final class WireFuzz {

	/** Seconds per socket kind in the build. */
	private static final long DEFAULT_SECONDS = 3;

	private WireFuzz() {
	}

	/** The seed of this run: given, or fresh and printed so that a failure can be repeated. */
	public static long seed() {
		String given = System.getProperty("zmqlog.fuzz.seed");
		long seed = (given != null) ? Long.parseLong(given) : ThreadLocalRandom.current().nextLong();
		System.out.println("wire fuzz seed " + seed);
		return seed;
	}

	/** The time to fuzz each socket kind. */
	public static Duration duration() {
		return Duration.ofSeconds(Long.getLong("zmqlog.fuzz.seconds", DEFAULT_SECONDS));
	}

	/**
	 * Runs cases until the time is up.
	 * @return how many cases ran
	 */
	public static int run(Runnable oneCase) {
		long end = System.nanoTime() + duration().toNanos();
		int cases = 0;
		while (cases == 0 || System.nanoTime() < end) {
			oneCase.run();
			cases++;
		}
		System.out.println("wire fuzz: " + cases + " cases in " + duration().toSeconds() + " s");
		return cases;
	}

}
