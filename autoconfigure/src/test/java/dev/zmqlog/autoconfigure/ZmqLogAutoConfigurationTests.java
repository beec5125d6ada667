package dev.zmqlog.autoconfigure;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import dev.zmqlog.logback.Overflow;
import dev.zmqlog.logback.ZmqLogAppender;
import dev.zmqlog.protocol.PayloadFormat;
import dev.zmqlog.transport.SocketMode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ZmqLogAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZmqLogAutoConfiguration.class));

	@Test
	void defaultsMatchTheContract() {
		this.contextRunner.run((context) -> {
			ZmqLogProperties properties = context.getBean(ZmqLogProperties.class);
			assertThat(properties.enabled()).isTrue();
			assertThat(properties.endpoints()).containsExactly("tcp://127.0.0.1:5556");
			assertThat(properties.mode()).isEqualTo(SocketMode.BIND);
			assertThat(properties.rootTopic()).isNull();
			assertThat(properties.format()).isEqualTo("%logger > %msg");
			assertThat(properties.formats().debug()).isNull();
			assertThat(properties.payload()).isEqualTo(PayloadFormat.TEXT);
			assertThat(properties.threshold()).isEqualTo(LogLevel.TRACE);
			assertThat(properties.subtopicDelimiter()).isEqualTo("::");
			assertThat(properties.subtopicMdcKey()).isNull();
			assertThat(properties.queueSize()).isEqualTo(ZmqLogAppender.DEFAULT_QUEUE_SIZE);
			assertThat(properties.overflow()).isEqualTo(Overflow.DROP);
			assertThat(properties.sendHighWaterMark()).isEqualTo(ZmqLogAppender.DEFAULT_SEND_HIGH_WATER_MARK);
			assertThat(properties.awaitSubscriber()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.awaitResubscribe()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.linger()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.curve().settings().enabled()).isFalse();
			assertThat(properties.curve().allowedClients()).isEmpty();
		});
	}

	@Test
	void bindsCurveKeysAndHandsThemToTheAppender() {
		String secret = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6";
		String publicKey = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
		String client = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID";
		this.contextRunner
			.withPropertyValues("zmq.log.curve.secret-key=" + secret, "zmq.log.curve.public-key=" + publicKey,
					"zmq.log.curve.allowed-clients[0]=" + client)
			.run((context) -> {
				ZmqLogProperties properties = context.getBean(ZmqLogProperties.class);
				assertThat(properties.curve().secretKey()).isEqualTo(secret);
				assertThat(properties.curve().publicKey()).isEqualTo(publicKey);
				assertThat(properties.curve().serverKey()).isNull();
				assertThat(properties.curve().allowedClients()).containsExactly(client);
				ZmqLogAppender appender = PublisherFactory.create(properties, "", new LoggerContext());
				assertThat(appender.curveSettings().secretKey()).isEqualTo(secret);
				assertThat(appender.curveSettings().allowedClients()).containsExactly(client);
			});
	}

	@Test
	void curveKeyErrorsNameTheSpringProperty() {
		this.contextRunner
			.withPropertyValues("zmq.log.endpoints=tcp://127.0.0.1:*", "zmq.log.curve.secret-key=not-a-key",
					"zmq.log.curve.public-key=rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7")
			.run((context) -> assertThat(startFailure(context.getBean(ZmqLogProperties.class)))
				.contains("zmq.log.curve.secret-key is not a CURVE key")
				.doesNotContain("<curveSecretKey>"));
	}

	@Test
	void aConnectingPublisherWithoutServerKeyNamesTheSpringProperty() {
		this.contextRunner
			.withPropertyValues("zmq.log.endpoints=tcp://127.0.0.1:1", "zmq.log.mode=connect",
					"zmq.log.curve.secret-key=JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6",
					"zmq.log.curve.public-key=rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7")
			.run((context) -> assertThat(startFailure(context.getBean(ZmqLogProperties.class)))
				.contains("zmq.log.curve.server-key is required on a socket that connects with CURVE"));
	}

	@Test
	void anInvalidLevelPatternNamesTheSpringProperty() {
		this.contextRunner
			.withPropertyValues("zmq.log.endpoints=tcp://127.0.0.1:*", "zmq.log.formats.warn=%msg %nosuchconverter{")
			.run((context) -> assertThat(startFailure(context.getBean(ZmqLogProperties.class)))
				.contains("zmq.log.formats.warn is not a valid Logback pattern")
				.doesNotContain("<warnFormat>"));
	}

	/** Why the appender the starter makes of {@code properties} does not start. */
	private static String startFailure(ZmqLogProperties properties) {
		LoggerContext loggerContext = new LoggerContext();
		ZmqLogAppender appender = PublisherFactory.create(properties, "", loggerContext);
		try {
			appender.start();
			assertThat(appender.isStarted()).isFalse();
			return appender.getStartFailure();
		}
		finally {
			appender.stop();
			loggerContext.stop();
		}
	}

	@Test
	void bindsEveryProperty() {
		this.contextRunner
			.withPropertyValues("zmq.log.endpoints=tcp://127.0.0.1:6001,tcp://127.0.0.1:6002", "zmq.log.mode=connect",
					"zmq.log.root-topic=orders", "zmq.log.format=%msg", "zmq.log.formats.debug=%logger #%line > %msg",
					"zmq.log.formats.error=%msg%n%ex", "zmq.log.payload=json", "zmq.log.threshold=info",
					"zmq.log.subtopic-delimiter=>>", "zmq.log.subtopic-mdc-key=component", "zmq.log.queue-size=100",
					"zmq.log.overflow=block", "zmq.log.block-timeout=250ms", "zmq.log.send-high-water-mark=5000",
					"zmq.log.await-subscriber=0s", "zmq.log.await-resubscribe=1m", "zmq.log.linger=5s", "zmq.log.include-caller-data=true")
			.run((context) -> {
				ZmqLogProperties properties = context.getBean(ZmqLogProperties.class);
				assertThat(properties.endpoints()).containsExactly("tcp://127.0.0.1:6001", "tcp://127.0.0.1:6002");
				assertThat(properties.mode()).isEqualTo(SocketMode.CONNECT);
				assertThat(properties.rootTopic()).isEqualTo("orders");
				assertThat(properties.format()).isEqualTo("%msg");
				assertThat(properties.formats().debug()).isEqualTo("%logger #%line > %msg");
				assertThat(properties.formats().error()).isEqualTo("%msg%n%ex");
				assertThat(properties.payload()).isEqualTo(PayloadFormat.JSON);
				assertThat(properties.threshold()).isEqualTo(LogLevel.INFO);
				assertThat(properties.subtopicDelimiter()).isEqualTo(">>");
				assertThat(properties.subtopicMdcKey()).isEqualTo("component");
				assertThat(properties.queueSize()).isEqualTo(100);
				assertThat(properties.overflow()).isEqualTo(Overflow.BLOCK);
				assertThat(properties.blockTimeout()).isEqualTo(Duration.ofMillis(250));
				assertThat(properties.sendHighWaterMark()).isEqualTo(5000);
				assertThat(properties.awaitSubscriber()).isZero();
				assertThat(properties.awaitResubscribe()).isEqualTo(Duration.ofMinutes(1));
				assertThat(properties.linger()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.includeCallerData()).isTrue();
			});
	}

	@Test
	void invalidModeIsABindingError() {
		this.contextRunner.withPropertyValues("zmq.log.mode=sideways").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("sideways");
			assertThat(context.getStartupFailure()).hasCauseInstanceOf(BindException.class)
				.hasMessageContaining("zmq.log");
		});
	}

	@Test
	void queueSizeBelowOneIsABindingError() {
		this.contextRunner.withPropertyValues("zmq.log.queue-size=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("zmq.log.queue-size must be at least 1, was 0");
		});
	}

	@Test
	void invalidDurationIsABindingError() {
		this.contextRunner.withPropertyValues("zmq.log.linger=soon").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasCauseInstanceOf(BindException.class);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("zmq.log.enabled=false")
			.withBean(ZmqLogAttachment.class, ZmqLogAutoConfigurationTests::unstartedAttachment)
			.run((context) -> assertThat(context).doesNotHaveBean(ZmqLogProperties.class)
				.doesNotHaveBean(ZmqLogMetrics.class)
				.doesNotHaveBean(ZmqLogHealthIndicator.class));
	}

	@Test
	void backsOffWithoutLogback() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(LoggerContext.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ZmqLogProperties.class));
	}

	@Test
	void noMetersOrHealthWithoutAnAttachedPublisher() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ZmqLogMetrics.class)
			.doesNotHaveBean(ZmqLogHealthIndicator.class));
	}

	@Test
	void metersReportThePublisher() {
		this.contextRunner.withBean(ZmqLogAttachment.class, ZmqLogAutoConfigurationTests::unstartedAttachment)
			.run((context) -> {
				MeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(ZmqLogMetrics.class).bindTo(registry);
				assertThat(registry.get("zmqlog.events.published").functionCounter().count()).isZero();
				assertThat(registry.get("zmqlog.events.dropped").functionCounter().count()).isZero();
				assertThat(registry.get("zmqlog.queue.size").gauge().value()).isZero();
			});
	}

	@Test
	void noMetersWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterBinder.class))
			.withBean(ZmqLogAttachment.class, ZmqLogAutoConfigurationTests::unstartedAttachment)
			.run((context) -> assertThat(context).doesNotHaveBean(ZmqLogMetrics.class)
				.hasSingleBean(ZmqLogHealthIndicator.class));
	}

	@Test
	void noHealthIndicatorWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.withBean(ZmqLogAttachment.class, ZmqLogAutoConfigurationTests::unstartedAttachment)
			.run((context) -> assertThat(context).doesNotHaveBean(ZmqLogHealthIndicator.class)
				.hasSingleBean(ZmqLogMetrics.class));
	}

	@Test
	void healthIsUnknownNotDownWhenThePublisherIsNotRunning() {
		this.contextRunner.withBean(ZmqLogAttachment.class, ZmqLogAutoConfigurationTests::unstartedAttachment)
			.run((context) -> {
				HealthIndicator health = context.getBean(ZmqLogHealthIndicator.class);
				assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
				assertThat(health.health().getDetails()).containsEntry("endpoints", List.of("tcp://127.0.0.1:1"));
			});
	}

	@Test
	void userMetricsBeanReplacesOurs() {
		this.contextRunner.withBean(ZmqLogAttachment.class, ZmqLogAutoConfigurationTests::unstartedAttachment)
			.withUserConfiguration(UserMetricsConfiguration.class)
			.run((context) -> assertThat(context).getBean(ZmqLogMetrics.class)
				.isSameAs(context.getBean("userMetrics")));
	}

	private static ZmqLogAttachment unstartedAttachment() {
		LoggerContext loggerContext = new LoggerContext();
		ZmqLogAppender publisher = new ZmqLogAppender();
		publisher.setContext(loggerContext);
		publisher.addEndpoint("tcp://127.0.0.1:1");
		return new ZmqLogAttachment(loggerContext, publisher);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserMetricsConfiguration {

		@Bean
		ZmqLogMetrics userMetrics() {
			return new ZmqLogMetrics(new ZmqLogAppender());
		}

	}

}
