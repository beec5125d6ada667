package dev.zmqlog.viewer.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What every error answer of the viewer carries: {@code {"status":400,"error":"why"}}.
 *
 * @param status the HTTP status, repeated for clients that only keep the body
 * @param error why the request failed, for a person to read
 */
public record ErrorBody(int status, String error) {

	/** Longest piece of a request that an answer quotes back. */
	private static final int MAX_QUOTED = 80;

	/**
	 * The answer, as JSON whatever the request's {@code Accept} says: an error must
	 * never fail again for want of a format the client would take.
	 */
	public static ResponseEntity<ErrorBody> answer(HttpStatusCode status, HttpHeaders headers, String error) {
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ErrorBody(status.value(), error));
	}

	public static ResponseEntity<ErrorBody> answer(HttpStatusCode status, String error) {
		return answer(status, HttpHeaders.EMPTY, error);
	}

	/**
	 * Writes the answer straight into the response, for a filter that must not go through
	 * the container's error dispatch (which runs Spring's forwarded-header filter again).
	 */
	void writeTo(HttpServletResponse response) throws IOException {
		response.setStatus(this.status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"status\":" + this.status + ",\"error\":\"" + jsonEscaped(this.error) + "\"}");
	}

	private static String jsonEscaped(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				escaped.append('\\').append(c);
			}
			else if (c < 0x20) {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/** A piece of the request to quote in a reason, cut short: answers stay small. */
	static String quoted(Object value) {
		String text = String.valueOf(value);
		return "'" + ((text.length() > MAX_QUOTED) ? text.substring(0, MAX_QUOTED) + "..." : text) + "'";
	}

}
