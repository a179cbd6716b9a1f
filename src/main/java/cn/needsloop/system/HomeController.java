package cn.needsloop.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and the start page that sends each user to their own home by group. */
@Controller
class HomeController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home() {
		Actor me = CurrentActor.get();
		if (me.isManager() && !me.isAdmin()) {
			return "redirect:/manager";
		}
		if (me.isSteward()) {
			return "redirect:/steward";
		}
		if (me.isSocialOrganization()) {
			return "redirect:/hall";
		}
		if (me.isLineWorker()) {
			return "redirect:/tasks";
		}
		if (me.isAdmin()) {
			return "redirect:/camunda/app/admin/";
		}
		if (me.isDepartment()) {
			return "redirect:/work-items";
		}
		return "redirect:/resident";
	}
}
