package dev.zmqlog.benchmarks.viewer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The viewer end to end: N publishers (real {@code ZmqLogAppender}s) → the real viewer
 * jar in a child JVM → M WebSocket clients, each step at a fixed offered rate. Prints one
 * Markdown table row per step: offered, ingested and delivered entries/s, loss, skipped
 * notices, latency from the logging call to receipt, and the CPU the viewer, this JVM
 * (publishers and clients) and the whole machine used. Scenarios:
 * <ul>
 * <li>{@code latency}: 1,000 entries/s to M clients;</li>
 * <li>{@code ramp}: increasing rates to M clients until they fall behind or the viewer
 * drops;</li>
 * <li>{@code ingest}: the same ramp without clients, the viewer's ingestion alone.</li>
 * </ul>
 * Run (after building {@code viewer-app} and {@code benchmarks}):
 * {@code java -cp benchmarks/target/benchmarks.jar dev.zmqlog.benchmarks.viewer.ViewerEndToEnd}
 * with options {@code --scenarios latency,ramp,ingest --publishers 4 --clients 10
 * --rates 10000,20000,... --jit-warmup 10 --jit-warmup-rate 2000 --warmup 2 --seconds 5 --latency-seconds 10
 * --jars viewer-app/target/zmqlog-viewer.jar,/tmp/other-viewer.jar --viewer-jvm "-Xmx2g"
 * --viewer-args "--zmq.log.viewer.store.type=memory"}; with several jars each scenario runs
 * with each jar in turn. The viewer keeps its history in memory by default, so that the
 * fan-out is measured without the embedded store (measured on its own: BENCHMARKS.md §7);
 * {@code --viewer-args ""} runs it with its own defaults.
 */
public final class ViewerEndToEnd {

	private final HarnessOptions options;

	private ViewerEndToEnd(HarnessOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		HarnessOptions options = HarnessOptions.parse(args);
		System.out.printf(Locale.ROOT,
				"%s, %d cores, Java %s (%s), load average %s; %d publishers, json payload; viewer JVM %s, viewer %s%n",
				LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				System.getProperty("java.vm.name"), MachineCpu.loadAverage(), options.publishers(), options.viewerJvm(),
				options.viewerArgs());
		new ViewerEndToEnd(options).run();
	}

	/** Each scenario with each viewer jar in turn, so that jars are compared side by side. */
	private void run() throws Exception {
		for (String scenario : this.options.scenarios()) {
			for (Path jar : this.options.jars()) {
				switch (scenario) {
					case "latency" -> scenario(jar, "latency: 1,000 entries/s", this.options.clients(), List.of(1_000.0),
							this.options.latencyWindow());
					case "ramp" -> scenario(jar, "ramp", this.options.clients(), this.options.rates(),
							this.options.window());
					case "ingest" -> scenario(jar, "ingest", 0, this.options.rates(), this.options.window());
					default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
				}
			}
		}
	}

	private void scenario(Path jar, String title, int clients, List<Double> rates, Duration window)
			throws Exception {
		System.out.printf(Locale.ROOT, "%n### %s, %d clients, %s%n%n%s%n%s%n", title, clients, jar, StepResult.HEADER,
				StepResult.RULE);
		try (ViewerProcess viewer = ViewerProcess.start(jar, this.options.viewerJvm(), this.options.viewerArgs());
				Receivers receivers = Receivers.connect(viewer.httpPort(), clients);
				PacedPublishers publishers = new PacedPublishers(viewer.endpoint(), this.options.publishers())) {
			Step step = new Step(viewer, publishers, receivers);
			step.warmUp(this.options.compilation(), this.options.compilationRate());
			for (double rate : rates) {
				StepResult result = step.measure(rate, this.options.warmup(), window);
				System.out.println(result.row());
				if (!result.keepsUp()) {
					break;
				}
			}
			publishers.rate(0);
		}
	}

	/**
	 * The harness's command line.
	 */
	record HarnessOptions(List<String> scenarios, int publishers, int clients, List<Double> rates, Duration warmup,
			Duration window, Duration latencyWindow, Duration compilation, double compilationRate, List<Path> jars,
			List<String> viewerJvm, List<String> viewerArgs) {

		static HarnessOptions parse(String[] args) {
			List<String> scenarios = List.of("latency", "ramp", "ingest");
			int publishers = 4;
			int clients = 10;
			List<Double> rates = List.of(5_000.0, 10_000.0, 20_000.0, 40_000.0, 60_000.0, 80_000.0, 100_000.0,
					150_000.0, 200_000.0, 300_000.0);
			Duration warmup = Duration.ofSeconds(2);
			Duration window = Duration.ofSeconds(5);
			Duration latencyWindow = Duration.ofSeconds(10);
			Duration compilation = Duration.ofSeconds(10);
			double compilationRate = 2_000;
			List<Path> jars = List.of(Path.of("viewer-app/target/zmqlog-viewer.jar"));
			List<String> viewerJvm = List.of("-Xmx2g");
			List<String> viewerArgs = List.of("--zmq.log.viewer.store.type=memory");
			for (int i = 0; i + 1 < args.length; i += 2) {
				String value = args[i + 1];
				switch (args[i]) {
					case "--scenarios" -> scenarios = List.of(value.split(","));
					case "--publishers" -> publishers = Integer.parseInt(value);
					case "--clients" -> clients = Integer.parseInt(value);
					case "--rates" -> rates = Arrays.stream(value.split(",")).map(Double::valueOf).toList();
					case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
					case "--seconds" -> window = Duration.ofSeconds(Long.parseLong(value));
					case "--latency-seconds" -> latencyWindow = Duration.ofSeconds(Long.parseLong(value));
					case "--jit-warmup" -> compilation = Duration.ofSeconds(Long.parseLong(value));
					case "--jit-warmup-rate" -> compilationRate = Double.parseDouble(value);
					case "--jars" -> jars = Arrays.stream(value.split(",")).map(Path::of).toList();
					case "--viewer-jvm" -> viewerJvm = words(value);
					case "--viewer-args" -> viewerArgs = words(value);
					default -> throw new IllegalArgumentException("Unknown option " + args[i]);
				}
			}
			if (args.length % 2 != 0) {
				throw new IllegalArgumentException("Option without a value: " + args[args.length - 1]);
			}
			return new HarnessOptions(scenarios, publishers, clients, rates, warmup, window, latencyWindow, compilation,
					compilationRate, jars, viewerJvm, viewerArgs);
		}

		private static List<String> words(String value) {
			return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
		}

	}

}
