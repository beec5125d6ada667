package dev.zmqlog.benchmarks.viewer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real viewer, {@code zmqlog-viewer.jar}, in a child JVM: binds a free ZeroMQ port
 * for the publishers to connect to and serves HTTP and the stream on another free port.
 * Its output goes to a log file, named when it fails to start. It runs in a temporary
 * folder of its own, removed when it stops: an embedded store writes there, not into the
 * checkout the harness was started from.
 */
final class ViewerProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static final Pattern RECEIVED = Pattern.compile("\"received\":(\\d+)");

	private static final Pattern LOST = Pattern.compile("\"lost\":(\\d+)");

	private final Process process;

	private final Path log;

	private final Path folder;

	private final int httpPort;

	private final String endpoint;

	private final HttpClient http = HttpClient.newHttpClient();

	private ViewerProcess(Process process, Path log, Path folder, int httpPort, String endpoint) {
		this.process = process;
		this.log = log;
		this.folder = folder;
		this.httpPort = httpPort;
		this.endpoint = endpoint;
	}

	/**
	 * Starts the viewer and waits until its API answers.
	 * @param jar the viewer's executable jar
	 * @param jvmOptions options of the viewer's JVM, e.g. a heap size
	 * @param viewerArgs the viewer's own arguments, e.g. {@code --zmq.log.viewer.store.type=memory}
	 */
	static ViewerProcess start(Path jar, List<String> jvmOptions, List<String> viewerArgs)
			throws IOException, InterruptedException {
		int httpPort = freePort();
		String endpoint = "tcp://127.0.0.1:" + freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--zmq.log.viewer.endpoints=" + endpoint,
				"--zmq.log.viewer.mode=bind", "--server.port=" + httpPort));
		command.addAll(viewerArgs);
		Path log = Files.createTempFile("zmqlog-viewer-bench-", ".log");
		Path folder = Files.createTempDirectory("zmqlog-viewer-bench-");
		Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
			.redirectOutput(log.toFile()).start();
		ViewerProcess viewer = new ViewerProcess(process, log, folder, httpPort, endpoint);
		viewer.awaitApi();
		return viewer;
	}

	private void awaitApi() throws InterruptedException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The viewer exited with " + this.process.exitValue() + ", see " + this.log);
			}
			try {
				stats();
				return;
			}
			catch (IOException ex) {
				// not listening yet
				TimeUnit.MILLISECONDS.sleep(200);
			}
		}
		throw new IllegalStateException("The viewer did not answer within " + START_TIMEOUT + ", see " + this.log);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Entries received so far and events lost on the way (sequence gaps), from {@code /api/stats}. */
	Stats stats() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/api/stats"))
			.timeout(Duration.ofSeconds(10))
			.build();
		String body = this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		return new Stats(number(RECEIVED, body), number(LOST, body));
	}

	private static long number(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("Unexpected /api/stats answer: " + body);
		}
		return Long.parseLong(matcher.group(1));
	}

	/** CPU time the viewer's JVM has used, all threads. */
	Duration cpu() {
		return this.process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	int httpPort() {
		return this.httpPort;
	}

	/** Where publishers connect. */
	String endpoint() {
		return this.endpoint;
	}

	@Override
	public void close() throws InterruptedException, IOException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
		try (Stream<Path> paths = Files.walk(this.folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * @param received entries the viewer received
	 * @param lost events lost before the viewer, from sequence gaps
	 */
	record Stats(long received, long lost) {
	}

}
