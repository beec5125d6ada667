package dev.zmqlog.viewer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import ch.qos.logback.classic.LoggerContext;
import dev.zmqlog.transport.LogSubscriber;
import dev.zmqlog.viewer.entry.EntryJson;
import dev.zmqlog.viewer.entry.EntrySink;
import dev.zmqlog.viewer.history.RecentWindow;
import dev.zmqlog.viewer.history.SourceTable;
import dev.zmqlog.viewer.history.TopicCounts;
import dev.zmqlog.viewer.ingest.EntryIngest;
import dev.zmqlog.viewer.ingest.EntryRelay;
import dev.zmqlog.viewer.ingest.IngestStats;
import dev.zmqlog.viewer.ingest.SupervisedSubscriber;
import dev.zmqlog.viewer.store.EmbeddedStoreOpener;
import dev.zmqlog.viewer.store.EntryHistory;
import dev.zmqlog.viewer.store.HistoryStore;
import dev.zmqlog.viewer.store.MemoryStore;
import dev.zmqlog.viewer.store.StoreWriter;
import dev.zmqlog.viewer.web.Broadcaster;
import dev.zmqlog.viewer.web.LiveStreamHandler;
import dev.zmqlog.viewer.web.ReadyBanner;
import dev.zmqlog.viewer.web.ViewerHealthIndicator;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The viewer's parts, along the one path entries take: subscriber → {@link EntryIngest}
 * (decoded, counted, numbered) → the sinks in order: {@link RecentWindow}, then the
 * {@link Broadcaster} to browsers (and the relay, when on), then the {@link StoreWriter},
 * which queues for the store's own thread.
 */
@Configuration(proxyBeanMethods = false)
class ViewerConfiguration {

	@Bean
	Clock viewerClock() {
		return Clock.systemUTC();
	}

	@Bean
	EntryJson entryJson() {
		return new EntryJson();
	}

	/** Lucene's indexing buffer: flushed to a segment when full, part of the store's heap. */
	private static final double STORE_RAM_BUFFER_MB = 16;

	@Bean
	HistoryStore historyStore(ViewerProperties properties, Clock viewerClock, ObjectProvider<DataSource> dataSource) {
		ViewerProperties.Store store = properties.store();
		return switch (store.type()) {
			case MEMORY -> new MemoryStore();
			case EMBEDDED -> new EmbeddedStoreOpener(viewerClock, STORE_RAM_BUFFER_MB).open(store.path());
			case JDBC -> JdbcStoreConfiguration.open(dataSource.getObject());
		};
	}

	@Bean
	StoreWriter storeWriter(HistoryStore historyStore, SourceTable sources, ViewerProperties properties,
			Clock viewerClock) {
		ViewerProperties.Store store = properties.store();
		return new StoreWriter(historyStore, () -> sources.saved(StoreWriter.MAX_SAVED_SOURCES), viewerClock,
				store.bufferMaxMemory().toBytes(), store.maxSize().toBytes(), store.maxAge(),
				store.standbyMaxMemory().toBytes());
	}

	@Bean
	EntryHistory entryHistory(RecentWindow window, HistoryStore historyStore, Clock viewerClock) {
		return new EntryHistory(window, historyStore, viewerClock);
	}

	@Bean
	RecentWindow recentWindow(ViewerProperties properties, HistoryStore historyStore) {
		return new RecentWindow(properties.historySize(), properties.historyMaxMemory().toBytes(),
				historyStore.nextId());
	}

	@Bean
	TopicCounts topicCounts(ViewerProperties properties) {
		return new TopicCounts(properties.topicsMaxMemory().toBytes());
	}

	@Bean
	SourceTable sourceTable(ViewerProperties properties, Clock viewerClock, HistoryStore historyStore) {
		SourceTable sources = new SourceTable(properties.sourcesMaxMemory().toBytes(), viewerClock);
		sources.restore(historyStore.savedSources());
		return sources;
	}

	@Bean
	IngestStats ingestStats(Clock viewerClock) {
		return new IngestStats(viewerClock);
	}

	@Bean(destroyMethod = "close")
	Broadcaster broadcaster(RecentWindow window, EntryJson json) {
		return new Broadcaster(window, json);
	}

	@Bean(destroyMethod = "shutdown")
	LiveStreamHandler liveStreamHandler(Broadcaster broadcaster, EntryHistory history, EntryJson json,
			ViewerProperties properties) {
		return new LiveStreamHandler(broadcaster, history, json, properties.sessionQueueSize(),
				properties.sessionMaxMemory().toBytes(), properties.stallTimeout(), System::nanoTime);
	}

	@Bean
	EntryIngest entryIngest(RecentWindow window, Broadcaster broadcaster, TopicCounts topics, SourceTable sources,
			IngestStats stats, ViewerProperties properties, HistoryStore historyStore, StoreWriter storeWriter) {
		List<EntrySink> sinks = new ArrayList<>(List.of(window, broadcaster));
		if (properties.relay()) {
			sinks.add(new EntryRelay((LoggerContext) LoggerFactory.getILoggerFactory()));
		}
		if (historyStore.durable()) {
			// last: the window and the browsers have the entry before the store queues it
			sinks.add(storeWriter);
		}
		return new EntryIngest(topics, sources, stats, window.newestId() + 1, sinks);
	}

	/** The viewer's health in {@code /actuator/health}: subscriber and store. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	static class ViewerHealthConfiguration {

		@Bean
		ViewerHealthIndicator viewerHealthIndicator(SupervisedSubscriber subscriber, HistoryStore historyStore,
				StoreWriter storeWriter, Clock viewerClock) {
			return new ViewerHealthIndicator(subscriber, historyStore, storeWriter, viewerClock);
		}

	}

	@Bean
	ReadyBanner readyBanner(ViewerProperties properties) {
		return new ReadyBanner(properties.endpoints(), properties.mode().name().toLowerCase());
	}

	@Bean
	SupervisedSubscriber supervisedSubscriber(ViewerProperties properties, EntryIngest ingest, IngestStats stats,
			Clock viewerClock) {
		int maxMessageSize = (int) Math.min(Integer.MAX_VALUE, properties.maxMessageSize().toBytes());
		return new SupervisedSubscriber(() -> LogSubscriber.builder()
			.endpoints(properties.endpoints())
			.mode(properties.mode())
			.topics(properties.topics())
			.curve(properties.curve().settings())
			.maxMessageSize(maxMessageSize)
			// an entry has its message and exception, never the publisher's formatted line
			.ignoreFormatted()
			.receiveBuffer(properties.receiveBuffer().toBytes())
			.shedMessages(stats.shedMessages())
			.refusals(stats.peerRefusals()), ingest, viewerClock);
	}

}
