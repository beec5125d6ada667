package dev.zmqlog.viewer.web;

import java.time.Clock;
import java.time.Duration;

import dev.zmqlog.viewer.ingest.SupervisedSubscriber;
import dev.zmqlog.viewer.store.HistoryStore;
import dev.zmqlog.viewer.store.StoreReport;
import dev.zmqlog.viewer.store.StoreWriter;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The viewer's own health ({@code /actuator/health}): {@code DOWN} while the subscriber
 * does not receive, or the store's writer has stopped or failed within the last minute;
 * the details are what {@code /api/stats} shows of both.
 */
public final class ViewerHealthIndicator extends AbstractHealthIndicator {

	/** A store failure this recent keeps the viewer DOWN. */
	static final Duration RECENT_FAILURE = Duration.ofMinutes(1);

	private final SupervisedSubscriber subscriber;

	private final HistoryStore store;

	private final StoreWriter storeWriter;

	private final Clock clock;

	public ViewerHealthIndicator(SupervisedSubscriber subscriber, HistoryStore store, StoreWriter storeWriter,
			Clock clock) {
		super("zmqlog viewer health check failed");
		this.subscriber = subscriber;
		this.store = store;
		this.storeWriter = storeWriter;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		SupervisedSubscriber.State subscriber = this.subscriber.state();
		StoreReport store = StoreReport.of(this.store, this.storeWriter);
		boolean storeFailing = (this.store.durable() && !store.writing()) || (store.lastErrorAt() != null
				&& store.lastErrorAt().isAfter(this.clock.instant().minus(RECENT_FAILURE)));
		builder.status((subscriber.receiving() && !storeFailing) ? Status.UP : Status.DOWN)
			.withDetail("subscriber", subscriber)
			.withDetail("store", store);
	}

}
