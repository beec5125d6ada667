package dev.zmqlog.viewer.http;

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

	/** A piece of the request to quote in a reason, cut short: answers stay small. */
	static String quoted(Object value) {
		String text = String.valueOf(value);
		return "'" + ((text.length() > MAX_QUOTED) ? text.substring(0, MAX_QUOTED) + "..." : text) + "'";
	}

}
