package cn.needsloop.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * A page form's errors in the reader's language, each field named by its label on the form
 * ({@code <labelPrefix><field>} in the messages, the field's name where there is none): "到会人数：不能为null"
 * rather than "attendees: must not be null". Also validates a request a page built by hand (from rows or
 * lines) with the same constraints the API applies to it.
 */
@Component
public class FormErrors {

	private final MessageSource messages;

	private final Validator validator;

	FormErrors(MessageSource messages, Validator validator) {
		this.messages = messages;
		this.validator = validator;
	}

	/** The errors of a bound form; a value that did not convert (a word for a number) reads as a bad value. */
	public String text(BindingResult result, String labelPrefix) {
		return result.getFieldErrors().stream()
			.map(e -> line(label(labelPrefix, e.getField()), message(e)))
			.distinct()
			.collect(Collectors.joining(" "));
	}

	/** The constraint violations of a request as text, or empty when it is valid. */
	public Optional<String> validate(Object request, String labelPrefix) {
		var violations = validator.validate(request);
		if (violations.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(violations.stream()
			.sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
			.map(v -> line(label(labelPrefix, firstNode(v)), v.getMessage()))
			.distinct()
			.collect(Collectors.joining(" ")));
	}

	/** What the user typed, to fill the form in again after an error (one value a field, without the CSRF token). */
	public static Map<String, String> values(HttpServletRequest request) {
		Map<String, String> values = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, value) -> {
			if (!name.startsWith("_") && value.length > 0) {
				values.put(name, value[0]);
			}
		});
		return values;
	}

	/** "到会人数：不能为null。" / "Attendees: must not be null." ({@code form.fieldError}). */
	private String line(String label, String message) {
		return messages.getMessage("form.fieldError", new Object[] { label, message.strip().replaceAll("[。.!！]+$", "") },
				LocaleContextHolder.getLocale());
	}

	private String message(FieldError error) {
		if (error.isBindingFailure()) {
			return messages.getMessage("problem.field.badValue", new Object[] { error.getRejectedValue() },
					LocaleContextHolder.getLocale());
		}
		return error.getDefaultMessage();
	}

	private String label(String prefix, String field) {
		String name = field.replaceAll("\\[.*", "").replaceAll("\\..*", "");
		return messages.getMessage(prefix + name, null, name, LocaleContextHolder.getLocale());
	}

	private static String firstNode(ConstraintViolation<?> violation) {
		for (Path.Node node : violation.getPropertyPath()) {
			if (node.getName() != null) {
				return node.getName();
			}
		}
		return violation.getPropertyPath().toString();
	}
}
