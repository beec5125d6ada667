package dev.zmqlog.benchmarks.viewer;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * One measurement at a fixed offered rate: the publishers log at that rate, and after a
 * warm-up the counters of publishers, viewer and clients are read at the start and the
 * end of a window.
 */
final class Step {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

	private final ViewerProcess viewer;

	private final PacedPublishers publishers;

	private final Receivers receivers;

	Step(ViewerProcess viewer, PacedPublishers publishers, Receivers receivers) {
		this.viewer = viewer;
		this.publishers = publishers;
		this.receivers = receivers;
	}

	/**
	 * Logs a little until the viewer has received from the publishers, so that they are
	 * connected, then at {@code compilationRate} for a while, so that the viewer's hot code is
	 * compiled before anything is measured. At 2,000/s its batches are small: the code that
	 * large ones take is compiled during the first fast steps (C2 at a quarter of a core
	 * there), unless the warm-up runs at a rate of that order.
	 */
	void warmUp(Duration compilation, double compilationRate) throws IOException, InterruptedException {
		this.publishers.rate(100);
		long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
		while (this.viewer.stats().received() < 200 && System.nanoTime() < deadline) {
			TimeUnit.MILLISECONDS.sleep(100);
		}
		this.publishers.rate(compilationRate);
		TimeUnit.NANOSECONDS.sleep(compilation.toNanos());
		this.publishers.rate(0);
		awaitClientsCaughtUp();
	}

	/** Until every client has every entry the viewer received: a backlog would skew the first step. */
	private void awaitClientsCaughtUp() throws IOException, InterruptedException {
		long received = this.viewer.stats().received();
		long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
		while (this.receivers.all().stream().anyMatch((receiver) -> receiver.entries() < received)
				&& System.nanoTime() < deadline) {
			TimeUnit.MILLISECONDS.sleep(100);
		}
	}

	StepResult measure(double rate, Duration warmup, Duration window) throws IOException, InterruptedException {
		this.publishers.rate(rate);
		TimeUnit.NANOSECONDS.sleep(warmup.toNanos());
		// latencies of the warm-up are left out
		this.receivers.all().forEach(StreamReceiver::latencySinceLastCall);
		Snapshot start = snapshot();
		TimeUnit.NANOSECONDS.sleep(window.toNanos());
		Snapshot end = snapshot();
		Histogram latency = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
		this.receivers.all().forEach((receiver) -> latency.add(receiver.latencySinceLastCall()));
		return StepResult.between(rate, start, end, latency);
	}

	private Snapshot snapshot() throws IOException, InterruptedException {
		List<StreamReceiver> all = this.receivers.all();
		ViewerProcess.Stats stats = this.viewer.stats();
		return new Snapshot(System.nanoTime(), this.publishers.logged(), this.publishers.dropped(), stats.received(),
				stats.lost(), all.stream().mapToLong(StreamReceiver::entries).toArray(),
				all.stream().mapToLong((receiver) -> receiver.missing() + receiver.repeated()).sum(),
				all.stream().mapToLong(StreamReceiver::skipped).sum(), this.viewer.cpu().toNanos(),
				ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos(),
				MachineCpu.busySeconds());
	}

	/**
	 * Counters at one moment.
	 *
	 * @param nanos when
	 * @param logged entries the publishers logged
	 * @param dropped entries the publishers' queues dropped
	 * @param received entries the viewer received
	 * @param lost entries the viewer found missing from sequence gaps
	 * @param delivered entries each client received
	 * @param missingOrRepeated ids the clients missed or got twice, all clients
	 * @param skipped entries the viewer told the clients it skipped, all clients
	 * @param viewerCpuNanos CPU time of the viewer's JVM
	 * @param harnessCpuNanos CPU time of this JVM
	 * @param machineBusySeconds CPU time of the whole machine
	 */
	record Snapshot(long nanos, long logged, long dropped, long received, long lost, long[] delivered,
			long missingOrRepeated, long skipped, long viewerCpuNanos, long harnessCpuNanos,
			double machineBusySeconds) {
	}

}
