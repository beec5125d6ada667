package dev.zmqlog.viewer.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.socket.server.HandshakeFailureException;

/**
 * A WebSocket handshake whose headers Tomcat or Spring cannot use (a malformed
 * {@code Sec-WebSocket-Extensions}, say) is the client's doing: answered 400, not logged.
 * It leaves the servlet as an exception that no MVC exception handler sees (the stream is
 * not a controller), so the container would answer 500 and log a stack trace whose message
 * carries the URL, token and all.
 */
final class HandshakeFailureFilter extends OncePerRequestFilter {

	static final String HANDSHAKE_FAILED = "The WebSocket handshake cannot be completed with these "
			+ "Sec-WebSocket-* headers";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException ex) {
			if (!(ex.getCause() instanceof HandshakeFailureException) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			new ErrorBody(HttpServletResponse.SC_BAD_REQUEST, HANDSHAKE_FAILED).writeTo(response);
		}
	}

}
