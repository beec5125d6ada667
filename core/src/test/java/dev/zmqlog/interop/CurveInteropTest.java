package dev.zmqlog.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.zmqlog.logback.ZmqLogAppender;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.Python;
import dev.zmqlog.testing.RunningProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CURVE publisher (the appender with a key pair, binding) read by pyzmq subscribers: one
 * that knows the server key reads everything, a plain one or one not allowed reads
 * nothing.
 */
class CurveInteropTest {

	private static final String SUBSCRIBER = "interop/curve_subscriber.py";

	private static final int EVENTS = 5;

	private final ZMQ.Curve.KeyPair server = ZMQ.Curve.generateKeyPair();

	private final LoggerContext context = new LoggerContext();

	private final List<RunningProcess> processes = new ArrayList<>();

	private final int port = FreePorts.next();

	private final String endpoint = "tcp://127.0.0.1:" + this.port;

	private ZmqLogAppender appender;

	@AfterEach
	void tearDown() {
		this.processes.forEach(RunningProcess::close);
		if (this.appender != null) {
			this.appender.stop();
		}
	}

	@Test
	void subscriberWithServerKeyReadsEverythingWhilePlainSubscriberReadsNothing() {
		startAppender(List.of());
		RunningProcess plain = started(Python.script(SUBSCRIBER, this.endpoint, "1", "3"));
		RunningProcess curve = started(
				Python.script(SUBSCRIBER, this.endpoint, String.valueOf(EVENTS), "15", this.server.publicKey));

		logEvents();

		assertThat(curve.awaitExit(Duration.ofSeconds(20))).as(curve::output).isZero();
		assertThat(curve.stdoutLines()).as(curve::output)
			.contains("app.INFO|test.Secret > secret 1", "app.INFO|test.Secret > secret 5", "received 5");
		assertThat(plain.awaitExit(Duration.ofSeconds(10))).as(plain::output).isZero();
		assertThat(plain.stdoutLines()).as(plain::output).containsExactly("connected", "received 0");
	}

	@Test
	void allowListAdmitsListedClientAndRefusesOthers() {
		ZMQ.Curve.KeyPair listed = ZMQ.Curve.generateKeyPair();
		ZMQ.Curve.KeyPair stranger = ZMQ.Curve.generateKeyPair();
		startAppender(List.of(listed.publicKey));
		RunningProcess refused = started(Python.script(SUBSCRIBER, this.endpoint, "1", "3", this.server.publicKey,
				stranger.publicKey, stranger.secretKey));
		RunningProcess admitted = started(Python.script(SUBSCRIBER, this.endpoint, String.valueOf(EVENTS), "15",
				this.server.publicKey, listed.publicKey, listed.secretKey));

		logEvents();

		assertThat(admitted.awaitExit(Duration.ofSeconds(20))).as(admitted::output).isZero();
		assertThat(admitted.stdoutLines()).as(admitted::output).contains("received 5");
		assertThat(refused.awaitExit(Duration.ofSeconds(10))).as(refused::output).isZero();
		assertThat(refused.stdoutLines()).as(refused::output).containsExactly("connected", "received 0");
	}

	private void startAppender(List<String> allowedClients) {
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		this.appender = new ZmqLogAppender();
		this.appender.setContext(this.context);
		this.appender.setName("ZMQ");
		this.appender.addEndpoint(this.endpoint);
		this.appender.setRootTopic("app");
		this.appender.setAwaitSubscriber("10s");
		this.appender.setCurveSecretKey(this.server.secretKey);
		this.appender.setCurvePublicKey(this.server.publicKey);
		this.appender.setCurveAllowedClients(String.join(",", allowedClients));
		this.appender.start();
		assertThat(this.appender.isStarted()).as(() -> this.appender.getStartFailure()).isTrue();
	}

	private void logEvents() {
		Logger logger = this.context.getLogger("test.Secret");
		logger.setLevel(Level.INFO);
		logger.setAdditive(false);
		logger.addAppender(this.appender);
		for (int i = 1; i <= EVENTS; i++) {
			logger.info("secret {}", i);
		}
	}

	private RunningProcess started(RunningProcess process) {
		this.processes.add(process);
		return process;
	}

}
