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
 * Without an access token, a page of another site whose name was rebound to 127.0.0.1
 * (DNS rebinding) can neither read the API nor open the stream: only loopback names are
 * answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoopbackHostFilterTest {

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
	void aReboundNameIsRefusedForThePageTheApiAndTheStream() {
		String host = "Host: rebound.evil.example:" + this.port;
		String origin = "Origin: http://rebound.evil.example:" + this.port;
		for (RawHttp.Answer answer : new RawHttp.Answer[] { this.http.get("/", host), this.http.get("/api/stats", host),
				this.http.get("/api/entries", host, origin), this.http.upgrade("/api/stream", host, origin) }) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
			assertThat(answer.isJson()).isTrue();
			assertThat(ViewerApi.JSON.readTree(answer.body()).get("error").asString())
				.contains("zmq.log.viewer.access-token");
		}
	}

	@Test
	void loopbackNamesAreAnswered() {
		for (String name : new String[] { "127.0.0.1", "localhost", "[::1]", "LocalHost", "viewer.localhost", "127.1.2.3" }) {
			assertThat(this.http.get("/api/stats", "Host: " + name + ":" + this.port).status()).as(name).isEqualTo(200);
		}
		assertThat(this.http.upgrade("/api/stream", "Host: localhost:" + this.port, "Origin: http://localhost:" + this.port)
			.status()).isEqualTo(101);
	}

	@Test
	void namesAreComparedAsWrittenNeverResolved() {
		assertThat(new String[] { "127.0.0.1", "127.255.255.254", "localhost", "localhost.", "127.0.0.1.", "a.b.localhost", "[::1]", "::1" })
			.allMatch(LoopbackHostFilter::isLoopbackName);
		assertThat(new String[] { "evil.example", "127.0.0.1.evil.example", "localhost.evil.example", "127.0.0.256",
				"127.0.0", "0x7f.0.0.1", "2130706433", "[::2]", "10.0.0.1", "0.0.0.0", "mylocalhost", "" })
			.noneMatch(LoopbackHostFilter::isLoopbackName);
	}

}
