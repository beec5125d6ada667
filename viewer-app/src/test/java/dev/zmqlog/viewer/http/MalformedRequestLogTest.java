package dev.zmqlog.viewer.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.zmqlog.viewer.security.AccessToken;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request, however malformed, makes the viewer log a stack trace, an error or its
 * token: a battery of hostile requests against the running viewer (bad encodings, huge
 * and broken headers, bad Origins, wrong tokens, odd methods, bad paths, raw bytes),
 * with every log event of the viewer captured meanwhile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "zmq.log.viewer.access-token="
		+ MalformedRequestLogTest.TOKEN)
class MalformedRequestLogTest extends RunningViewerTest {

	static final String TOKEN = "s3cret-token-4711";

	@Test
	void noMalformedRequestLogsAStackTraceAnErrorOrTheToken() {
		List<RawHttp.Answer> answers;
		try (LogCapture log = new LogCapture()) {
			answers = sendBattery(http());
			// a well-formed request last: whatever the others logged is in by the time it is answered
			assertThat(http().get("/api/stats", "Authorization: Bearer " + TOKEN).status()).isEqualTo(200);
			log.assertNoStackTraceErrorOr(TOKEN, new AccessToken(TOKEN).sessionValue());
		}
		for (RawHttp.Answer answer : answers) {
			assertThat(answer.body()).as("a container page: %s", answer).doesNotContainIgnoringCase("<html");
		}
	}

	private List<RawHttp.Answer> sendBattery(RawHttp http) {
		String token = "token=" + TOKEN;
		String bearer = "Authorization: Bearer " + TOKEN;
		String cookie = "Cookie: ZMQLOG_SESSION=" + new AccessToken(TOKEN).sessionValue();
		String port = String.valueOf(port());
		List<RawHttp.Answer> answers = new ArrayList<>();
		// bad encodings, with the token in the URL
		for (String query : new String[] { "q=%FF", "q=%G0", "q=%", "q=a|b", "q=[0-9]", "q=\\d{4}", "q=^`{}" }) {
			answers.add(http.get("/?" + token + "&" + query));
			answers.add(http.get("/api/entries?" + token + "&" + query));
			answers.add(http.upgrade("/api/stream?" + token + "&" + query));
		}
		answers.add(http.get("/?" + token.replace("=", "=%FF")));
		// request lines and headers Tomcat cannot parse, the token in them
		for (String line : new String[] { "GET /?" + token + "&q=a\u0001b HTTP/1.1", "GET /?" + token + "&q=a b HTTP/1.1",
				"GET /a\u007fb?" + token + " HTTP/1.1", "GET /%ZZ?" + token + " HTTP/1.1", "GET /%00?" + token + " HTTP/1.1",
				"GET /..;/..;/etc/passwd?" + token + " HTTP/1.1", "GET http://evil.example/?" + token + " HTTP/1.1",
				"GET *?" + token + " HTTP/1.1", "G\u0000T /?" + token + " HTTP/1.1", "GET /?" + token + " HTTP/9.9",
				"GET /?" + token + " HTTX/1.1", "GET /?" + token }) {
			answers.add(http.send((line + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
		}
		answers.add(http.get("/?" + token, "Host: bad host"));
		answers.add(http.get("/?" + token, "X-Big: " + "a".repeat(20_000)));
		answers.add(http.get("/?" + token, cookie + "\"; broken=\u0001\"" + TOKEN));
		answers.add(http.get("/?" + token, "Content-Length: -5"));
		answers.add(http.get("/?" + token, "Transfer-Encoding: chunked, identity"));
		answers.add(http.get("/?" + token, "Bad Header Name: x"));
		List<String> manyHeaders = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			manyHeaders.add("H" + i + ": v");
		}
		answers.add(http.get("/?" + token, manyHeaders.toArray(String[]::new)));
		// Origins, well-formed or not, on the stream and elsewhere
		for (String origin : new String[] { "http://127.0.0.1:" + port + ".evil.example", "http://127.0.0.1:99999",
				"http://127.0.0.1:-1", "http://[::1", "http://[zz]:80", "garbage", "null", "", "http://", "://x",
				"http://evil.example", "http://user@127.0.0.1:" + port, "http://127.0.0.1:" + port + "/path",
				"http://127.0.0.1:" + port + "?q", "http://h:8080:9090", "http://%41:1", "\u00ff\u00fe" }) {
			answers.add(http.upgrade("/api/stream?" + token, "Origin: " + origin));
			answers.add(http.upgrade("/api/stream", bearer, "Origin: " + origin));
			answers.add(http.get("/api/stats", bearer, "Origin: " + origin));
			answers.add(http.send(("OPTIONS /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nOrigin: " + origin
					+ "\r\nAccess-Control-Request-Method: GET\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
		}
		// wrong tokens and schemes
		for (String authorization : new String[] { "Bearer wrong", "Bearer", "Bearer ", "bearer  " + TOKEN + "x",
				"Basic " + TOKEN, TOKEN, "Bearer " + "x".repeat(10_000) }) {
			answers.add(http.get("/api/stats", "Authorization: " + authorization));
		}
		answers.add(http.get("/api/stats?token=" + TOKEN + "x"));
		answers.add(http.get("/api/stats", "Cookie: ZMQLOG_SESSION=" + TOKEN));
		// odd methods and paths
		for (String method : new String[] { "FOO", "TRACE", "PROPFIND", "CONNECT", "DELETE", "PUT", "PATCH", "HEAD" }) {
			answers.add(http.send((method + " /api/stats?" + token + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
					+ "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
		}
		for (String path : new String[] { "/error", "/error?" + token, "/api/entries/abc", "/api/../../x", "//api//stats",
				"/api/stats;jsessionid=1", "/api/stats%2F..%2F", "/%2e%2e/%2e%2e/", "/api/entries?limit=abc&" + token,
				"/api/entries?limit=-1&" + token, "/api/entries?level=LOUD&" + token, "/api/stream?after=x&" + token,
				"/" + "a".repeat(9_000) + "?" + token }) {
			answers.add(http.get(path, bearer));
		}
		answers.add(http.send(("POST /api/stats?" + token + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
				+ "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 12\r\n\r\n--b\r\nbroken")
			.getBytes(StandardCharsets.ISO_8859_1)));
		answers.add(http.send(("POST /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + bearer
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n\r\na=%FF")
			.getBytes(StandardCharsets.ISO_8859_1)));
		// WebSocket handshakes that are wrong in other ways
		for (String extensions : new String[] { "permessage-deflate; client_max_window_bits=99", ";;;,,,=",
				"permessage-deflate; server_no_context_takeover; server_no_context_takeover", "x-unknown; a=\"" }) {
			answers.add(http.upgrade("/api/stream?" + token, "Sec-WebSocket-Extensions: " + extensions));
		}
		answers.add(http.send(("GET /api/stream?" + token + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
				+ "Connection: Upgrade\r\nSec-WebSocket-Version: 7\r\nSec-WebSocket-Key: x\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1)));
		answers.add(http.send(("GET /api/stream?" + token + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
				+ "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
		// bytes that are not HTTP at all: a TLS ClientHello, the HTTP/2 preface, noise
		answers.add(http.send(new byte[] { 0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03, 13, 10, 13,
				10 }));
		answers.add(http.send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
		Random random = new Random(4711);
		for (int i = 0; i < 5; i++) {
			byte[] noise = new byte[200 + random.nextInt(2_000)];
			random.nextBytes(noise);
			answers.add(http.send(noise));
		}
		return answers;
	}

}
