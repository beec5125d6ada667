package dev.zmqlog.logback;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import org.jspecify.annotations.Nullable;

/**
 * Hands a running publisher from the appender that a Logback reconfiguration stops to the
 * appender of the same name that it starts, so that the socket, its subscribers, the
 * queue, the counters and the sequence numbers live on and nothing logged meanwhile is
 * lost. A reconfiguration ({@code JoranConfigurator} after {@code reset()}) stops every
 * appender, leaves the root logger without any while it reads the new configuration, then
 * starts the new ones: the stopped appender is put back on the root logger for that time
 * and publishes what it receives. One per {@link LoggerContext}; reset-resistant.
 */
final class ReconfigurationHandover implements LoggerContextListener {

	/** Weak keys, and no handover refers to its context: a context nobody stops is still collected. */
	private static final Map<LoggerContext, ReconfigurationHandover> handovers = new WeakHashMap<>();

	/** Stopped by the reset under way or just past, by name, waiting for their successor. */
	private final Map<String, ZmqLogAppender> stopped = new HashMap<>();

	private ReconfigurationHandover() {
	}

	/** The handover of this context, listening to its resets from now on. */
	static ReconfigurationHandover of(LoggerContext context) {
		synchronized (handovers) {
			return handovers.computeIfAbsent(context, (created) -> {
				ReconfigurationHandover handover = new ReconfigurationHandover();
				created.addListener(handover);
				return handover;
			});
		}
	}

	/** A reset is stopping this appender: it stays on the root logger until its successor starts. */
	synchronized void stoppedByReset(ZmqLogAppender appender) {
		ZmqLogAppender previous = this.stopped.put(appender.getName(), appender);
		if (previous != null && previous != appender) {
			previous.closeRetired();
		}
	}

	/**
	 * The stopped appender of this name whose publisher {@code successor} may take over, or
	 * {@code null}. One of the same name that cannot be taken over (other endpoints, another
	 * queue) is closed now, so that its endpoints are free.
	 */
	synchronized @Nullable ZmqLogAppender takeFor(String name, PublicationSettings settings) {
		ZmqLogAppender predecessor = this.stopped.remove(name);
		if (predecessor == null) {
			return null;
		}
		if (!predecessor.publishes(settings)) {
			predecessor.closeRetired();
			return null;
		}
		return predecessor;
	}

	@Override
	public boolean isResetResistant() {
		return true;
	}

	@Override
	public synchronized void onReset(LoggerContext resetContext) {
		Logger root = resetContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		for (ZmqLogAppender appender : this.stopped.values()) {
			if (appender.wasOnRootLogger()) {
				root.addAppender(appender);
			}
		}
	}

	@Override
	public synchronized void onStop(LoggerContext stoppedContext) {
		this.stopped.values().forEach(ZmqLogAppender::closeRetired);
		this.stopped.clear();
		synchronized (handovers) {
			handovers.remove(stoppedContext);
		}
	}

	@Override
	public void onStart(LoggerContext startedContext) {
	}

	@Override
	public void onLevelChange(Logger logger, Level level) {
	}

}
