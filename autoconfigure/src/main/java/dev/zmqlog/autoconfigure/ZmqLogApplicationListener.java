package dev.zmqlog.autoconfigure;

import ch.qos.logback.classic.LoggerContext;
import dev.zmqlog.logback.ZmqLogAppender;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Attaches the publisher to Logback right after Spring Boot has initialised logging, so
 * that the application's startup lines are published too, and detaches it at the very end
 * of the application context's close, after the lifecycle has stopped (graceful shutdown)
 * and every other bean was destroyed ({@code @PreDestroy}), so that their lines are
 * published too. Registered in {@code META-INF/spring.factories}: it must act before any
 * bean exists.
 */
class ZmqLogApplicationListener implements GenericApplicationListener {

	/** Right after Spring Boot's {@link LoggingApplicationListener}, which resets Logback. */
	static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 1;

	static final String ATTACHMENT_BEAN_NAME = "zmqLogAttachment";

	private static final String SPRING_SHUTDOWN_HOOK = "spring.main.register-shutdown-hook";

	private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

	private @Nullable ZmqLogAttachment attachment;

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		Class<?> type = eventType.getRawClass();
		return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
				|| ApplicationPreparedEvent.class.isAssignableFrom(type)
				|| ApplicationFailedEvent.class.isAssignableFrom(type));
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			attach(prepared.getEnvironment());
		}
		else if (event instanceof ApplicationPreparedEvent prepared) {
			register(prepared);
		}
		else if (event instanceof ApplicationFailedEvent) {
			detach();
		}
	}

	private void attach(ConfigurableEnvironment environment) {
		if (this.attachment != null || !ClassUtils.isPresent(LOGBACK_CONTEXT, getClass().getClassLoader())) {
			return;
		}
		ZmqLogProperties properties = bind(environment);
		LoggerContext loggerContext = logbackContext();
		if (properties == null || !properties.enabled() || loggerContext == null) {
			return;
		}
		String applicationName = environment.getProperty("spring.application.name", "");
		ZmqLogAppender publisher = PublisherFactory.create(properties, applicationName, loggerContext);
		// Spring Boot's shutdown hook closes the context, and the context's close detaches the publisher
		publisher.setStopAtJvmExit(!environment.getProperty(SPRING_SHUTDOWN_HOOK, Boolean.class, true));
		ZmqLogAttachment candidate = new ZmqLogAttachment(loggerContext, publisher);
		if (candidate.attach()) {
			this.attachment = candidate;
		}
		else if (candidate.publisher().getStartFailure() != null) {
			LoggerFactory.getLogger(ZmqLogAttachment.class)
				.error("Logs are not published over ZeroMQ: {}", candidate.publisher().getStartFailure());
		}
	}

	/** The settings, or {@code null} when they do not bind: the context's own binding then fails with the reason. */
	private static @Nullable ZmqLogProperties bind(ConfigurableEnvironment environment) {
		try {
			return Binder.get(environment).bindOrCreate("zmq.log", Bindable.of(ZmqLogProperties.class));
		}
		catch (BindException ex) {
			return null;
		}
	}

	private static @Nullable LoggerContext logbackContext() {
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		return (factory instanceof LoggerContext loggerContext) ? loggerContext : null;
	}

	/**
	 * Makes the attachment a bean that the context destroys last: registered before any
	 * other bean exists, it is the first disposable bean, and a context destroys them in
	 * reverse order, after its lifecycle has stopped.
	 */
	private void register(ApplicationPreparedEvent event) {
		ZmqLogAttachment attached = this.attachment;
		ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
		if (attached == null || beanFactory.containsSingleton(ATTACHMENT_BEAN_NAME)) {
			return;
		}
		beanFactory.registerSingleton(ATTACHMENT_BEAN_NAME, attached);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(ATTACHMENT_BEAN_NAME, this::detach);
		}
	}

	private void detach() {
		ZmqLogAttachment attached = this.attachment;
		this.attachment = null;
		if (attached != null) {
			attached.detach();
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
