package dev.zmqlog.autoconfigure;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * The appender on the root logger: it hands events to the publisher. Logback resets stop
 * and detach it, but not the publisher behind it, which keeps its socket, its queue and
 * its subscribers across a logging re-initialisation.
 */
final class ForwardingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

	private final Appender<ILoggingEvent> publisher;

	ForwardingAppender(Appender<ILoggingEvent> publisher) {
		this.publisher = publisher;
	}

	boolean forwardsTo(Appender<ILoggingEvent> appender) {
		return this.publisher == appender;
	}

	@Override
	protected void append(ILoggingEvent event) {
		this.publisher.doAppend(event);
	}

}
