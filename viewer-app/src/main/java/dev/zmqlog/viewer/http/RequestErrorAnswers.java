package dev.zmqlog.viewer.http;

import jakarta.servlet.ServletException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Answers what Spring MVC finds wrong with a request (a value of the wrong type, a missing
 * parameter, a method, a media type, a page that does not exist) with the status Spring
 * chose and a reason, as JSON. Left to Spring, they are answered by a bare status, without
 * saying why. A controller's own handlers come first.
 */
@RestControllerAdvice
final class RequestErrorAnswers {

	@ExceptionHandler(TypeMismatchException.class)
	ResponseEntity<ErrorBody> wrongType(TypeMismatchException ex) {
		String name = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
				: ex.getPropertyName();
		Class<?> type = ex.getRequiredType();
		String expected = (type != null) ? " is not a valid " + type.getSimpleName() : " is not valid";
		return ErrorBody.answer(HttpStatus.BAD_REQUEST, name + ": " + ErrorBody.quoted(ex.getValue()) + expected);
	}

	/**
	 * Spring's own request errors, which say their status and reason.
	 * @throws Exception the exception itself when it is of another kind, for the next resolver
	 */
	@ExceptionHandler({ ServletException.class, ErrorResponseException.class })
	ResponseEntity<ErrorBody> requestError(Exception ex) throws Exception {
		if (!(ex instanceof ErrorResponse response) || !response.getStatusCode().isError()) {
			throw ex;
		}
		ProblemDetail body = response.getBody();
		String reason = (body.getDetail() != null) ? body.getDetail() : String.valueOf(body.getTitle());
		return ErrorBody.answer(response.getStatusCode(), response.getHeaders(), reason);
	}

}
