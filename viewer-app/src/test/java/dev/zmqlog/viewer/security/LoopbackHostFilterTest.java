package dev.zmqlog.viewer.security;

import dev.zmqlog.viewer.ViewerApi;
import dev.zmqlog.viewer.http.RawHttp;
import dev.zmqlog.viewer.http.RunningViewerTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an access token, a page of another site whose name was rebound to 127.0.0.1
 * (DNS rebinding) can neither read the API nor open the stream: only loopback names are
 * answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoopbackHostFilterTest extends RunningViewerTest {

	@Test
	void aReboundNameIsRefusedForThePageTheApiAndTheStream() {
		String host = "Host: rebound.evil.example:" + port();
		String origin = "Origin: http://rebound.evil.example:" + port();
		for (RawHttp.Answer answer : new RawHttp.Answer[] { http().get("/", host), http().get("/api/stats", host),
				http().get("/api/entries", host, origin), http().upgrade("/api/stream", host, origin) }) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
			assertThat(answer.isJson()).isTrue();
			assertThat(ViewerApi.JSON.readTree(answer.body()).get("error").asString())
				.contains("zmq.log.viewer.access-token");
		}
	}

	@Test
	void aReboundPageCannotClaimALoopbackNameThroughProxyHeaders() {
		String host = "Host: rebound.evil.example:" + port();
		for (String claim : new String[] { "X-Forwarded-Host: 127.0.0.1:" + port(), "Forwarded: host=127.0.0.1",
				"X-Forwarded-Host: localhost" }) {
			assertThat(http().get("/api/stats", host, claim, "X-Forwarded-For: 127.0.0.1").status()).as(claim)
				.isEqualTo(403);
		}
	}

	@Test
	void loopbackNamesAreAnswered() {
		for (String name : new String[] { "127.0.0.1", "localhost", "[::1]", "LocalHost", "viewer.localhost", "127.1.2.3" }) {
			assertThat(http().get("/api/stats", "Host: " + name + ":" + port()).status()).as(name).isEqualTo(200);
		}
		assertThat(http().upgrade("/api/stream", "Host: localhost:" + port(), "Origin: http://localhost:" + port())
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
