package dev.zmqlog.viewer.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.viewer.http.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The access token guards the UI, the API and the stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "zmq.log.viewer.access-token=s3cret-token")
class AccessTokenTest {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void quietEndpoint(DynamicPropertyRegistry registry) {
		registry.add("zmq.log.viewer.endpoints", FreePorts::endpoint);
	}

	private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void withoutTheTokenEverythingIsUnauthorized() throws Exception {
		for (String path : new String[] { "/", "/index.html", "/api/stats", "/api/entries", "/api/topics" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Bearer realm=\"zmqlog\"");
		}
	}

	@Test
	void aWrongTokenIsUnauthorized() throws Exception {
		assertThat(get("/api/stats", "Authorization", "Bearer s3cret-tokeN").statusCode()).isEqualTo(401);
		assertThat(get("/api/stats?token=nope").statusCode()).isEqualTo(401);
		assertThat(get("/api/stats", "Cookie", AccessTokenFilter.COOKIE + "=s3cret-token").statusCode())
			.isEqualTo(401);
	}

	@Test
	void bearerTokenOpensTheApi() throws Exception {
		HttpResponse<String> response = get("/api/stats", "Authorization", "Bearer s3cret-token");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"received\"");
	}

	@Test
	void bearerSchemeIsCaseInsensitive() throws Exception {
		for (String scheme : new String[] { "bearer", "BEARER", "bEaReR" }) {
			assertThat(get("/api/stats", "Authorization", scheme + " s3cret-token").statusCode()).as(scheme)
				.isEqualTo(200);
		}
		assertThat(get("/api/stats", "Authorization", "Bearers3cret-token").statusCode()).isEqualTo(401);
		assertThat(get("/api/stats", "Authorization", "Bear s3cret-token").statusCode()).isEqualTo(401);
		assertThat(get("/api/stats", "Authorization", "Basic s3cret-token").statusCode()).isEqualTo(401);
	}

	@Test
	void withATokenAnyHostNameIsAnsweredToWhoPresentsIt() throws Exception {
		RawHttp http = new RawHttp(this.port);
		assertThat(http.get("/api/stats", "Host: logs.example.com", "Authorization: Bearer s3cret-token").status())
			.isEqualTo(200);
		assertThat(http.get("/api/stats", "Host: logs.example.com").status()).isEqualTo(401);
	}

	@Test
	void theRefusalSaysHowToPresentTheToken() throws Exception {
		HttpResponse<String> response = get("/api/stats");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).contains("Authorization: Bearer TOKEN").doesNotContain("s3cret");
	}

	@Test
	void tokenInTheUrlBecomesAStrictHttpOnlyCookieAndLeavesTheAddressBar() throws Exception {
		HttpResponse<String> first = get("/?topic=orders.&token=s3cret-token&level=WARN");
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(first.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/?topic=orders.&level=WARN").doesNotContain("s3cret"));
		String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith(AccessTokenFilter.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict")
			.doesNotContain("s3cret-token");

		String session = cookie.substring(0, cookie.indexOf(';'));
		HttpResponse<String> page = get("/", "Cookie", session);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<title>zmqlog</title>");
		assertThat(get("/api/topics", "Cookie", session).statusCode()).isEqualTo(200);
	}

	@Test
	void theStreamNeedsTheTokenToo() throws Exception {
		URI stream = URI.create("ws://127.0.0.1:" + this.port + "/api/stream");
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> this.http.newWebSocketBuilder().buildAsync(stream, new WebSocket.Listener() {
			}).join())
			.havingCause()
			.isInstanceOfSatisfying(WebSocketHandshakeException.class,
					(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(401));

		WebSocket open = this.http.newWebSocketBuilder()
			.header("Authorization", "Bearer s3cret-token")
			.buildAsync(stream, new WebSocket.Listener() {
			})
			.get(10, TimeUnit.SECONDS);
		open.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
	}

	@Test
	void viewerOnAnOpenAddressWithoutATokenRefusesToStart() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> ViewerSecurityConfiguration.refuseExposureWithoutToken("0.0.0.0", null))
			.withMessageContaining("0.0.0.0")
			.withMessageContaining("zmq.log.viewer.access-token")
			.withMessageContaining("ZMQLOG_ACCESS_TOKEN");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> ViewerSecurityConfiguration.refuseExposureWithoutToken(null, null))
			.withMessageContaining("every interface");
		ViewerSecurityConfiguration.refuseExposureWithoutToken("127.0.0.1", null);
		ViewerSecurityConfiguration.refuseExposureWithoutToken("localhost", null);
		ViewerSecurityConfiguration.refuseExposureWithoutToken("0.0.0.0", "token");
	}


}
