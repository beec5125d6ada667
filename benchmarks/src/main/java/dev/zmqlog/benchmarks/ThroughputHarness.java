package dev.zmqlog.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import dev.zmqlog.logback.ZmqLogAppender;

/**
 * End-to-end throughput from SLF4J calls through {@link ZmqLogAppender} to a SUB socket in
 * another JVM over tcp loopback, against plain JeroMQ sending the same frames to the same
 * subscriber, in one run. Prints (a) the lossless throughput of both, unpaced with nothing
 * allowed to drop, optionally (c) the highest paced rate each delivers without loss, and
 * (b) a sweep of paced rates with the appender's default settings, written as a PNG too.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar dev.zmqlog.benchmarks.ThroughputHarness
 * [--payload json|text] [--rounds 1] [--seconds 2] [--lossless 500000]
 * [--rates 25000,50000,...,0] [--queue-size N] [--sndhwm N] [--search true] [--bursts N] [--plot FILE]};
 * a rate of 0 means unpaced, no rates skips the sweep; the sweep and the search use the
 * appender's defaults unless told.
 */
public final class ThroughputHarness {

	private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

	private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

	/** Enough for the JIT to compile the whole path, at a rate both senders sustain. */
	private static final int WARM_UP = 200_000;

	private static final long WARM_UP_RATE = 200_000;

	private static final Duration AWAIT_SUBSCRIBER = Duration.ofSeconds(10);

	private final ReceiverProcess receiver;

	private final List<String> endpoints;

	private byte[][] frames;

	private ThroughputHarness(ReceiverProcess receiver, List<String> endpoints) {
		this.receiver = receiver;
		this.endpoints = endpoints;
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		List<String> endpoints = List.of(freeEndpoint(), freeEndpoint(), freeEndpoint(), freeEndpoint());
		try (ReceiverProcess receiver = new ReceiverProcess(endpoints)) {
			new ThroughputHarness(receiver, endpoints).run(options);
		}
		System.exit(0);
	}

	private void run(Options options) throws IOException {
		printMachine();
		System.out.println("payload " + options.payload() + ", " + options.rounds() + " round(s)");
		List<Measurement> lossless = new ArrayList<>();
		for (int round = 0; round < options.rounds(); round++) {
			lossless.add(measure(() -> new AppenderSender(this.endpoints.get(0), options.payload(),
					ThroughputHarness::lossless), 0, options.losslessCount(), "appender"));
			sampleFrames();
			lossless.add(measure(() -> new PlainSender(this.endpoints.get(1), 0, this.frames, AWAIT_SUBSCRIBER), 0,
					options.losslessCount(), "jeromq"));
		}
		print("(a) lossless: unpaced, appender overflow=block and SNDHWM unlimited, JeroMQ SNDHWM unlimited",
				lossless);
		for (int round = 0; round < options.rounds(); round++) {
			System.out.printf("round %d: appender / jeromq = %.2f%n", round + 1,
					lossless.get(2 * round).deliveredPerSecond() / lossless.get(2 * round + 1).deliveredPerSecond());
		}
		if (options.burstRounds() > 0) {
			measureBursts(options);
		}
		if (options.search()) {
			searchLosslessRates(options);
		}
		if (options.rates().isEmpty()) {
			return;
		}
		List<Measurement> sweep = new ArrayList<>();
		for (long rate : options.rates()) {
			long count = (rate > 0) ? rate * options.seconds() : options.losslessCount();
			sweep.add(measure(() -> new AppenderSender(this.endpoints.get(2), options.payload(),
					(zmq) -> sweepSettings(zmq, options)), rate, count, "appender"));
			sampleFrames();
			sweep.add(measure(() -> new PlainSender(this.endpoints.get(3), options.sendHighWaterMark(), this.frames,
					AWAIT_SUBSCRIBER), rate, count, "jeromq"));
		}
		print("(b) load sweep: appender queue " + options.queueSize() + ", overflow=drop, SNDHWM "
				+ options.sendHighWaterMark() + "; JeroMQ SNDHWM " + options.sendHighWaterMark(), sweep);
		ThroughputPlot.write(sweep, "zmqlog appender vs plain JeroMQ, same frames (" + options.payload()
				+ "), tcp loopback", options.plot());
		System.out.println("plot: " + options.plot());
	}

