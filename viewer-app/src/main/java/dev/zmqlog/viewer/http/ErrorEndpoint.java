package dev.zmqlog.viewer.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the container sends every error it answers ({@code sendError}, an exception that
 * left the servlet): the same JSON as every other error, never a container page. Replaces
 * Spring Boot's {@code BasicErrorController}, which answers a request for {@code /error}
 * itself with a 500 and browsers with an HTML page.
 */
@RestController
final class ErrorEndpoint implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ErrorBody> error(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			return ErrorBody.answer(HttpStatus.NOT_FOUND, "No such page: " + request.getRequestURI());
		}
		HttpStatus status = statusOf(request);
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		// a server error's message comes from an exception: it is for the log, not for the client
		boolean ownReason = status.is4xxClientError() && message instanceof String text && !text.isBlank();
		return ErrorBody.answer(status, ownReason ? (String) message : status.getReasonPhrase());
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
