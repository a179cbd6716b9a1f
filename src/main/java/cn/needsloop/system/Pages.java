package cn.needsloop.system;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Small helpers shared by the page controllers: the flash messages a page shows after a step (a form's errors: {@link FormErrors}). */
public final class Pages {

	private Pages() {
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
