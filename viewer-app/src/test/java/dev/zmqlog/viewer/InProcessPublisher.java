package dev.zmqlog.viewer;

import java.util.List;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.status.Status;
import dev.zmqlog.logback.ZmqLogAppender;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A zmqlog publisher in the test's JVM: a {@link ZmqLogAppender} on a Logback context of
 * its own, so that it shares zmqlog's JeroMQ context with the viewer (two contexts in one
 * JVM sometimes never connect). A list appender beside it keeps the events as logged.
 */
public final class InProcessPublisher implements AutoCloseable {

	private final LoggerContext context = new LoggerContext();

	private final ZmqLogAppender appender = new ZmqLogAppender();

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	private InProcessPublisher(String name) {
		// what Logback's service provider does for SLF4J's context; events need an MDC adapter
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		this.context.setName(name);
	}

	/**
	 * Starts a publisher that connects to the endpoint.
	 * @param endpoint where the viewer binds
	 * @param rootTopic the root topic
	 * @param settings more appender settings, before it starts
	 */
	public static InProcessPublisher connect(String endpoint, String rootTopic, Consumer<ZmqLogAppender> settings) {
		return start(endpoint, "connect", rootTopic, settings);
	}

	/**
	 * Starts a publisher that binds the endpoint, for viewers that connect (several may).
	 * @param endpoint where the publisher binds
	 * @param rootTopic the root topic
	 * @param settings more appender settings, before it starts
	 */
	public static InProcessPublisher bind(String endpoint, String rootTopic, Consumer<ZmqLogAppender> settings) {
		return start(endpoint, "bind", rootTopic, settings);
	}

	private static InProcessPublisher start(String endpoint, String mode, String rootTopic,
			Consumer<ZmqLogAppender> settings) {
		InProcessPublisher publisher = new InProcessPublisher(rootTopic);
		ZmqLogAppender appender = publisher.appender;
		appender.setContext(publisher.context);
		appender.setName("ZMQ");
		appender.addEndpoint(endpoint);
		appender.setMode(mode);
		appender.setRootTopic(rootTopic);
		settings.accept(appender);
		appender.start();
		assertThat(appender.isStarted()).as(publisher::statusText).isTrue();
		publisher.logged.setContext(publisher.context);
		publisher.logged.start();
		Logger root = publisher.context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.TRACE);
		root.addAppender(appender);
		root.addAppender(publisher.logged);
		return publisher;
	}

	public Logger logger(String name) {
		return this.context.getLogger(name);
	}

	public ZmqLogAppender appender() {
		return this.appender;
	}

	/** Every event as it was logged, in order. */
	public List<ILoggingEvent> logged() {
		return List.copyOf(this.logged.list);
	}

	public String statusText() {
		StringBuilder text = new StringBuilder("Logback status:\n");
		for (Status status : this.context.getStatusManager().getCopyOfStatusList()) {
			text.append(status).append('\n');
		}
		return text.toString();
	}

	/** Stops the appender, which sends what is queued within its linger time. */
	@Override
	public void close() {
		this.context.stop();
	}

}
