package dev.zmqlog.viewer.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event the viewer logs while it is open, through the root logger, as its console
 * would show them (Tomcat's own logging included, bridged into Logback).
 */
public final class LogCapture implements AutoCloseable {

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	public LogCapture() {
		this.events.start();
		this.root.addAppender(this.events);
	}

	/** Asserts that nothing logged carries a stack trace, is an error, or contains any of the secrets. */
	public void assertNoStackTraceErrorOr(String... secrets) {
		for (ILoggingEvent event : this.events.list) {
			String text = event.getFormattedMessage()
					+ ((event.getThrowableProxy() != null) ? ThrowableProxyUtil.asString(event.getThrowableProxy()) : "");
			assertThat(event.getThrowableProxy()).as("a stack trace: %s", text).isNull();
			assertThat(event.getLevel().isGreaterOrEqual(Level.ERROR)).as("an error: %s", text).isFalse();
			assertThat(text).as("a secret").doesNotContain(secrets);
		}
	}

	@Override
	public void close() {
		this.root.detachAppender(this.events);
	}

}
