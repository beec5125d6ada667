package dev.zmqlog.viewer.security;

import org.springframework.test.context.TestPropertySource;

/**
 * The same with {@code server.forward-headers-strategy=framework}: Spring's
 * {@code ForwardedHeaderFilter} runs before the access token's filter.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
class ForwardedHttpsByFrameworkTest extends ForwardedHttpsTest {

}
