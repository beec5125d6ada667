package dev.zmqlog.logback;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import dev.zmqlog.transport.CurveSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A logback.xml user reads errors that name the XML elements they wrote, never Spring's property names. */
class LogbackXmlSettingErrorsTest {

	private final LoggerContext context = new LoggerContext();

	@AfterEach
	void stop() {
		this.context.stop();
	}

	@Test
	void aMalformedCurveKeyIsNamedByItsElement() throws JoranException {
		String failure = startFailureOf("<curveSecretKey>not-a-key</curveSecretKey>"
				+ "<curvePublicKey>" + xml(CurveSettings.newKeyPair().publicKey) + "</curvePublicKey>");

		assertThat(failure).contains("<curveSecretKey> is not a CURVE key").doesNotContain("curve.secret-key");
		assertThat(errorsInStatus()).anyMatch((message) -> message.contains("<curveSecretKey> is not a CURVE key"));
	}

	@Test
	void aBindingPublisherWithoutItsKeyPairNamesBothElements() throws JoranException {
		String failure = startFailureOf("<curveServerKey>" + xml(CurveSettings.newKeyPair().publicKey)
				+ "</curveServerKey>");

		assertThat(failure).contains("<curveSecretKey> and <curvePublicKey> are required on a socket that binds");
	}

	@Test
	void anAllowListOnAConnectingPublisherNamesItsElement() throws JoranException {
		String failure = startFailureOf("<mode>connect</mode><curveServerKey>"
				+ xml(CurveSettings.newKeyPair().publicKey) + "</curveServerKey><curveAllowedClients>"
				+ xml(CurveSettings.newKeyPair().publicKey) + "</curveAllowedClients>");

		assertThat(failure).contains("<curveAllowedClients> applies only to a socket that binds");
	}

	@Test
	void anInvalidLevelPatternIsNamedByItsElement() throws JoranException {
		String failure = startFailureOf("<debugFormat>%logger %nosuchconverter{</debugFormat>");

		assertThat(failure).contains("<debugFormat> is not a valid Logback pattern");
	}

	@Test
	void anInvalidPatternForEveryLevelIsNamedFormat() throws JoranException {
		String failure = startFailureOf("<format>%nosuchconverter{</format><errorFormat>%msg</errorFormat>");

		assertThat(failure).contains("<format> is not a valid Logback pattern");
	}

	@Test
	void anInvalidValueIsNamedByItsElement() throws JoranException {
		String failure = startFailureOf("<queueSize>0</queueSize><overflow>sideways</overflow>");

		assertThat(failure).contains("<queueSize> must be at least 1, was 0").contains("<overflow>");
	}

	/** Configures one appender with {@code elements} besides a free endpoint; returns why it did not start. */
	private String startFailureOf(String elements) throws JoranException {
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(this.context);
		configurator.doConfigure(new ByteArrayInputStream("""
				<configuration>
				  <appender name="ZMQ" class="dev.zmqlog.logback.ZmqLogAppender">
				    <endpoint>tcp://127.0.0.1:*</endpoint>
				    <awaitSubscriber>0s</awaitSubscriber>
				    %s
				  </appender>
				  <root level="INFO"><appender-ref ref="ZMQ"/></root>
				</configuration>
				""".formatted(elements).getBytes(StandardCharsets.UTF_8)));
		ZmqLogAppender appender = (ZmqLogAppender) this.context.getLogger("ROOT").getAppender("ZMQ");
		assertThat(appender.isStarted()).isFalse();
		String failure = appender.getStartFailure();
		assertThat(failure).isNotNull();
		return failure;
	}

	private java.util.List<String> errorsInStatus() {
		return this.context.getStatusManager()
			.getCopyOfStatusList()
			.stream()
			.filter((status) -> status.getLevel() == Status.ERROR)
			.map(Status::getMessage)
			.toList();
	}

	/** Z85 has {@code <}, {@code >} and {@code &}. */
	private static String xml(String key) {
		return key.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
