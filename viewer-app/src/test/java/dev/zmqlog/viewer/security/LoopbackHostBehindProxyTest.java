package dev.zmqlog.viewer.security;

import org.springframework.test.context.TestPropertySource;

/**
 * The same with {@code server.forward-headers-strategy=native}: Tomcat takes
 * {@code X-Forwarded-Host} from loopback clients, and a rebound page is one.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class LoopbackHostBehindProxyTest extends LoopbackHostFilterTest {

}
