package dev.zmqlog.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.zmqlog.logback.ZmqLogAppender;

/**
 * End-to-end throughput from SLF4J calls through {@link ZmqLogAppender} to a SUB socket in
 * another JVM over tcp loopback, against plain JeroMQ sending the same frames to the same
 * subscriber, in one run. Prints (a) the lossless throughput of both, unpaced with nothing
 * allowed to drop, and (b) a sweep of paced rates with the appender's default settings,
 * and writes the sweep as a PNG.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar dev.zmqlog.benchmarks.ThroughputHarness
 * [--seconds 2] [--lossless 500000] [--rates 25000,50000,...,0] [--plot FILE]}; a rate of
 * 0 means unpaced.
 */
public final class ThroughputHarness {

	private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

	private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

	private static final int WARM_UP = 50_000;

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
		List<Measurement> lossless = new ArrayList<>();
		lossless.add(measure(() -> new AppenderSender(this.endpoints.get(0), ThroughputHarness::lossless), 0,
				options.losslessCount(), "appender"));
		this.frames = this.receiver.sample();
		System.out.printf("frames: topic %d B, payload %d B%n", this.frames[0].length, this.frames[1].length);
		lossless.add(measure(() -> new PlainSender(this.endpoints.get(1), 0, this.frames, AWAIT_SUBSCRIBER), 0,
				options.losslessCount(), "jeromq"));
		print("(a) lossless: unpaced, appender overflow=block and SNDHWM unlimited, JeroMQ SNDHWM unlimited",
				lossless);
		System.out.printf("appender / jeromq: %.2f%n",
				lossless.get(0).deliveredPerSecond() / lossless.get(1).deliveredPerSecond());
		List<Measurement> sweep = new ArrayList<>();
		for (long rate : options.rates()) {
			long count = (rate > 0) ? rate * options.seconds() : options.losslessCount();
			sweep.add(measure(() -> new AppenderSender(this.endpoints.get(2), (zmq) -> {
			}), rate, count, "appender"));
			sweep.add(measure(() -> new PlainSender(this.endpoints.get(3), ZmqLogAppender.DEFAULT_SEND_HIGH_WATER_MARK,
					this.frames, AWAIT_SUBSCRIBER), rate, count, "jeromq"));
		}
		print("(b) load sweep: appender defaults (queue " + ZmqLogAppender.DEFAULT_QUEUE_SIZE + ", overflow=drop, SNDHWM "
				+ ZmqLogAppender.DEFAULT_SEND_HIGH_WATER_MARK + "), JeroMQ SNDHWM "
				+ ZmqLogAppender.DEFAULT_SEND_HIGH_WATER_MARK, sweep);
		ThroughputPlot.write(sweep, "zmqlog appender vs plain JeroMQ, same frames, tcp loopback", options.plot());
		System.out.println("plot: " + options.plot());
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
		send(sender, 100_000, WARM_UP, start);
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
	 */
	record Options(long seconds, long losslessCount, List<Long> rates, Path plot) {

		static Options parse(String[] args) {
			long seconds = 2;
			long losslessCount = 500_000;
			List<Long> rates = List.of(25_000L, 50_000L, 100_000L, 200_000L, 400_000L, 800_000L, 0L);
			Path plot = Path.of("docs/benchmarks/throughput.png");
			for (int i = 0; i + 1 < args.length; i += 2) {
				String value = args[i + 1];
				switch (args[i]) {
					case "--seconds" -> seconds = Long.parseLong(value);
					case "--lossless" -> losslessCount = Long.parseLong(value);
					case "--rates" -> rates = java.util.Arrays.stream(value.split(",")).map(Long::valueOf).toList();
					case "--plot" -> plot = Path.of(value);
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			return new Options(seconds, losslessCount, rates, plot);
		}

	}

}
