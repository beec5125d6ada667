package dev.zmqlog.autoconfigure;

import dev.zmqlog.logback.ZmqLogAppender;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Whether logs are being published. A publisher that is not running reports
 * {@code UNKNOWN}, not {@code DOWN}: lost logs must not take the application out of
 * service.
 */
public final class ZmqLogHealthIndicator extends AbstractHealthIndicator {

	private final ZmqLogAppender publisher;

	public ZmqLogHealthIndicator(ZmqLogAppender publisher) {
		super("ZeroMQ log publisher health check failed");
		this.publisher = publisher;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.status(this.publisher.isStarted() ? Status.UP : Status.UNKNOWN)
			.withDetail("endpoints", this.publisher.getEndpoints())
			.withDetail("published", this.publisher.getPublishedCount())
			.withDetail("dropped", this.publisher.getDroppedCount())
			.withDetail("queued", this.publisher.getQueuedCount());
	}

}
