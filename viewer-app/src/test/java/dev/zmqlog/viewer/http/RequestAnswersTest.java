package dev.zmqlog.viewer.http;

import dev.zmqlog.viewer.ViewerApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a client sends, the running viewer answers it: the page or the API's data, or
 * JSON {@code {"status":N,"error":"why"}}, never a container's HTML page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestAnswersTest extends RunningViewerTest {

	@Test
	void regularExpressionsPastedIntoTheAddressBarGetThePage() {
		for (String query : new String[] { "regex=1&q=a|b", "regex=1&q=[0-9]", "regex=1&q=\\d{4}", "regex=1&q=^GET",
				"q=`x`", "q={}", "q=\"quoted\"", "q=<b>", "regex=1&q=(a|b)[x]{2}^`\\" }) {
			RawHttp.Answer answer = http().get("/?" + query);
			assertThat(answer.status()).as(query).isEqualTo(200);
			assertThat(answer.body()).as(query).contains("<title>zmqlog</title>");
		}
	}

	@Test
	void regularExpressionCharactersReachTheApiAsParameters() {
		RawHttp.Answer answer = http().get("/api/entries?q=a|b[0-9]\\d{4}^`&limit=5");
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.isJson()).isTrue();
		assertThat(ViewerApi.JSON.readTree(answer.body()).isArray()).isTrue();
	}

	@Test
	void undecodableParametersAreABadRequestWithTheReason() {
		for (String query : new String[] { "q=%FF", "q=%C3%28", "q=%G0", "q=%", "%FF=1", "topic=a&q=%E2%82" }) {
			RawHttp.Answer answer = http().get("/api/entries?" + query);
			assertError(answer, 400, query).contains("cannot be read");
		}
		assertError(http().get("/?q=%FF"), 400, "the page").contains("cannot be read");
	}

	@Test
	void aBadValueIsABadRequestNamingIt() {
		assertError(http().get("/api/entries?limit=abc"), 400, "limit").contains("abc");
		assertError(http().get("/api/entries?level=LOUD"), 400, "level").contains("LOUD");
	}

	@Test
	void errorPathAskedForDirectlyIsNotFound() {
		assertError(http().get("/error"), 404, "/error").contains("/error");
		assertError(http().get("/error?status=500"), 404, "/error?status=500");
	}

	@Test
	void unknownPagesWrongMethodsAndFormatsSayWhy() {
		assertError(http().get("/no/such/page"), 404, "page").contains("no/such/page");
		RawHttp.Answer delete = http()
			.send("DELETE /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes());
		assertError(delete, 405, "DELETE").contains("DELETE");
		assertThat(delete.headers()).containsEntry("allow", "GET");
		assertError(http().get("/api/stats", "Accept: text/html"), 406, "Accept: text/html");
		RawHttp.Answer upload = http().send(("POST /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
				+ "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 9\r\n\r\n--b\r\nbad").getBytes());
		assertError(upload, 405, "a broken multipart body");
	}

	@Test
	void aWebSocketHandshakeWithHeadersThatCannotBeUsedIsABadRequest() {
		for (String extensions : new String[] { "permessage-deflate; client_max_window_bits=99", ";;;,,,=" }) {
			assertError(http().upgrade("/api/stream", "Sec-WebSocket-Extensions: " + extensions), 400, extensions)
				.contains("handshake");
		}
		assertThat(http().upgrade("/api/stream", "Sec-WebSocket-Extensions: permessage-deflate").status()).isEqualTo(101);
	}

	@Test
	void requestsTomcatRefusesAreAnsweredInJsonToo() {
		RawHttp.Answer control = http().send("GET /?q=a\u0001b HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
		assertError(control, 400, "a control character");
		RawHttp.Answer badHost = http().send("GET / HTTP/1.1\r\nHost: bad host\r\n\r\n".getBytes());
		assertError(badHost, 400, "a bad Host");
		RawHttp.Answer hugeHeader = http().get("/", "X-Big: " + "a".repeat(20_000));
		assertError(hugeHeader, 400, "a huge header");
		RawHttp.Answer version = http().send("GET / HTTP/9.9\r\nHost: x\r\n\r\n".getBytes());
		assertError(version, 505, "HTTP/9.9");
	}

	private static org.assertj.core.api.AbstractStringAssert<?> assertError(RawHttp.Answer answer, int status,
			String what) {
		assertThat(answer.status()).as("%s: %s", what, answer.body()).isEqualTo(status);
		assertThat(answer.isJson()).as("%s: JSON, not a page: %s", what, answer).isTrue();
		JsonNode body = ViewerApi.JSON.readTree(answer.body());
		assertThat(body.get("error").isString()).as("%s: a reason: %s", what, answer.body()).isTrue();
		return assertThat(body.get("error").asString()).as(what);
	}

}
