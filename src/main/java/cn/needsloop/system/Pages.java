package cn.needsloop.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.springframework.web.multipart.MultipartFile;
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

	/**
	 * The post of a page that uploads a new version of a decision table (.dmn, {@code fragments/revision :: upload}):
	 * no file is refused with {@code <prefix>.upload.empty}, a file is read as UTF-8 and handed to {@code revise}
	 * (whose refusal the page shows, {@code PageExceptionHandler}), then {@code <prefix>.upload.done}; back to
	 * {@code page} either way. The caller checks who may revise.
	 */
	public static String uploadNewVersion(MultipartFile file, RedirectAttributes flash, String page, String prefix,
			Consumer<String> revise) throws IOException {
		if (file == null || file.isEmpty()) {
			flashError(flash, prefix + ".upload.empty");
			return "redirect:" + page;
		}
		revise.accept(new String(file.getBytes(), StandardCharsets.UTF_8));
		flashDone(flash, prefix + ".upload.done");
		return "redirect:" + page;
	}
}
