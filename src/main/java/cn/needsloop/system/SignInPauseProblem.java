package cn.needsloop.system;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The answer of {@code /api} and {@code /engine-rest} to a sign-in while a pause is in force: 429 Too
 * Many Requests, {@code Retry-After} in seconds and an RFC 9457 problem that says the pause is temporary
 * and how long it lasts, in Chinese for {@code Accept-Language: zh-CN}, English otherwise.
 */
final class SignInPauseProblem {

	private SignInPauseProblem() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, SignInPausedException paused,
			MessageSource messages, ObjectMapper json) throws IOException {
		Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? Locale.ENGLISH : request.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
		problem.setType(URI.create(ApiExceptionHandler.TYPE_BASE + "too-many-requests"));
		problem.setTitle(messages.getMessage("problem.title.too-many-requests", null, locale));
		problem.setDetail(messages.getMessage("problem.signIn.paused", new Object[] { paused.minutes() }, locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("code", "problem.signIn.paused");
		problem.setProperty("retryAfterSeconds", paused.seconds());
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(paused.seconds()));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}
}
