package cn.needsloop.routing;

import java.time.LocalDateTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.needsloop.shared.ChinaTime;
import cn.needsloop.shared.Line;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Pages;

/**
 * The forms on a need's page for 延期、退单、转办, and on a project's and a consultation's page for 延期: they post what the step's Camunda Form in Tasklist submits (or, for
 * an extension and a transfer, what the API takes) and go back to the need's page.
 */
@Controller
class StepChangePageController {

	private final StepChangeService service;

	StepChangePageController(StepChangeService service) {
		this.service = service;
	}

	@InitBinder
	void setAllowedFields(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@PostMapping("/needs/{id}/extension")
	String askExtension(@PathVariable Long id, @RequestParam(required = false) String taskId,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime due,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		service.requestExtension(id, taskId, due == null ? null : due.atZone(ChinaTime.ZONE).toInstant(), reason,
				CurrentActor.get());
		return done(id, flash);
	}

	@PostMapping("/needs/{id}/extension/decision")
	String decideExtension(@PathVariable Long id, @RequestParam boolean granted,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		service.decideExtension(id, granted, note, CurrentActor.get());
		return done(id, flash);
	}

	@PostMapping("/needs/{id}/return")
	String returnStep(@PathVariable Long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		service.returnTask(id, reason, CurrentActor.get());
		return done(id, flash);
	}

	@PostMapping("/needs/{id}/reroute")
	String reroute(@PathVariable Long id, @RequestParam RerouteDecision decision,
			@RequestParam(required = false) Line line, @RequestParam(required = false) String communityCode,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		service.reroute(id, decision, line, blankToNull(communityCode), note, CurrentActor.get());
		return done(id, flash);
	}

	@PostMapping("/needs/{id}/transfer")
	String transfer(@PathVariable Long id, @RequestParam(required = false) String communityCode,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		service.transfer(id, communityCode, reason, CurrentActor.get());
		return done(id, flash);
	}

	@PostMapping("/{cases:projects|consultations}/{id}/extension")
	String askExtension(@PathVariable String cases, @PathVariable Long id, @RequestParam(required = false) String taskId,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime due,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		service.requestExtension(caseKind(cases), id, taskId, due == null ? null : due.atZone(ChinaTime.ZONE).toInstant(),
				reason, CurrentActor.get());
		Pages.flashDone(flash, "step.done");
		return "redirect:/" + cases + "/" + id;
	}

	@PostMapping("/{cases:projects|consultations}/{id}/extension/decision")
	String decideExtension(@PathVariable String cases, @PathVariable Long id, @RequestParam boolean granted,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		service.decideExtension(caseKind(cases), id, granted, note, CurrentActor.get());
		Pages.flashDone(flash, "step.done");
		return "redirect:/" + cases + "/" + id;
	}

	/** The kind of case a page path names: {@code projects} or {@code consultations}. */
	static StepChange.CaseKind caseKind(String cases) {
		return "projects".equals(cases) ? StepChange.CaseKind.PROJECT : StepChange.CaseKind.CONSULTATION;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static String done(Long id, RedirectAttributes flash) {
		Pages.flashDone(flash, "step.done");
		return "redirect:/needs/" + id;
	}
}
