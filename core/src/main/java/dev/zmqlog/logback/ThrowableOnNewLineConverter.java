package dev.zmqlog.logback;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Appends the stack trace, causes included, on the lines after the message, as Python's
 * {@code logging.Formatter} appends {@code exc_text}; nothing when there is no throwable.
 */
final class ThrowableOnNewLineConverter extends ThrowableProxyConverter {

	@Override
	public String convert(ILoggingEvent event) {
		String trace = super.convert(event);
		return trace.isEmpty() ? trace : "\n" + trace.stripTrailing();
	}

}
