package dev.zmqlog.viewer.security;

import dev.zmqlog.viewer.ViewerApi;
import dev.zmqlog.viewer.http.RawHttp;
import dev.zmqlog.viewer.http.RunningViewerTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream's handshake checks the page's Origin; one that is not an origin at all is
 * refused with a reason, never with a server error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OriginFilterTest extends RunningViewerTest {

	@Test
	void theViewersOwnPageAndClientsWithoutOriginOpenTheStream() {
		assertThat(http().upgrade("/api/stream", "Origin: http://127.0.0.1:" + port()).status()).isEqualTo(101);
		assertThat(http().upgrade("/api/stream").status()).isEqualTo(101);
	}

	@Test
	void originsThatAreNoOriginsAreRefusedWithAReason() {
		for (String origin : new String[] { "http://127.0.0.1:" + port() + ".evil.example", "http://127.0.0.1:99999",
				"http://127.0.0.1:", "garbage", "", "http://", "http://[::1", "http://127.0.0.1:" + port() + "/",
				"http://user@127.0.0.1:" + port(), "http://h:1:2" }) {
			for (RawHttp.Answer answer : new RawHttp.Answer[] { http().upgrade("/api/stream", "Origin: " + origin),
					http().get("/api/stats", "Origin: " + origin) }) {
				assertThat(answer.status()).as(origin).isEqualTo(403);
				assertThat(answer.isJson()).as(origin).isTrue();
				assertThat(ViewerApi.JSON.readTree(answer.body()).get("error").asString()).as(origin).contains("Origin");
			}
		}
	}

	@Test
	void otherSitesCannotOpenTheStream() {
		for (String origin : new String[] { "http://evil.example", "null", "http://127.0.0.1:" + (port() + 1),
				"https://127.0.0.1:" + port(), "http://localhost:" + port() }) {
			assertThat(http().upgrade("/api/stream", "Origin: " + origin).status()).as(origin).isEqualTo(403);
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
