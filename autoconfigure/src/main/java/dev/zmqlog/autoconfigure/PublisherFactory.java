package dev.zmqlog.autoconfigure;

import java.util.function.Consumer;

import ch.qos.logback.classic.LoggerContext;
import dev.zmqlog.logback.ZmqLogAppender;
import org.jspecify.annotations.Nullable;


/**
 * Makes the appender that {@link ZmqLogProperties} describe.
 */
final class PublisherFactory {

	static final String APPENDER_NAME = "ZMQLOG";

	private PublisherFactory() {
	}

	static ZmqLogAppender create(ZmqLogProperties properties, String defaultRootTopic, LoggerContext context) {
		ZmqLogAppender appender = new ZmqLogAppender();
		appender.setContext(context);
		appender.setName(APPENDER_NAME);
		properties.endpoints().forEach(appender::addEndpoint);
		appender.setMode(properties.mode().name());
		appender.setRootTopic((properties.rootTopic() != null) ? properties.rootTopic() : defaultRootTopic);
		appender.setAppName(defaultRootTopic.isEmpty() ? null : defaultRootTopic);
		appender.setFormat(properties.format());
		ZmqLogProperties.Formats formats = properties.formats();
		setIfPresent(formats.trace(), appender::setTraceFormat);
		setIfPresent(formats.debug(), appender::setDebugFormat);
		setIfPresent(formats.info(), appender::setInfoFormat);
		setIfPresent(formats.warn(), appender::setWarnFormat);
		setIfPresent(formats.error(), appender::setErrorFormat);
		appender.setPayload(properties.payload().name());
		appender.setThreshold(properties.threshold().name());
		appender.setSubtopicDelimiter(properties.subtopicDelimiter());
		appender.setSubtopicMdcKey(properties.subtopicMdcKey());
		appender.setQueueSize(properties.queueSize());
		appender.setOverflow(properties.overflow().name());
		appender.setBlockTimeout(properties.blockTimeout().toString());
		appender.setSendHighWaterMark(properties.sendHighWaterMark());
		appender.setAwaitSubscriber(properties.awaitSubscriber().toString());
		appender.setAwaitResubscribe(properties.awaitResubscribe().toString());
		appender.setLinger(properties.linger().toString());
		appender.setIncludeCallerData(properties.includeCallerData());
		ZmqLogProperties.Curve curve = properties.curve();
		appender.setCurveSecretKey(curve.secretKey());
		appender.setCurvePublicKey(curve.publicKey());
		appender.setCurveServerKey(curve.serverKey());
		appender.setCurveAllowedClients(String.join(",", curve.allowedClients()));
		return appender;
	}

	private static void setIfPresent(@Nullable String format, Consumer<String> setter) {
		if (format != null && !format.isBlank()) {
			setter.accept(format);
		}
	}

}
