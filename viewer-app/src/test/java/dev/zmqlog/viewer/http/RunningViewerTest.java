package dev.zmqlog.viewer.http;

import dev.zmqlog.testing.FreePorts;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test of the viewer running on a port of its own (the subclass says
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and its properties), subscribed to
 * an endpoint where nobody publishes, reached with {@link RawHttp}. Subclasses with the
 * same properties share one running viewer.
 */
public abstract class RunningViewerTest {

	@LocalServerPort
	private int port;

	private RawHttp http;

	@DynamicPropertySource
	static void quietEndpoint(DynamicPropertyRegistry registry) {
		registry.add("zmq.log.viewer.endpoints", FreePorts::endpoint);
	}

	@BeforeEach
	final void rawHttp() {
		this.http = new RawHttp(this.port);
	}

	protected final int port() {
		return this.port;
	}

	protected final RawHttp http() {
		return this.http;
	}

}
