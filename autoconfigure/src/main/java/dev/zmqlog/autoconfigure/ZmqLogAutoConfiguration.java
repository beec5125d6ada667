package dev.zmqlog.autoconfigure;

import ch.qos.logback.classic.LoggerContext;
import dev.zmqlog.logback.ZmqLogAppender;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Auto-configuration of the ZeroMQ log publisher: its settings, and with Actuator its
 * meters and health. The publisher itself is attached earlier, by
 * {@link ZmqLogApplicationListener}, so that startup logs are published too.
 */
@AutoConfiguration
@ConditionalOnClass({ LoggerContext.class, ZmqLogAppender.class })
@ConditionalOnBooleanProperty(name = "zmq.log.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ZmqLogProperties.class)
public final class ZmqLogAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	@ConditionalOnBean(ZmqLogAttachment.class)
	static class ZmqLogMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ZmqLogMetrics zmqLogMetrics(ZmqLogAttachment attachment) {
			return new ZmqLogMetrics(attachment.publisher());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnBean(ZmqLogAttachment.class)
	static class ZmqLogHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "zmqLogHealthIndicator")
		ZmqLogHealthIndicator zmqLogHealthIndicator(ZmqLogAttachment attachment) {
			return new ZmqLogHealthIndicator(attachment.publisher());
		}

	}

}
