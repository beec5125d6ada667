package dev.zmqlog.viewer.security;

import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.viewer.ViewerApi;
import dev.zmqlog.viewer.http.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream's handshake checks the page's Origin; one that is not an origin at all is
 * refused with a reason, never with a server error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OriginFilterTest {

	@LocalServerPort
	private int port;

	private RawHttp http;

	@DynamicPropertySource
	static void quietEndpoint(DynamicPropertyRegistry registry) {
		registry.add("zmq.log.viewer.endpoints", FreePorts::endpoint);
	}

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	@Test
	void theViewersOwnPageAndClientsWithoutOriginOpenTheStream() {
		assertThat(this.http.upgrade("/api/stream", "Origin: http://127.0.0.1:" + this.port).status()).isEqualTo(101);
		assertThat(this.http.upgrade("/api/stream").status()).isEqualTo(101);
	}

	@Test
	void originsThatAreNoOriginsAreRefusedWithAReason() {
		for (String origin : new String[] { "http://127.0.0.1:" + this.port + ".evil.example", "http://127.0.0.1:99999",
				"http://127.0.0.1:", "garbage", "", "http://", "http://[::1", "http://127.0.0.1:" + this.port + "/",
				"http://user@127.0.0.1:" + this.port, "http://h:1:2" }) {
			for (RawHttp.Answer answer : new RawHttp.Answer[] { this.http.upgrade("/api/stream", "Origin: " + origin),
					this.http.get("/api/stats", "Origin: " + origin) }) {
				assertThat(answer.status()).as(origin).isEqualTo(403);
				assertThat(answer.isJson()).as(origin).isTrue();
				assertThat(ViewerApi.JSON.readTree(answer.body()).get("error").asString()).as(origin).contains("Origin");
			}
		}
	}

	@Test
	void otherSitesCannotOpenTheStream() {
		for (String origin : new String[] { "http://evil.example", "null", "http://127.0.0.1:" + (this.port + 1),
				"https://127.0.0.1:" + this.port, "http://localhost:" + this.port }) {
			assertThat(this.http.upgrade("/api/stream", "Origin: " + origin).status()).as(origin).isEqualTo(403);
		}
	}

	@Test
	void originsAreRecognisedAsBrowsersWriteThem() {
		assertThat(new String[] { "null", "http://127.0.0.1:8090", "https://logs.example.com", "http://[::1]:8090",
				"http://[::1]", "chrome-extension://abcdef", "http://a_b.example:1" })
			.allMatch(OriginFilter::isOrigin);
		assertThat(new String[] { "http://127.0.0.1:8090.evil.example", "http://127.0.0.1:65536", "http://x:", "http://",
				"://x", "1http://x", "http://x/", "http://x?y", "http://u@x", "http://[::1", "http://[::g]", "http://[]",
				"http://x y", "http://\u00e9.example", "Null", " http://x", "http://x:+80", "http://x:0080000" })
			.noneMatch(OriginFilter::isOrigin);
	}

}
