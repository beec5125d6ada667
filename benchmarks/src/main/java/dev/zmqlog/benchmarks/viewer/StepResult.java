package dev.zmqlog.benchmarks.viewer;

import java.util.Arrays;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * What one step measured, per second of its window, and whether the viewer and its
 * clients kept up: the viewer received what was offered and lost nothing, and every
 * client received what the viewer did, without gaps or skips.
 *
 * @param target the rate asked of the publishers
 * @param offered entries/s the publishers logged
 * @param ingested entries/s the viewer received
 * @param slowestClient entries/s the slowest client received
 * @param averageClient entries/s an average client received
 * @param publisherDropped entries the publishers' queues dropped
 * @param viewerLost entries the viewer found missing (sequence gaps)
 * @param clientLoss ids the clients missed or got twice, all together
 * @param skipped entries the viewer told the clients it skipped, all together
 * @param latency microseconds from logging call to receipt, every entry of every client
 * @param viewerCores CPU of the viewer's JVM, in cores
 * @param harnessCores CPU of the harness's JVM (publishers and clients), in cores
 * @param machineCores CPU of the whole machine, in cores
 */
record StepResult(double target, double offered, double ingested, double slowestClient, double averageClient,
		long publisherDropped, long viewerLost, long clientLoss, long skipped, Histogram latency, double viewerCores,
		double harnessCores, double machineCores) {

	static final String HEADER = "| offered/s | ingested/s | per client/s (slowest, mean) | publisher drops | viewer lost | client loss | skipped | p50 ms | p99 ms | max ms | CPU viewer | viewer µs/entry | CPU harness | CPU machine | keeps up |";

	static final String RULE = "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";

	/** Below this share of what came in, a stage counts as falling behind. */
	private static final double KEEPING_UP = 0.95;

	static StepResult between(double target, Step.Snapshot start, Step.Snapshot end, Histogram latency) {
		double seconds = (end.nanos() - start.nanos()) / 1e9;
		long[] delivered = new long[end.delivered().length];
		for (int i = 0; i < delivered.length; i++) {
			delivered[i] = end.delivered()[i] - start.delivered()[i];
		}
		return new StepResult(target, (end.logged() - start.logged()) / seconds,
				(end.received() - start.received()) / seconds, Arrays.stream(delivered).min().orElse(0) / seconds,
				Arrays.stream(delivered).average().orElse(0) / seconds, end.dropped() - start.dropped(),
				end.lost() - start.lost(), end.missingOrRepeated() - start.missingOrRepeated(),
				end.skipped() - start.skipped(), latency, (end.viewerCpuNanos() - start.viewerCpuNanos()) / 1e9 / seconds,
				(end.harnessCpuNanos() - start.harnessCpuNanos()) / 1e9 / seconds,
				(end.machineBusySeconds() - start.machineBusySeconds()) / seconds);
	}

	boolean keepsUp() {
		boolean clients = this.averageClient == 0 && this.latency.getTotalCount() == 0
				|| this.slowestClient >= KEEPING_UP * this.ingested && this.clientLoss == 0 && this.skipped == 0;
		return this.offered >= KEEPING_UP * this.target && this.ingested >= KEEPING_UP * this.offered
				&& this.publisherDropped == 0 && this.viewerLost == 0 && clients;
	}

	String row() {
		return String.format(Locale.ROOT,
				"| %,.0f | %,.0f | %,.0f, %,.0f | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.2f | %.1f | %.2f | %.2f | %s |",
				this.offered, this.ingested, this.slowestClient, this.averageClient, this.publisherDropped,
				this.viewerLost, this.clientLoss, this.skipped, millis(50), millis(99), this.latency.getMaxValue() / 1e3,
				this.viewerCores, this.viewerCores * 1e6 / Math.max(1, this.ingested), this.harnessCores, this.machineCores, keepsUp() ? "yes" : "no");
	}

	private double millis(double percentile) {
		return this.latency.getValueAtPercentile(percentile) / 1e3;
	}

}
