package dev.zmqlog.viewer.security;

import dev.zmqlog.viewer.http.RawHttp;
import dev.zmqlog.viewer.http.RunningViewerTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of the viewer, page, API or refusal, forbids framing, sniffing and
 * referrers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserHeadersFilterTest extends RunningViewerTest {

	@Test
	void pagesApiAndRefusalsCarryTheHeaders() {
		for (RawHttp.Answer answer : new RawHttp.Answer[] { http().get("/"), http().get("/api/stats"),
				http().get("/no/such/page"), http().get("/api/entries?q=%FF"), http().get("/", "Origin: garbage"),
				http().get("/", "Host: evil.example") }) {
			assertThat(answer.headers()).as(answer.toString())
				.containsEntry("x-frame-options", "DENY")
				.containsEntry("content-security-policy", "frame-ancestors 'none'")
				.containsEntry("x-content-type-options", "nosniff")
				.containsEntry("referrer-policy", "no-referrer");
		}
	}

}
