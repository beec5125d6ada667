package dev.zmqlog.viewer.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 403 and a reason, a request whose {@code Origin} header is not an origin
 * as browsers write it: {@code scheme://host[:port]} (RFC 6454) or {@code null}. Spring's
 * parsers throw on some of them ({@code http://127.0.0.1:8090.evil.example}: a port that
 * is not a number), which made the WebSocket handshake a 500 with a stack trace in the log;
 * no browser sends one, so nothing is lost by refusing them all. The stream's same-origin
 * check then only ever sees well-formed origins. A request without {@code Origin} (not
 * from a browser page) passes.
 */
public final class OriginFilter extends OncePerRequestFilter {

	static final String MALFORMED = "The Origin header is not an origin (scheme://host[:port])";

	private static final int MAX_LENGTH = 2048;

	private static final int MAX_PORT = 65_535;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var origins = request.getHeaders(HttpHeaders.ORIGIN);
		while (origins != null && origins.hasMoreElements()) {
			if (!isOrigin(origins.nextElement())) {
				response.sendError(HttpServletResponse.SC_FORBIDDEN, MALFORMED);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** {@code null}, or {@code scheme "://" host [ ":" port ]} with nothing else. */
	static boolean isOrigin(String origin) {
		if (origin.equals("null")) {
			return true;
		}
		int separator = origin.indexOf("://");
		if (origin.length() > MAX_LENGTH || separator < 1 || !isScheme(origin.substring(0, separator))) {
			return false;
		}
		Authority authority = Authority.of(origin.substring(separator + 3));
		return isHost(authority.host()) && (authority.port() == null || isPort(authority.port()));
	}

	private static boolean isScheme(String scheme) {
		if (!isAsciiLetter(scheme.charAt(0))) {
			return false;
		}
		return scheme.chars().allMatch((c) -> isAsciiLetter(c) || isDigit(c) || c == '+' || c == '-' || c == '.');
	}

	/** An IPv6 literal in brackets, or an IPv4 address or DNS name as browsers write it (ASCII). */
	private static boolean isHost(String host) {
		if (host.length() > 2 && host.startsWith("[") && host.endsWith("]")) {
			return host.substring(1, host.length() - 1).chars().allMatch((c) -> isHexDigit(c) || c == ':' || c == '.');
		}
		return !host.isEmpty()
				&& host.chars().allMatch((c) -> isAsciiLetter(c) || isDigit(c) || c == '-' || c == '.' || c == '_');
	}

	private static boolean isPort(String port) {
		return !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(OriginFilter::isDigit)
				&& Integer.parseInt(port) <= MAX_PORT;
	}

	private static boolean isAsciiLetter(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean isDigit(int c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isHexDigit(int c) {
		return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

}
