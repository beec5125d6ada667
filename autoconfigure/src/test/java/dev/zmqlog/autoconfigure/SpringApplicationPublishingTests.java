package dev.zmqlog.autoconfigure;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.ReceivedMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real {@link SpringApplication}s publishing to a real subscriber.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringApplicationPublishingTests {

	private static final org.slf4j.Logger logger = LoggerFactory.getLogger("com.example.Orders");

	private final String endpoint = FreePorts.endpoint();

	private ReceivedMessages received;

	@AfterEach
	void tearDown() {
		if (this.received != null) {
			this.received.close();
		}
	}

	private ConfigurableApplicationContext run(String... arguments) {
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(arguments);
	}

	private ConfigurableApplicationContext runOrders() {
		return run("--spring.application.name=orders", "--zmq.log.endpoints=" + this.endpoint,
				"--zmq.log.await-subscriber=30s");
	}

	private List<String> messagesOn(String topic) {
		return this.received.entries().stream().filter((entry) -> entry.topic().equals(topic))
			.map(LogEntry::message).toList();
	}

	@Test
	void startupAndApplicationLinesArePublished() {
		this.received = ReceivedMessages.connectTo(this.endpoint);
		try (ConfigurableApplicationContext context = runOrders()) {
			logger.info("order 42 placed");
		}
		this.received.awaitEntries(1);
		await().untilAsserted(() -> assertThat(messagesOn("orders.INFO"))
			.anySatisfy((message) -> assertThat(message).contains(" > Starting "))
			.anySatisfy((message) -> assertThat(message).contains(" > Started "))
			.contains("com.example.Orders > order 42 placed"));
	}

	@Test
	void closingTheContextFlushesWhatIsQueued() {
		this.received = ReceivedMessages.connectTo(this.endpoint);
		try (ConfigurableApplicationContext context = runOrders()) {
			for (int i = 0; i < 5_000; i++) {
				logger.info("event {}", i);
			}
		}
		await().untilAsserted(() -> assertThat(messagesOn("orders.INFO"))
			.filteredOn((message) -> message.startsWith("com.example.Orders > event ")).hasSize(5_000));
	}

	@Test
	void applicationsStartedOneAfterAnotherEachPublishOncePerEvent() {
		this.received = ReceivedMessages.connectTo(this.endpoint);
		for (String round : List.of("first", "second")) {
			try (ConfigurableApplicationContext context = runOrders()) {
				logger.warn("{} application running", round);
			}
		}
		await().untilAsserted(() -> assertThat(messagesOn("orders.WARN"))
			.containsExactly("com.example.Orders > first application running",
					"com.example.Orders > second application running"));
		assertThat(rootAppenderNames()).doesNotContain(PublisherFactory.APPENDER_NAME);
	}

	@Test
	void logbackResetDoesNotStopPublishing() {
		this.received = ReceivedMessages.connectTo(this.endpoint);
		try (ConfigurableApplicationContext context = runOrders()) {
			logger.info("before reset");
			((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
			logger.info("after reset");
			assertThat(rootAppenderNames()).containsOnlyOnce(PublisherFactory.APPENDER_NAME);
		}
		await().untilAsserted(() -> assertThat(messagesOn("orders.INFO"))
			.containsSubsequence("com.example.Orders > before reset", "com.example.Orders > after reset"));
	}

	@Test
	void busyPortLeavesTheApplicationRunningWithAnErrorNamingTheEndpoint(CapturedOutput output) {
		try (ZContext zmq = new ZContext()) {
			zmq.createSocket(SocketType.PUB).bind(this.endpoint);
			try (ConfigurableApplicationContext context = runOrders()) {
				logger.info("still running");
				assertThat(context.isActive()).isTrue();
				assertThat(rootAppenderNames()).doesNotContain(PublisherFactory.APPENDER_NAME);
			}
		}
		assertThat(output).contains("Logs are not published over ZeroMQ")
			.contains("Cannot bind " + this.endpoint + ": address already in use")
			.contains("still running");
	}

	@Test
	void aPublisherDeclaredInTheLoggingConfigurationIsTheOnlyOne() {
		this.received = ReceivedMessages.connectTo(this.endpoint);
		System.setProperty("declared.endpoint", this.endpoint);
		try (ConfigurableApplicationContext context = run("--logging.config=classpath:declared-publisher-logback.xml",
				"--zmq.log.endpoints=" + FreePorts.endpoint())) {
			assertThat(rootAppenderNames()).contains("DECLARED").doesNotContain(PublisherFactory.APPENDER_NAME);
			assertThat(context.containsBean(ZmqLogApplicationListener.ATTACHMENT_BEAN_NAME)).isFalse();
			logger.info("published once");
			await().untilAsserted(() -> assertThat(messagesOn("declared.INFO")).contains("com.example.Orders > published once"));
		}
		finally {
			System.clearProperty("declared.endpoint");
			// outside a reset, stopping closes it at once: no later test finds it
			LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();
			Logger root = loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
			ch.qos.logback.core.Appender<?> declared = root.getAppender("DECLARED");
			if (declared != null) {
				declared.stop();
				root.detachAppender("DECLARED");
			}
		}
		assertThat(messagesOn("declared.INFO")).containsOnlyOnce("com.example.Orders > published once");
	}

	@Test
	void disabledPublisherAttachesNothing() {
		try (ConfigurableApplicationContext context = run("--zmq.log.enabled=false",
				"--zmq.log.endpoints=" + this.endpoint)) {
			assertThat(rootAppenderNames()).doesNotContain(PublisherFactory.APPENDER_NAME);
			assertThat(context.containsBean(ZmqLogApplicationListener.ATTACHMENT_BEAN_NAME)).isFalse();
		}
	}

	private static List<String> rootAppenderNames() {
		LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();
		List<String> names = new java.util.ArrayList<>();
		loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders()
			.forEachRemaining((appender) -> names.add(appender.getName()));
		return names;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
