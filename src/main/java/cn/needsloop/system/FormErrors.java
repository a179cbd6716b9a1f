package cn.needsloop.system;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * The one renderer of a page form's errors, in the reader's language, each field named by its label on the
 * form ({@code <labelPrefix><field>} in the messages): "到会人数：此项为必填项。" rather than "attendees: must not
 * be null". A rule reads as its validation code in the messages ({@code NotNull}, …), else as the validator's
 * own wording, and a value that did not convert as {@code problem.field.badValue} (as the API says it); a field without a label is not named by its Java name. Also validates a request
 * a page built by hand (from rows or lines) with the same constraints the API applies to it, and gives page
 * controllers their form-post shape ({@link #post}).
 */
@Component
public class FormErrors {

	/** The labels of forms whose fields are labelled {@code field.<name>} (the need's and the project's pages). */
	public static final String FIELD = "field.";

	private final MessageSource messages;

	private final Validator validator;

	FormErrors(MessageSource messages, Validator validator) {
		this.messages = messages;
		this.validator = validator;
	}

	/** The errors of a bound form (its fields' and its own), one sentence each. */
	public String text(BindingResult result, String labelPrefix) {
		Locale locale = LocaleContextHolder.getLocale();
		return result.getAllErrors().stream().map(error -> {
			if (!(error instanceof FieldError field)) {
				return messages.getMessage(error, locale);
			}
			// a value that did not convert (a word for a number) is named, as the API names it
			String text = field.isBindingFailure() && field.getRejectedValue() != null
					? messages.getMessage("problem.field.badValue", new Object[] { field.getRejectedValue() }, locale)
					: messages.getMessage(error, locale);
			return line(label(labelPrefix, field.getField()), text);
		}).distinct().collect(Collectors.joining(" "));
	}

	/** Flashes the errors of a bound form for the page redirected to ({@code error}). */
	public void flash(BindingResult result, String labelPrefix, RedirectAttributes flash) {
		flash.addFlashAttribute("error", text(result, labelPrefix));
	}

	/**
	 * A page form's post: when the form is valid, does the step and flashes {@code doneKey}, else flashes the form's
	 * errors; then back to the page {@code redirect} names ("redirect:/needs/7"). A step refused with a
	 * {@code ProblemException} goes on to the error handling of pages.
	 */
	public String post(BindingResult result, String labelPrefix, RedirectAttributes flash, String redirect, Runnable step,
			String doneKey) {
		if (result.hasErrors()) {
			flash(result, labelPrefix, flash);
		}
		else {
			step.run();
			Pages.flashDone(flash, doneKey);
		}
		return redirect;
	}

	/**
	 * The errors of a bound form, else, when it is valid, the constraint violations of the request it makes
	 * (checked as the API checks it); empty when both are valid.
	 */
	public Optional<String> check(BindingResult result, Supplier<?> request, String labelPrefix) {
		return result.hasErrors() ? Optional.of(text(result, labelPrefix)) : validate(request.get(), labelPrefix);
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

	/** "到会人数：此项为必填项。" / "Attendees: This is required." ({@code form.fieldError}); the message alone without a label. */
	private String line(String label, String message) {
		return label == null ? message
				: messages.getMessage("form.fieldError", new Object[] { label, message.strip() }, LocaleContextHolder.getLocale());
	}

	/** The field's label, by its name without index or nested path; null when the messages have none. */
	private String label(String prefix, String field) {
		String name = field.replaceAll("\\[.*", "").replaceAll("\\..*", "");
		return messages.getMessage(prefix + name, null, null, LocaleContextHolder.getLocale());
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
