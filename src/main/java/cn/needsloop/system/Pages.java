package cn.needsloop.system;

import java.util.stream.Collectors;

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

	/** Flashes a refusal by key. */
	public static void flashError(RedirectAttributes flash, String key) {
		flash.addFlashAttribute("errorKey", key);
	}

	/** Flashes a success message by key. */
	public static void flashDone(RedirectAttributes flash, String key) {
		flash.addFlashAttribute("doneKey", key);
	}
}
