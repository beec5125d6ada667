package dev.zmqlog.viewer.ingest;

import dev.zmqlog.transport.LogSubscriber;
import dev.zmqlog.viewer.ViewerProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the subscriber while the viewer runs. An endpoint that cannot be used stops the
 * viewer's start with the reason: a viewer that receives nothing is no use.
 */
public final class SubscriberLifecycle implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SubscriberLifecycle.class);

	private final ViewerProperties properties;

	private final EntryIngest ingest;

	private final IngestStats stats;

	private @Nullable LogSubscriber subscriber;

	public SubscriberLifecycle(ViewerProperties properties, EntryIngest ingest, IngestStats stats) {
		this.properties = properties;
		this.ingest = ingest;
		this.stats = stats;
	}

	@Override
	public void start() {
		this.subscriber = LogSubscriber.builder()
			.endpoints(this.properties.endpoints())
			.mode(this.properties.mode())
			.topics(this.properties.topics())
			.curve(this.properties.curve().settings())
			.maxMessageSize((int) Math.min(Integer.MAX_VALUE, this.properties.maxMessageSize().toBytes()))
			.threadName("zmqlog-viewer-subscriber")
			.listener(this.ingest)
			.refusals(this.stats.peerRefusals())
			.errorHandler((ex) -> logger.warn("Subscriber: {}", ex.toString()))
			.start();
		logger.info("Subscribed to {} ({}{}), topics {}", this.properties.endpoints(),
				this.properties.mode().name().toLowerCase(),
				this.properties.curve().settings().enabled() ? ", CURVE" : "", this.properties.topics());
	}

	@Override
	public void stop() {
		LogSubscriber running = this.subscriber;
		this.subscriber = null;
		if (running != null) {
			running.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.subscriber != null;
	}

	@Override
	public int getPhase() {
		// after the web server, so that browsers can connect before entries arrive
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
