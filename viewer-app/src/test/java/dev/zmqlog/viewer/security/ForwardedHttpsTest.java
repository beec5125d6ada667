package dev.zmqlog.viewer.security;

import dev.zmqlog.viewer.http.RawHttp;
import dev.zmqlog.viewer.http.RunningViewerTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS-terminating proxy that says so ({@code X-Forwarded-Proto: https}) and that
 * {@code server.forward-headers-strategy=native} trusts, the session cookie is
 * {@code Secure}; over plain HTTP it is not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zmq.log.viewer.access-token=s3cret-token", "server.forward-headers-strategy=native" })
class ForwardedHttpsTest extends RunningViewerTest {

	@Test
	void sessionCookieIsSecureWhenTheProxySaysHttps() {
		RawHttp.Answer answer = http().get("/?token=s3cret-token&level=WARN", "X-Forwarded-Proto: https");
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.headers().get("set-cookie")).contains("; Secure").contains("HttpOnly").contains("SameSite=Strict");
		// relative: the browser stays on the scheme it used
		assertThat(answer.headers().get("location")).isEqualTo("/?level=WARN");
	}

	@Test
	void theRedirectNeverLeavesTheViewer() {
		for (String path : new String[] { "//evil.example/", "///evil.example/x", "/\\evil.example/" }) {
			RawHttp.Answer answer = http().get(path + "?token=s3cret-token&q=1");
			if (answer.status() == 302) {
				assertThat(answer.headers().get("location")).as(path).startsWith("/").doesNotStartWith("//")
					.doesNotStartWith("/\\").endsWith("?q=1");
			}
			else {
				assertThat(answer.status()).as(path).isEqualTo(400);
			}
		}
	}

	@Test
	void sessionCookieIsNotSecureOverPlainHttp() {
		RawHttp.Answer answer = http().get("/?token=s3cret-token");
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.headers().get("set-cookie")).startsWith(AccessTokenFilter.COOKIE + "=")
			.doesNotContain("Secure");
	}

}
