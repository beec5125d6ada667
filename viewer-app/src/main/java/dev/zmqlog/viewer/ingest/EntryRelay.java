package dev.zmqlog.viewer.ingest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.zmqlog.logback.ZmqLogAppender;
import dev.zmqlog.viewer.entry.EntrySink;
import dev.zmqlog.viewer.entry.ViewerEntry;

/**
 * Re-logs every received entry through the viewer's own Logback, with its original
 * logger, level, time, thread and MDC, as the logging cookbook's listener hands records
 * to local handlers: {@code logback-spring.xml} decides where they go (a rolling file,
 * ...). Loggers' levels apply as for any event.
 */
public final class EntryRelay implements EntrySink {

	/** Logger of entries that name none (pyzmq text, plain text). */
	static final String UNNAMED_LOGGER = "zmqlog.relay";

	private final LoggerContext context;

	public EntryRelay(LoggerContext context) {
		this.context = context;
	}

	@Override
	public void accept(ViewerEntry entry) {
		Logger logger = this.context.getLogger((entry.logger() != null) ? entry.logger() : UNNAMED_LOGGER);
		Level level = level(entry.level());
		if (!logger.isEnabledFor(level)) {
			return;
		}
		LoggingEvent event = new LoggingEvent();
		event.setLoggerContext(this.context);
		// what Logback's own constructor sets: patterns read the context's properties through it
		event.setLoggerContextRemoteView(this.context.getLoggerContextRemoteView());
		event.setLoggerName(logger.getName());
		event.setLevel(level);
		event.setMessage((entry.exception() != null) ? entry.message() + "\n" + entry.exception() : entry.message());
		event.setInstant(entry.time());
		event.setThreadName((entry.thread() != null) ? entry.thread() : "");
		event.setMDCPropertyMap(entry.mdc());
		event.addMarker(ZmqLogAppender.RELAYED);
		logger.callAppenders(event);
	}

	private static Level level(dev.zmqlog.protocol.@org.jspecify.annotations.Nullable Level level) {
		if (level == null) {
			return Level.INFO;
		}
		return switch (level) {
			case TRACE -> Level.TRACE;
			case DEBUG -> Level.DEBUG;
			case INFO -> Level.INFO;
			case WARN -> Level.WARN;
			case ERROR, FATAL -> Level.ERROR;
		};
	}

}
