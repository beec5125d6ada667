package dev.zmqlog.viewer.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Without an access token the viewer answers only requests addressed to a loopback name
 * ({@code 127.0.0.1} and the rest of {@code 127/8}, {@code localhost} and
 * {@code *.localhost}, {@code [::1]}); anything else is refused with 403 and the reason.
 * This stops DNS rebinding: a web page at {@code http://evil.example:8090} whose name
 * is made to resolve to 127.0.0.1 would otherwise be same-origin with the viewer, read
 * its API and open its stream. Names are compared as written, never resolved. With a
 * token set the token guards every request, whatever the name.
 */
public final class LoopbackHostFilter extends OncePerRequestFilter {

	static final String REFUSED = "Without an access token this viewer answers only to a loopback address "
			+ "(127.0.0.1, localhost, [::1]); set " + ViewerSecurityConfiguration.TOKEN_PROPERTY
			+ " to reach it by another name";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isLoopbackName(hostName(request))) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN, REFUSED);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * The name the browser addressed, from the {@code Host} header itself: a proxy's
	 * {@code X-Forwarded-Host}, which the forward-headers strategies put in its place, is
	 * one more header a rebound page can set on its own requests.
	 */
	private static String hostName(HttpServletRequest request) {
		String host = request.getHeader(HttpHeaders.HOST);
		if (host == null) {
			// HTTP/1.0 without Host: not a browser; the container names the address it was reached on
			return request.getServerName();
		}
		return Authority.of(host).host();
	}

	static boolean isLoopbackName(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.endsWith(".")) {
			name = name.substring(0, name.length() - 1);
		}
		return name.equals("localhost") || name.endsWith(".localhost") || name.equals("[::1]") || name.equals("::1")
				|| isLoopbackIpv4(name);
	}

	/** {@code 127.a.b.c} in dotted decimal, each part 0 to 255. */
	private static boolean isLoopbackIpv4(String name) {
		String[] parts = name.split("\\.", -1);
		if (parts.length != 4 || !parts[0].equals("127")) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch((c) -> c >= '0' && c <= '9')
					|| Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

}
