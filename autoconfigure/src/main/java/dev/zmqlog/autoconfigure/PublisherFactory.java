package dev.zmqlog.autoconfigure;

import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.zmqlog.logback.ZmqLogAppender;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.logging.LogLevel;


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
		appender.settingNames(ZmqLogPropertyNames.INSTANCE);
		properties.endpoints().forEach(appender::addEndpoint);
		appender.mode(properties.mode());
		appender.setRootTopic((properties.rootTopic() != null) ? properties.rootTopic() : defaultRootTopic);
		appender.setAppName(defaultRootTopic.isEmpty() ? null : defaultRootTopic);
		appender.setFormat(properties.format());
		ZmqLogProperties.Formats formats = properties.formats();
		setIfPresent(formats.trace(), appender::setTraceFormat);
		setIfPresent(formats.debug(), appender::setDebugFormat);
		setIfPresent(formats.info(), appender::setInfoFormat);
		setIfPresent(formats.warn(), appender::setWarnFormat);
		setIfPresent(formats.error(), appender::setErrorFormat);
		appender.payload(properties.payload());
		appender.threshold(logbackLevel(properties.threshold()));
		appender.setSubtopicDelimiter(properties.subtopicDelimiter());
		appender.setSubtopicMdcKey(properties.subtopicMdcKey());
		appender.setQueueSize(properties.queueSize());
		appender.overflow(properties.overflow());
		appender.blockTimeout(properties.blockTimeout());
		appender.setSendHighWaterMark(properties.sendHighWaterMark());
		appender.awaitSubscriber(properties.awaitSubscriber());
		appender.awaitResubscribe(properties.awaitResubscribe());
		appender.linger(properties.linger());
		appender.setIncludeCallerData(properties.includeCallerData());
		ZmqLogProperties.Curve curve = properties.curve();
		appender.setCurveSecretKey(curve.secretKey());
		appender.setCurvePublicKey(curve.publicKey());
		appender.setCurveServerKey(curve.serverKey());
		curve.allowedClients().forEach(appender::addCurveAllowedClient);
		return appender;
	}

	/** Spring's level as Logback's: Logback has no FATAL, its ERROR is the highest. */
	private static Level logbackLevel(LogLevel level) {
		return switch (level) {
			case TRACE -> Level.TRACE;
			case DEBUG -> Level.DEBUG;
			case INFO -> Level.INFO;
			case WARN -> Level.WARN;
			case ERROR, FATAL -> Level.ERROR;
			case OFF -> Level.OFF;
		};
	}

	private static void setIfPresent(@Nullable String format, Consumer<String> setter) {
		if (format != null && !format.isBlank()) {
			setter.accept(format);
		}
	}

}
