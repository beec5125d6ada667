package dev.zmqlog.benchmarks;

/**
 * One step of the throughput harness.
 *
 * @param sender who sent: {@code appender} or {@code jeromq}
 * @param targetPerSecond the paced rate asked for, or 0 for as fast as the sender goes
 * @param offeredPerSecond the rate the messages were actually sent at
 * @param sent messages sent (logging calls, for the appender)
 * @param received messages the subscriber received
 * @param deliveredPerSecond received messages per second, from the first send to the last
 * arrival
 */
record Measurement(String sender, double targetPerSecond, double offeredPerSecond, long sent, long received,
		double deliveredPerSecond) {

	double lossPercent() {
		return (this.sent == 0) ? 0 : 100.0 * (this.sent - this.received) / this.sent;
	}

	String target() {
		return (this.targetPerSecond > 0) ? String.format("%,.0f", this.targetPerSecond) : "unpaced";
	}

}
