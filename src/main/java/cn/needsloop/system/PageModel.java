package cn.needsloop.system;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page knows: the signed-in user ({@code me}), or null on public pages; whether demo
 * accounts exist ({@code demoAccounts}, the banner of the layout).
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	private final DemoAccounts demoAccounts;

	PageModel(DemoAccounts demoAccounts) {
		this.demoAccounts = demoAccounts;
	}

	@ModelAttribute("demoAccounts")
	public boolean demoAccounts() {
		return demoAccounts.present();
	}

	@ModelAttribute("me")
	public Actor me() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return CurrentActor.get();
	}
}