	/**
	 * (d) A burst through the default queue with {@code overflow=block} and otherwise default
	 * settings (SNDHWM 100,000): the callers wait for room, nothing may be lost; against the
	 * same burst through a queue that never fills, and plain JeroMQ with SNDHWM unlimited.
	 */
	private void measureBursts(Options options) throws IOException {
		List<Measurement> bursts = new ArrayList<>();
		for (int round = 0; round < options.burstRounds(); round++) {
			bursts.add(measure(() -> new AppenderSender(this.endpoints.get(0), options.payload(),
					(zmq) -> zmq.setOverflow("block")), 0, options.losslessCount(), "block"));
			bursts.add(measure(() -> new AppenderSender(this.endpoints.get(0), options.payload(), (zmq) -> {
				zmq.setOverflow("block");
				zmq.setQueueSize((int) Math.min(1 << 24, 2 * options.losslessCount()));
			}), 0, options.losslessCount(), "bigqueue"));
			sampleFrames();
			bursts.add(measure(() -> new PlainSender(this.endpoints.get(1), 0, this.frames, AWAIT_SUBSCRIBER), 0,
					options.losslessCount(), "jeromq"));
		}
		print("(d) burst: appender overflow=block with the default queue and SNDHWM (block), with a queue that never "
				+ "fills (bigqueue); JeroMQ SNDHWM unlimited", bursts);
	}

	/**
	 * (c) The highest paced rate each sender delivers without loss with the sweep's
	 * settings, by bisection between 25,000/s and 1,600,000/s to within 5 %.
	 */
	private void searchLosslessRates(Options options) throws IOException {
		double appender = highestLossless((rate) -> measure(() -> new AppenderSender(this.endpoints.get(2),
				options.payload(), (zmq) -> sweepSettings(zmq, options)), rate, rate * options.seconds(), "appender"));
		sampleFrames();
		double jeromq = highestLossless((rate) -> measure(() -> new PlainSender(this.endpoints.get(3),
				options.sendHighWaterMark(), this.frames, AWAIT_SUBSCRIBER), rate, rate * options.seconds(), "jeromq"));
		System.out.printf("%n(c) highest lossless paced rate: appender %,.0f/s, jeromq %,.0f/s, ratio %.2f%n%n",
				appender, jeromq, appender / jeromq);
	}

	private static double highestLossless(Step step) throws IOException {
		long lossless = 0;
		long lossy = 1_600_000;
		long rate = 25_000;
		while (lossy - lossless > lossy / 20) {
			Measurement measured = step.run(rate);
			if (measured.received() == measured.sent()) {
				lossless = rate;
			}
			else {
				lossy = rate;
			}
			rate = (lossless + lossy) / 2;
		}
		return lossless;
	}

	/** One paced step at a rate. */
	private interface Step {

		Measurement run(long rate) throws IOException;

	}

	private static void sweepSettings(ZmqLogAppender zmq, Options options) {
		zmq.setQueueSize(options.queueSize());
		zmq.setSendHighWaterMark(options.sendHighWaterMark());
	}

	/** Takes the frames plain JeroMQ sends from what the appender sent: the same bytes on the wire. */
	private void sampleFrames() throws IOException {
		if (this.frames == null) {
			this.frames = this.receiver.sample();
			System.out.printf("frames: topic %d B, payload %d B%n", this.frames[0].length, this.frames[1].length);
		}
	}

	private static void lossless(ZmqLogAppender zmq) {
		zmq.setOverflow("block");
		zmq.setBlockTimeout("60s");
		zmq.setSendHighWaterMark(0);
	}

	/**
	 * Opens a sender, warms it up until the subscriber receives from it, then sends
	 * {@code count} messages at {@code rate} (0: unpaced) and waits for them to arrive.
	 */
	private Measurement measure(Supplier<Sender> opening, long rate, long count, String name) throws IOException {
		try (Sender sender = opening.get()) {
			warmUp(sender);
			long before = this.receiver.awaitCount(Long.MAX_VALUE, SETTLE_NANOS).count();
			long droppedBefore = sender.dropped();
			long start = System.nanoTime();
			send(sender, rate, count, start);
			long sentNanos = System.nanoTime() - start;
			ReceiverProcess.Arrival arrival = this.receiver.awaitCount(before + count, QUIET_NANOS);
			long received = arrival.count() - before;
			Measurement step = new Measurement(name, rate, count * 1e9 / sentNanos, count, received,
					received * 1e9 / Math.max(1, arrival.lastGrowthNanos() - start));
			System.out.printf("  %-8s %9s/s: offered %,10.0f/s delivered %,10.0f/s loss %6.2f%% (sender counted %d)%n",
					name, step.target(), step.offeredPerSecond(), step.deliveredPerSecond(), step.lossPercent(),
					sender.dropped() - droppedBefore);
			return step;
		}
	}

