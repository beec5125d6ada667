package dev.zmqlog.viewer.http;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes every query string a browser sends, and refuses a URL nothing behind it could use,
 * before anything reads it. A request whose parameters (query string or form) cannot be
 * decoded (a bad percent-encoding, invalid UTF-8, too many parameters) is answered 400
 * with a reason; so is one whose URL, as a proxy's {@code X-Forwarded-*} or
 * {@code Forwarded} headers describe it (with
 * {@code server.forward-headers-strategy=framework}), is no valid URI: Spring fails on it
 * later, with the URL, token included, in the log. Characters that browsers leave raw in
 * an address but that RFC 3986 does not allow in a query ({@code | [ ] ^ \ ` { } " < >}, let in by
 * {@link TomcatSettings}) are percent-encoded in {@link HttpServletRequest#getQueryString()},
 * so that code building a {@code java.net.URI} from the request (Spring's request wrapper,
 * Tomcat's WebSocket handshake) never fails on them; parameter values are the same either way.
 */
final class RequestUrlFilter extends OncePerRequestFilter {

	static final String UNREADABLE = "The parameters cannot be read: a bad percent-encoding (such as %FF or %G0), "
			+ "invalid UTF-8, or too many parameters";

	static final String NO_URL = "The request's URL, as the X-Forwarded-* or Forwarded headers describe it, "
			+ "is not a valid URL";

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			// Tomcat's InvalidParameterException: its message quotes the values, the token among them,
			// so it is neither logged nor shown
			new ErrorBody(HttpServletResponse.SC_BAD_REQUEST, UNREADABLE).writeTo(response);
			return;
		}
		String query = request.getQueryString();
		String encoded = (query != null) ? rfc3986(query) : null;
		HttpServletRequest passed = (encoded == null || encoded.equals(query)) ? request
				: new EncodedQuery(request, encoded);
		if (!isValidUrl(passed)) {
			new ErrorBody(HttpServletResponse.SC_BAD_REQUEST, NO_URL).writeTo(response);
			return;
		}
		chain.doFilter(passed, response);
	}

	/** What Spring builds from every request: a URI, and the path within the application. */
	private static boolean isValidUrl(HttpServletRequest request) {
		try {
			new URI(request.getRequestURL().toString());
			RequestPath.parse(request.getRequestURI(), request.getContextPath());
			return true;
		}
		catch (URISyntaxException | RuntimeException ex) {
			return false;
		}
	}

	/** The query with every character RFC 3986 does not allow there percent-encoded. */
	static String rfc3986(String query) {
		StringBuilder encoded = new StringBuilder(query.length() + 16);
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (isQueryChar(c) || (c == '%' && isHex(query, i + 1) && isHex(query, i + 2))) {
				encoded.append(c);
			}
			else {
				for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
					encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
				}
			}
		}
		return encoded.toString();
	}

	/** unreserved, sub-delims, {@code : @ / ?} */
	private static boolean isQueryChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
	}

	private static boolean isHex(String text, int index) {
		return index < text.length() && Character.digit(text.charAt(index), 16) >= 0
				&& text.charAt(index) < 128;
	}

	private static final class EncodedQuery extends HttpServletRequestWrapper {

		private final String query;

		EncodedQuery(HttpServletRequest request, String query) {
			super(request);
			this.query = query;
		}

		@Override
		public @Nullable String getQueryString() {
			return this.query;
		}

	}

}
