package dev.zmqlog.benchmarks;

import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.zmqlog.logback.ZmqLogAppender;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Messages as an application makes them: SLF4J calls on a Logback logger whose only
 * appender is a {@link ZmqLogAppender} bound on the given endpoint, with a two-key MDC.
 */
final class AppenderSender implements Sender {

	private final LoggerContext context = new LoggerContext();

	private final ZmqLogAppender appender = new ZmqLogAppender();

	private final Logger logger;

	AppenderSender(String endpoint, String payload, Consumer<ZmqLogAppender> settings) {
		this.context.setName("bench");
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		this.context.start();
		this.appender.setContext(this.context);
		this.appender.setName("zmq");
		this.appender.addEndpoint(endpoint);
		this.appender.setRootTopic("bench");
		this.appender.setPayload(payload);
		settings.accept(this.appender);
		this.appender.start();
		if (!this.appender.isStarted()) {
			throw new IllegalStateException("appender not started: " + this.appender.getStartFailure());
		}
		ch.qos.logback.classic.Logger logback = this.context.getLogger("com.example.orders.OrderService");
		logback.setLevel(Level.INFO);
		logback.setAdditive(false);
		logback.addAppender(this.appender);
		this.logger = logback;
		MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		MDC.put("user", "alice");
	}

	@Override
	public void send(long i) {
		this.logger.info("Order {} placed", i);
	}

	@Override
	public long dropped() {
		return this.appender.getDroppedCount();
	}

	@Override
	public void close() {
		MDC.clear();
		this.context.stop();
	}

}