	private void warmUp(Sender sender) throws IOException {
		long before = this.receiver.count();
		long start = System.nanoTime();
		send(sender, WARM_UP_RATE, WARM_UP, start);
		this.receiver.awaitCount(before + WARM_UP, QUIET_NANOS);
	}

	/** Sends on schedule: message {@code i} is due at {@code start + i / rate}. */
	private static void send(Sender sender, long rate, long count, long start) {
		double nanosPerMessage = (rate > 0) ? 1e9 / rate : 0;
		for (long i = 0; i < count; i++) {
			if (rate > 0) {
				long early = start + (long) (i * nanosPerMessage) - System.nanoTime();
				if (early > 0) {
					LockSupport.parkNanos(early);
				}
			}
			sender.send(i);
		}
	}

	private static void print(String title, List<Measurement> steps) {
		System.out.println();
		System.out.println(title);
		System.out.println("| sender | target/s | offered/s | delivered/s | sent | received | loss |");
		System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (Measurement step : steps) {
			System.out.printf("| %s | %s | %,.0f | %,.0f | %,d | %,d | %.2f %% |%n", step.sender(), step.target(),
					step.offeredPerSecond(), step.deliveredPerSecond(), step.sent(), step.received(),
					step.lossPercent());
		}
		System.out.println();
	}

	private static void printMachine() {
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("JVM %s %s, %d CPUs, max heap %d MiB%n", System.getProperty("java.vm.name"),
				System.getProperty("java.version"), runtime.availableProcessors(), runtime.maxMemory() >> 20);
	}

	private static String freeEndpoint() throws IOException {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "tcp://127.0.0.1:" + probe.getLocalPort();
		}
	}

	/**
	 * @param seconds how long each paced step sends
	 * @param losslessCount messages sent by each unpaced step
	 * @param rates the paced rates, 0 for unpaced
	 * @param plot where the PNG goes
	 * @param payload the appender's payload, {@code json} or {@code text}
	 * @param rounds how many times the lossless pair is measured
	 * @param queueSize the sweep's appender queue (default: the appender's default)
	 * @param sendHighWaterMark the sweep's SNDHWM, for both senders (default: the appender's)
	 * @param search whether to search each sender's highest lossless paced rate
	 * @param burstRounds how many times the default-queue {@code overflow=block} burst is measured
	 */
	record Options(long seconds, long losslessCount, List<Long> rates, Path plot, String payload, int rounds,
			int queueSize, int sendHighWaterMark, boolean search, int burstRounds) {

		static Options parse(String[] args) {
			boolean search = false;
			int burstRounds = 0;
			int queueSize = ZmqLogAppender.DEFAULT_QUEUE_SIZE;
			int sendHighWaterMark = ZmqLogAppender.DEFAULT_SEND_HIGH_WATER_MARK;
			String payload = "json";
			int rounds = 1;
			long seconds = 2;
			long losslessCount = 500_000;
			List<Long> rates = List.of(25_000L, 50_000L, 100_000L, 200_000L, 400_000L, 800_000L, 0L);
			Path plot = Path.of("docs/benchmarks/throughput.png");
			for (int i = 0; i + 1 < args.length; i += 2) {
				String value = args[i + 1];
				switch (args[i]) {
					case "--seconds" -> seconds = Long.parseLong(value);
					case "--lossless" -> losslessCount = Long.parseLong(value);
					case "--rates" -> rates = Arrays.stream(value.split(",")).filter((rate) -> !rate.isBlank())
						.map(Long::valueOf)
						.toList();
					case "--payload" -> payload = value;
					case "--rounds" -> rounds = Integer.parseInt(value);
					case "--queue-size" -> queueSize = Integer.parseInt(value);
					case "--sndhwm" -> sendHighWaterMark = Integer.parseInt(value);
					case "--search" -> search = Boolean.parseBoolean(value);
					case "--bursts" -> burstRounds = Integer.parseInt(value);
					case "--plot" -> plot = Path.of(value);
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			return new Options(seconds, losslessCount, rates, plot, payload, rounds, queueSize, sendHighWaterMark,
					search, burstRounds);
		}

	}

}
