package cn.needsloop.notification;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.needsloop.system.Pages;

/**
 * The manager's page of messages that did not go out as they should (failed after the last attempt, or uncertain
 * after a node stopped while sending), with "send again" and "give up" (/manager/** is for managers only).
 */
@Controller
class DeliveriesPageController {

	private final Outbox outbox;

	DeliveriesPageController(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/manager/deliveries")
	String troubled(Model model) {
		model.addAttribute("troubles", outbox.troubles(200));
		return "manager/deliveries";
	}

	@PostMapping("/manager/deliveries/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes flash) {
		if (outbox.retry(id)) {
			Pages.flashDone(flash, "deliveries.retried");
		}
		else {
			Pages.flashError(flash, "problem.notification.notTroubled");
		}
		return "redirect:/manager/deliveries";
	}

	@PostMapping("/manager/deliveries/{id}/dismiss")
	String dismiss(@PathVariable long id, RedirectAttributes flash) {
		if (outbox.dismiss(id)) {
			Pages.flashDone(flash, "deliveries.dismissed");
		}
		else {
			Pages.flashError(flash, "problem.notification.notTroubled");
		}
		return "redirect:/manager/deliveries";
	}
}
