package cn.needsloop.system;

import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Small helpers shared by the page controllers: the flash messages a page shows after a step. */
public final class Pages {

	private Pages() {
	}

	/** Flashes the form's errors (as the validator worded them, in the page's language). */
	public static void flashErrors(BindingResult result, RedirectAttributes flash) {
		flash.addFlashAttribute("error", result.getFieldErrors().stream()
			.map(e -> e.getField() + ": " + e.getDefaultMessage())
			.collect(Collectors.joining("; ")));
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
