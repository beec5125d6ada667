package dev.zmqlog.viewer.http;

import jakarta.servlet.Filter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The container's settings and the filter that every request passes first.
 */
@Configuration(proxyBeanMethods = false)
public class HttpEdgeConfiguration {

	/**
	 * Right after Spring Boot's character encoding and forwarded-header filters, before
	 * anything that reads parameters or builds a URL, the access token's filter among them.
	 */
	public static final int REQUEST_URL_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	@Bean
	TomcatSettings tomcatSettings() {
		return new TomcatSettings();
	}

	@Bean
	FilterRegistrationBean<RequestUrlFilter> requestUrlFilter() {
		return everyRequest(new RequestUrlFilter(), REQUEST_URL_ORDER);
	}

	@Bean
	FilterRegistrationBean<HandshakeFailureFilter> handshakeFailureFilter() {
		return everyRequest(new HandshakeFailureFilter(), REQUEST_URL_ORDER);
	}

	/** A filter of every request, at its place in the order. */
	public static <F extends Filter> FilterRegistrationBean<F> everyRequest(F filter, int order) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(order);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
