package cn.needsloop.system;

import cn.needsloop.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators see the sign-in pauses in force (which address, which account, how many wrong
 * passwords, until when) and lift one early, for example for a colleague who mistyped their password
 * once too often. Only {@code camunda-admin}: the security rules guard {@code /admin/**}, and so does
 * this page.
 */
@Controller
class SignInLocksController {

	private final SignInThrottle throttle;

	SignInLocksController(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@GetMapping("/admin/locks")
	String list(Model model) {
		requireAdmin();
		model.addAttribute("locks", throttle.locks());
		return "admin/locks";
	}

	@PostMapping("/admin/locks/lift")
	String lift(@RequestParam String key, RedirectAttributes flash) {
		requireAdmin();
		if (throttle.lift(key)) {
			Pages.flashDone(flash, "locks.lifted");
		}
		else {
			Pages.flashError(flash, "locks.gone");
		}
		return "redirect:/admin/locks";
	}

	private static void requireAdmin() {
		if (!CurrentActor.get().isAdmin()) {
			throw ProblemException.forbidden();
		}
	}
}
