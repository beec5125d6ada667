package dev.zmqlog.viewer;

import ch.qos.logback.classic.LoggerContext;
import dev.zmqlog.viewer.history.EntryHistory;
import dev.zmqlog.viewer.history.SequenceGaps;
import dev.zmqlog.viewer.history.TopicCounts;
import dev.zmqlog.viewer.ingest.EntryIngest;
import dev.zmqlog.viewer.ingest.EntryRelay;
import dev.zmqlog.viewer.ingest.IngestStats;
import dev.zmqlog.viewer.ingest.SubscriberLifecycle;
import dev.zmqlog.viewer.web.LiveStream;
import dev.zmqlog.viewer.web.LiveStreamHandler;
import dev.zmqlog.viewer.web.ReadyBanner;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The viewer's parts, from the subscriber to the browsers.
 */
@Configuration(proxyBeanMethods = false)
class ViewerConfiguration {

	/** Topics beyond this many are counted together: a publisher cannot exhaust memory by inventing topics. */
	private static final int MAX_TOPICS = 10_000;

	@Bean
	EntryHistory entryHistory(ViewerProperties properties) {
		return new EntryHistory(properties.historySize(), properties.historyMaxMemory().toBytes());
	}

	@Bean
	TopicCounts topicCounts() {
		return new TopicCounts(MAX_TOPICS);
	}

	@Bean
	SequenceGaps sequenceGaps() {
		return new SequenceGaps();
	}

	@Bean
	IngestStats ingestStats() {
		return new IngestStats();
	}

	@Bean
	LiveStream liveStream(EntryHistory history) {
		return new LiveStream(history);
	}

	@Bean(destroyMethod = "shutdown")
	LiveStreamHandler liveStreamHandler(LiveStream liveStream, JsonMapper json, ViewerProperties properties) {
		return new LiveStreamHandler(liveStream, json, properties.sessionQueueSize());
	}

	@Bean
	EntryIngest entryIngest(LiveStream liveStream, TopicCounts topics, SequenceGaps gaps, IngestStats stats,
			ViewerProperties properties) {
		EntryRelay relay = properties.relay() ? new EntryRelay((LoggerContext) LoggerFactory.getILoggerFactory())
				: null;
		return new EntryIngest(liveStream, topics, gaps, stats, relay);
	}

	@Bean
	ReadyBanner readyBanner(ViewerProperties properties) {
		return new ReadyBanner(properties);
	}

	@Bean
	SubscriberLifecycle subscriberLifecycle(ViewerProperties properties, EntryIngest ingest, IngestStats stats) {
		return new SubscriberLifecycle(properties, ingest, stats);
	}

}
