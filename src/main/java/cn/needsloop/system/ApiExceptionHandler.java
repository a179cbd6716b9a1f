package cn.needsloop.system;

import cn.needsloop.shared.JsonLimits;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.process.ProblemAnswers;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Turns every error of the {@code /api} into an RFC 9457 problem detail, in Chinese when the
 * caller asks for {@code zh-CN} and in English otherwise. A request that fails changes nothing:
 * the transaction of the call (engine and domain alike) rolls back.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler implements ProblemAnswers {

	static final String TYPE_BASE = "https://needsloop.cn/problems/";

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> onProblem(ProblemException ex) {
		return ResponseEntity.status(ex.status()).body(problemOf(ex));
	}

	/** For the engine's failures ({@code process.EngineExceptionAnswers}): the problem inside, answered as any other. */
	@Override
	public ResponseEntity<ProblemDetail> answer(ProblemException problem) {
		return onProblem(problem);
	}

	@ExceptionHandler(org.springframework.orm.ObjectOptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> onJpaOptimisticLock(Exception ex) {
		return onProblem(ProblemException.conflict("problem.concurrentChange"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> onTypeMismatch(MethodArgumentTypeMismatchException ex) {
		return onProblem(ProblemException.badField(ex.getName(), "problem.field.badValue", String.valueOf(ex.getValue())));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult().getGlobalErrors()
			.forEach(error -> errors.add(Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	/** A constraint on a query or path parameter of a {@code @Validated} controller. */
	@ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> onConstraintViolation(jakarta.validation.ConstraintViolationException ex) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (jakarta.validation.ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			String field = null;
			for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
				field = node.getName();
			}
			errors.add(Map.of("field", String.valueOf(field), "message", violation.getMessage()));
		}
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	/** A constraint on a query or path parameter checked by Spring MVC's own method validation. */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors bound) {
				bound.getFieldErrors().forEach(error -> errors.add(Map.of("field", error.getField(), "message",
						String.valueOf(error.getDefaultMessage()))));
				continue;
			}
			String field = parameterName(result.getMethodParameter());
			result.getResolvableErrors()
				.forEach(error -> errors.add(Map.of("field", field, "message", String.valueOf(error.getDefaultMessage()))));
		}
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	private static String parameterName(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
		if (path != null && !path.name().isEmpty()) {
			return path.name();
		}
		return String.valueOf(parameter.getParameterName());
	}

	/**
	 * A body that is not JSON, breaks {@link JsonLimits} (400), is larger than its endpoint takes (413,
	 * {@link RequestBodyLimitFilter}), or has a value that does not fit its field, also text with a character
	 * {@link TextPolicy} refuses (400 naming the field).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof RequestBodyLimitFilter.TooLargeException tooLarge) {
				ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.PAYLOAD_TOO_LARGE);
				problem.setType(URI.create(TYPE_BASE + "payload-too-large"));
				problem.setTitle(text("problem.title.payload-too-large"));
				problem.setDetail(text(tooLarge.messageKey(), tooLarge.args()));
				return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
			}
			if (cause instanceof StreamConstraintsException) {
				return ResponseEntity.badRequest()
					.body(invalid(List.of(Map.of("field", "body", "message", text("problem.body.bounds", JsonLimits.MAX_DEPTH)))));
			}
		}
		String field = "body";
		String message = text("problem.body.unreadable");
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			field = mapping.getPath().stream()
				.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(field);
			message = mapping instanceof InputConfig.RefusedCharacterException refused
					? text(refused.refusal().messageKey(), refused.refusal().character())
					: mapping instanceof InvalidFormatException bad
							? text("problem.field.badValue", String.valueOf(bad.getValue()))
							: text("problem.field.unreadable");
		}
		return ResponseEntity.badRequest().body(invalid(List.of(Map.of("field", field, "message", message))));
	}

	/**
	 * Spring's own answers (405 wrong method, 415 wrong content type, 406 …) in the shape and language of ours:
	 * the problem type and title of the status.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		HttpStatus status = HttpStatus.resolve(statusCode.value());
		if (response != null && response.getBody() instanceof ProblemDetail problem && status != null
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			String kind = kebab(status);
			problem.setType(URI.create(TYPE_BASE + kind));
			problem.setTitle(messages.getMessage("problem.title." + kind, null, status.getReasonPhrase(),
					LocaleContextHolder.getLocale()));
		}
		return response;
	}

	private ProblemDetail invalid(List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setType(URI.create(TYPE_BASE + "invalid"));
		problem.setTitle(text("problem.title.invalid"));
		problem.setDetail(text("problem.invalid", errors.stream().map(e -> e.get("field")).distinct().toList()));
		problem.setProperty("errors", errors);
		return problem;
	}

	ProblemDetail problemOf(ProblemException ex) {
		ProblemDetail problem = ProblemDetail.forStatus(ex.status());
		String kind = ex.status() == HttpStatus.BAD_REQUEST ? "invalid" : kebab(ex.status());
		problem.setType(URI.create(TYPE_BASE + kind));
		problem.setTitle(text("problem.title." + kind));
		if (ex.fieldProblems().isEmpty()) {
			problem.setDetail(text(ex.messageKey(), ex.args()));
		}
		else {
			List<Map<String, String>> errors = ex.fieldProblems().stream()
				.map(f -> Map.of("field", f.field(), "message", text(f.messageKey(), f.args())))
				.toList();
			problem.setDetail(text("problem.invalid", errors.stream().map(e -> e.get("field")).distinct().toList()));
			problem.setProperty("errors", errors);
		}
		problem.setProperty("code", ex.messageKey());
		return problem;
	}

	private static String kebab(HttpStatus status) {
		return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The message in the caller's language; numbers (ids above all) are shown as they are, not as 987,654,321. */
	private String text(String key, Object... args) {
		Object[] plain = args == null ? null
				: java.util.Arrays.stream(args).map(a -> a instanceof Number ? a.toString() : a).toArray();
		return messages.getMessage(key, plain, key, LocaleContextHolder.getLocale());
	}
}
