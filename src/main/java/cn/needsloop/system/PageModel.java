package cn.needsloop.system;

import cn.needsloop.shared.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page knows: the signed-in user ({@code me}), or null on public pages; whether demo
 * accounts exist ({@code demoAccounts}, the banner of the layout, answered by a {@link DemoBanner}).
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	private final ObjectProvider<DemoBanner> demoBanner;

	PageModel(ObjectProvider<DemoBanner> demoBanner) {
		this.demoBanner = demoBanner;
	}

	@ModelAttribute("demoAccounts")
	public boolean demoAccounts() {
		DemoBanner banner = demoBanner.getIfAvailable();
		return banner != null && banner.shown();
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
