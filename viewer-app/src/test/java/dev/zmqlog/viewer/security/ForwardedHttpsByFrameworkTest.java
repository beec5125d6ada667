package dev.zmqlog.viewer.security;

import dev.zmqlog.viewer.ViewerApi;
import dev.zmqlog.viewer.http.LogCapture;
import dev.zmqlog.viewer.http.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same with {@code server.forward-headers-strategy=framework}: Spring's
 * {@code ForwardedHeaderFilter} runs before the access token's filter. It trusts any
 * client, so forwarded headers that make no URL are refused before Spring builds one.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
class ForwardedHttpsByFrameworkTest extends ForwardedHttpsTest {

	@Test
	void forwardedHeadersThatMakeNoUrlAreABadRequestAndNoStackTrace() {
		RawHttp http = http();
		try (LogCapture log = new LogCapture()) {
			for (String header : new String[] { "X-Forwarded-Host: a b", "X-Forwarded-Proto: ht tp",
					"X-Forwarded-Prefix: ../../x" }) {
				for (RawHttp.Answer answer : new RawHttp.Answer[] { http.get("/?token=s3cret-token", header),
						http.get("/api/stats", header, "Authorization: Bearer s3cret-token"),
						http.upgrade("/api/stream?token=s3cret-token", header) }) {
					assertThat(answer.status()).as(header).isEqualTo(400);
					// a prefix Spring cannot take fails its error page too: then Tomcat's answer, in JSON
					assertThat(ViewerApi.JSON.readTree(answer.body()).get("status").asInt()).as(header).isEqualTo(400);
				}
			}
			log.assertNoStackTraceErrorOr("s3cret-token");
		}
	}

}
