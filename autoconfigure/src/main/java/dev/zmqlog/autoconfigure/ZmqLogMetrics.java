package dev.zmqlog.autoconfigure;

import dev.zmqlog.logback.ZmqLogAppender;
import dev.zmqlog.transport.PeerRefusals;
import dev.zmqlog.transport.RefusalReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The publisher's counters as Micrometer meters: {@code zmqlog.events.published},
 * {@code zmqlog.events.dropped}, {@code zmqlog.queue.size}, and
 * {@code zmqlog.peers.refused} with a {@code reason} tag (peers cut off for what they sent).
 */
public final class ZmqLogMetrics implements MeterBinder {

	private final ZmqLogAppender publisher;

	public ZmqLogMetrics(ZmqLogAppender publisher) {
		this.publisher = publisher;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("zmqlog.events.published", this.publisher, ZmqLogAppender::getPublishedCount)
			.description("Log events sent on the ZeroMQ socket")
			.register(registry);
		FunctionCounter.builder("zmqlog.events.dropped", this.publisher, ZmqLogAppender::getDroppedCount)
			.description("Log events dropped: queue full, encoding failure, or shutdown time ran out")
			.register(registry);
		Gauge.builder("zmqlog.queue.size", this.publisher, ZmqLogAppender::getQueuedCount)
			.description("Log events waiting for the publishing thread")
			.register(registry);
		PeerRefusals refusals = PeerRefusals.publishers();
		for (RefusalReason reason : RefusalReason.values()) {
			FunctionCounter.builder("zmqlog.peers.refused", refusals, (counts) -> counts.count(reason))
				.description("Peers whose connection the publishing socket refused and closed")
				.tag("reason", reason.key())
				.register(registry);
		}
	}

}
