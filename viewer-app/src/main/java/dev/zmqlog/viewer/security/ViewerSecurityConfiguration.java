package dev.zmqlog.viewer.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

import dev.zmqlog.viewer.http.HttpEdgeConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The viewer's web side: headers that keep browsers from framing or sniffing its answers,
 * malformed {@code Origin} headers refused, the access token when one
 * is set (else only loopback names are answered), and a refusal to start when the viewer would be reachable from other machines
 * without one. Both filters run after the query string's check and after Spring's
 * {@code ForwardedHeaderFilter} (with {@code server.forward-headers-strategy=framework}), so
 * that they see the scheme a proxy reported.
 */
@Configuration(proxyBeanMethods = false)
public class ViewerSecurityConfiguration {

	static final String TOKEN_PROPERTY = "zmq.log.viewer.access-token";

	static final String TOKEN_VARIABLE = "ZMQLOG_ACCESS_TOKEN";

	private static final int ORIGIN_ORDER = HttpEdgeConfiguration.REQUEST_URL_ORDER + 1;

	/** The access token's filter, or without a token the loopback names' one. */
	private static final int ACCESS_ORDER = HttpEdgeConfiguration.REQUEST_URL_ORDER + 2;

	@Bean
	FilterRegistrationBean<BrowserHeadersFilter> browserHeadersFilter() {
		// first, so that every answer has them, refusals included
		return HttpEdgeConfiguration.everyRequest(new BrowserHeadersFilter(), Ordered.HIGHEST_PRECEDENCE);
	}

	@Bean
	FilterRegistrationBean<OriginFilter> originFilter() {
		return HttpEdgeConfiguration.everyRequest(new OriginFilter(), ORIGIN_ORDER);
	}

	@Bean
	@Conditional(AccessTokenUnset.class)
	FilterRegistrationBean<LoopbackHostFilter> loopbackHostFilter() {
		return HttpEdgeConfiguration.everyRequest(new LoopbackHostFilter(), ACCESS_ORDER);
	}

	@Bean
	@Conditional(AccessTokenSet.class)
	FilterRegistrationBean<AccessTokenFilter> accessTokenFilter(Environment environment) {
		return HttpEdgeConfiguration.everyRequest(new AccessTokenFilter(new AccessToken(token(environment))),
				ACCESS_ORDER);
	}

	@Bean
	InitializingBean exposureGuard(Environment environment) {
		return () -> refuseExposureWithoutToken(environment.getProperty("server.address"), token(environment));
	}

	static void refuseExposureWithoutToken(@Nullable String address, @Nullable String token) {
		if (token != null || isLoopback(address)) {
			return;
		}
		throw new IllegalStateException("The viewer would listen on " + ((address == null) ? "every interface" : address)
				+ ", reachable from other machines, without an access token. Set " + TOKEN_PROPERTY + " (or the "
				+ TOKEN_VARIABLE + " environment variable), or listen on 127.0.0.1 (server.address).");
	}

	private static boolean isLoopback(@Nullable String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		try {
			return InetAddress.getByName(address.strip()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	static @Nullable String token(Environment environment) {
		return AccessTokenFilter.tokenOf(environment.getProperty(TOKEN_PROPERTY), environment.getProperty(TOKEN_VARIABLE));
	}

	/** Whether an access token is set, as a property or an environment variable. */
	static final class AccessTokenSet implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return token(context.getEnvironment()) != null;
		}

	}

	/** Whether no access token is set. */
	static final class AccessTokenUnset implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return token(context.getEnvironment()) == null;
		}

	}

}
