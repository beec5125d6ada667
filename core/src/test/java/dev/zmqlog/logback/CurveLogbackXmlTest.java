package dev.zmqlog.logback;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.zmqlog.transport.CurveSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/** The CURVE elements of a logback.xml reach the appender. */
class CurveLogbackXmlTest {

	private final LoggerContext context = new LoggerContext();

	@AfterEach
	void stop() {
		this.context.stop();
	}

	@Test
	void flatCurveElementsConfigureTheAppender() throws JoranException {
		ZMQ.Curve.KeyPair server = CurveSettings.newKeyPair();
		String first = CurveSettings.newKeyPair().publicKey;
		String second = CurveSettings.newKeyPair().publicKey;
		String third = CurveSettings.newKeyPair().publicKey;
		configure("""
				<configuration>
				  <appender name="ZMQ" class="dev.zmqlog.logback.ZmqLogAppender">
				    <endpoint>tcp://127.0.0.1:*</endpoint>
				    <awaitSubscriber>0s</awaitSubscriber>
				    <curveSecretKey>%s</curveSecretKey>
				    <curvePublicKey>%s</curvePublicKey>
				    <curveAllowedClients>%s, %s</curveAllowedClients>
				    <curveAllowedClient>%s</curveAllowedClient>
				  </appender>
				  <root level="INFO"><appender-ref ref="ZMQ"/></root>
				</configuration>
				""".formatted(xml(server.secretKey), xml(server.publicKey), xml(first), xml(second), xml(third)));

		ZmqLogAppender appender = (ZmqLogAppender) this.context.getLogger("ROOT").getAppender("ZMQ");
		assertThat(appender.isStarted()).as(appender::getStartFailure).isTrue();
		CurveSettings curve = appender.curveSettings();
		assertThat(curve.secretKey()).isEqualTo(server.secretKey);
		assertThat(curve.publicKey()).isEqualTo(server.publicKey);
		assertThat(curve.serverKey()).isNull();
		assertThat(curve.allowedClients()).containsExactly(first, second, third);
	}

	private void configure(String xml) throws JoranException {
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(this.context);
		configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	/** Z85 has {@code <}, {@code >} and {@code &}. */
	private static String xml(String key) {
		return key.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
