package cn.needsloop.system;

import cn.needsloop.shared.Actor;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The login page, and the start page that sends each user to their own home by group. */
@Controller
class HomeController {

	/**
	 * The sign-in page; after a sign-in refused by our limits ({@code ?paused}) it says for how long, and
	 * until when, sign-in is paused.
	 */
	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof SignInPausedException paused) {
			model.addAttribute("pausedMinutes", paused.minutes());
			model.addAttribute("pausedUntil", PageDates.format(paused.until()));
		}
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
		if (!me.gridCodes().isEmpty()) {
			// a grid worker starts the day with the patrol
			return "redirect:/patrols";
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
