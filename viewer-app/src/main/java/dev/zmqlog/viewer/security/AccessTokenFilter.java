package dev.zmqlog.viewer.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Guards the UI, the API and the WebSocket with the access token: presented as
 * {@code Authorization: Bearer TOKEN}, or once as {@code ?token=TOKEN}, which is turned
 * into an HttpOnly, SameSite=Strict session cookie (and, for a page, a redirect that takes
 * the token out of the address bar). Anything else is answered 401. The scheme's name is
 * case-insensitive ({@code bearer TOKEN} too, RFC 9110); the cookie is {@code Secure} when
 * the request came over HTTPS, directly or through a proxy that says so and that
 * {@code server.forward-headers-strategy} trusts.
 */
public final class AccessTokenFilter extends OncePerRequestFilter {

	static final String COOKIE = "ZMQLOG_SESSION";

	private static final String BEARER = "Bearer";

	private final AccessToken token;

	public AccessTokenFilter(AccessToken token) {
		this.token = token;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (hasValidBearer(request) || hasValidCookie(request)) {
			chain.doFilter(request, response);
			return;
		}
		String queryToken = request.getParameter("token");
		if (queryToken != null && this.token.matches(queryToken)) {
			response.addHeader(HttpHeaders.SET_COOKIE, sessionCookie(request.isSecure()).toString());
			if (isPage(request)) {
				// relative: nothing is built from the Host or a proxy's headers, and the browser keeps its scheme
				response.setStatus(HttpServletResponse.SC_FOUND);
				response.setHeader(HttpHeaders.LOCATION, withoutToken(request));
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"zmqlog\"");
		response.sendError(HttpServletResponse.SC_UNAUTHORIZED,
				"This viewer needs its access token: Authorization: Bearer TOKEN, or ?token=TOKEN once");
	}

	private boolean hasValidBearer(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.length() > BEARER.length()
				&& authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
				&& authorization.charAt(BEARER.length()) == ' '
				&& this.token.matches(authorization.substring(BEARER.length() + 1).strip());
	}

	private boolean hasValidCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName()) && this.token.matchesSession(cookie.getValue())) {
				return true;
			}
		}
		return false;
	}

	private ResponseCookie sessionCookie(boolean secure) {
		return ResponseCookie.from(COOKIE, this.token.sessionValue())
			.httpOnly(true)
			.secure(secure)
			.sameSite("Strict")
			.path("/")
			.build();
	}

	/** A page a person opened, as opposed to the API or the stream. */
	private static boolean isPage(HttpServletRequest request) {
		String path = request.getRequestURI();
		return "GET".equals(request.getMethod()) && !path.startsWith("/api/");
	}

	/**
	 * The same address without the token, as a path (the builder makes a leading
	 * {@code //evil.example/} one slash: the browser stays on the viewer).
	 */
	private static String withoutToken(HttpServletRequest request) {
		String query = request.getQueryString();
		UriComponentsBuilder target = UriComponentsBuilder.fromPath(request.getRequestURI());
		if (query != null) {
			target.query(query).replaceQueryParam("token");
		}
		return target.build().toUriString();
	}

	static @Nullable String tokenOf(@Nullable String configured, @Nullable String environment) {
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		return (environment != null && !environment.isBlank()) ? environment : null;
	}

}
