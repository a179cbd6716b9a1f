package cn.needsloop.system;

import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Small helpers shared by the page controllers: the flash messages a page shows after a step. */
public final class Pages {

	private Pages() {
	}

	/**
	 * Flashes the form's errors in the reader's language: “核实结论：此项为必填项。”. A field's name is
	 * {@code field.<name>} in the messages; a rule is its validation code ({@code NotNull},
	 * {@code typeMismatch}, …) in the messages, else the validator's own wording.
	 */
	public static void flashErrors(BindingResult result, RedirectAttributes flash) {
		var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		MessageSource messages = RequestContextUtils.findWebApplicationContext(request);
		Locale locale = RequestContextUtils.getLocale(request);
		flash.addFlashAttribute("error", result.getAllErrors().stream().map(error -> {
			String text = messages.getMessage(error, locale);
			if (error instanceof FieldError field) {
				String label = label(messages, field.getField(), locale);
				return label == null ? text : messages.getMessage("problem.field.labelled", new Object[] { label, text }, locale);
			}
			return text;
		}).distinct().collect(Collectors.joining(" ")));
	}

	private static String label(MessageSource messages, String field, Locale locale) {
		try {
			return messages.getMessage("field." + field.replaceAll("\\[\\d+]", ""), null, locale);
		}
		catch (NoSuchMessageException ex) {
			return null;
		}
	}

	/**
	 * The form's errors in the page's language, each field named as the page labels it: the label is the
	 * message {@code labelPrefix + field} (the field's name when there is none), the error the
	 * validator's message or a message for its code (such as {@code typeMismatch}), as {@code form.fieldError}.
	 */
	public static String errorText(BindingResult result, MessageSource messages, String labelPrefix) {
		Locale locale = LocaleContextHolder.getLocale();
		return result.getFieldErrors().stream()
			.map(e -> messages.getMessage("form.fieldError", new Object[] {
					messages.getMessage(labelPrefix + e.getField(), null, e.getField(), locale),
					messages.getMessage(e, locale) }, locale))
			.distinct()
			.collect(Collectors.joining(" "));
	}

	/** Flashes a refusal by key. */
	public static void flashError(RedirectAttributes flash, String key) {
		flash.addFlashAttribute("errorKey", key);
	}

	/** Flashes a success message by key. */
	public static void flashDone(RedirectAttributes flash, String key) {
		flash.addFlashAttribute("doneKey", key);
	}
}
