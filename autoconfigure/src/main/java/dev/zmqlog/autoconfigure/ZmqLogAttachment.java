package dev.zmqlog.autoconfigure;

import java.util.Iterator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.Appender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.zmqlog.logback.ZmqLogAppender;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The publisher of one application, attached to Logback's root logger. It re-attaches
 * itself after every Logback reset (Spring Boot resets Logback when it initialises
 * logging, once per {@code SpringApplication}), attaches at most once, and flushes and
 * closes the publisher when detached.
 */
public final class ZmqLogAttachment implements LoggerContextListener {

	private final LoggerContext loggerContext;

	private final ZmqLogAppender publisher;

	private volatile boolean attached;

	ZmqLogAttachment(LoggerContext loggerContext, ZmqLogAppender publisher) {
		this.loggerContext = loggerContext;
		this.publisher = publisher;
	}

	/** The publishing appender, for its counters and state. */
	public ZmqLogAppender publisher() {
		return this.publisher;
	}

	/**
	 * Starts the publisher and adds it to the root logger unless another publisher is
	 * there already, the starter's or one the logging configuration declares: Logback is
	 * one per JVM, so one publisher sends every event once.
	 * @return whether this attachment is now attached
	 */
	boolean attach() {
		if (rootLogger().getAppender(PublisherFactory.APPENDER_NAME) != null) {
			return false;
		}
		String declared = declaredPublisher();
		if (declared != null) {
			LoggerFactory.getLogger(ZmqLogAttachment.class).info(
					"The logging configuration declares a ZeroMQ publisher ({}): zmq.log.* settings are not used", declared);
			return false;
		}
		this.publisher.start();
		if (!this.publisher.isStarted()) {
			return false;
		}
		this.attached = true;
		this.loggerContext.addListener(this);
		addForwarder();
		return true;
	}

	/** Removes the publisher from the root logger, sends what is queued and closes it. */
	void detach() {
		if (!this.attached) {
			return;
		}
		this.attached = false;
		this.loggerContext.removeListener(this);
		Logger root = rootLogger();
		Appender<?> forwarder = root.getAppender(PublisherFactory.APPENDER_NAME);
		if (forwarder instanceof ForwardingAppender forwarding && forwarding.forwardsTo(this.publisher)) {
			root.detachAppender(forwarding);
			forwarding.stop();
		}
		this.publisher.stop();
	}

	/** The logger and name of a {@link ZmqLogAppender} that the logging configuration attached, or {@code null}. */
	private @Nullable String declaredPublisher() {
		for (Logger logger : this.loggerContext.getLoggerList()) {
			Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders();
			while (appenders.hasNext()) {
				Appender<ILoggingEvent> appender = appenders.next();
				if (appender instanceof ZmqLogAppender && appender.isStarted()) {
					return "appender " + appender.getName() + " on logger " + logger.getName();
				}
			}
		}
		return null;
	}

	private void addForwarder() {
		Logger root = rootLogger();
		if (root.getAppender(PublisherFactory.APPENDER_NAME) != null) {
			return;
		}
		ForwardingAppender forwarder = new ForwardingAppender(this.publisher);
		forwarder.setContext(this.loggerContext);
		forwarder.setName(PublisherFactory.APPENDER_NAME);
		forwarder.start();
		root.addAppender(forwarder);
	}

	private Logger rootLogger() {
		return this.loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	@Override
	public boolean isResetResistant() {
		return true;
	}

	@Override
	public void onReset(LoggerContext context) {
		// the reset detached and stopped the forwarder; the publisher is still running
		if (this.attached) {
			addForwarder();
		}
	}

	@Override
	public void onStart(LoggerContext context) {
	}

	@Override
	public void onStop(LoggerContext context) {
		detach();
	}

	@Override
	public void onLevelChange(Logger logger, Level level) {
	}

}
