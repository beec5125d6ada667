package dev.zmqlog.autoconfigure;

import dev.zmqlog.logback.ZmqLogAppender;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The publisher's counters as Micrometer meters: {@code zmqlog.events.published},
 * {@code zmqlog.events.dropped} and {@code zmqlog.queue.size}.
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
	}

}
