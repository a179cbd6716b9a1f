package cn.needsloop.implementation;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.needsloop.community.Organization;
import cn.needsloop.community.Organizations;
import cn.needsloop.design.ProjectService;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.PageView;
import cn.needsloop.system.Pages;
import cn.needsloop.shared.ProblemException;

/**
 * 项目大厅 for social organisations: published projects they are qualified for, claiming (one
 * wins; the others are told plainly), their projects with milestones to report and completion, and
 * the ratings they received and gave.
 */
@Controller
class HallController {

	/** Projects a page of the hall shows, in each of its two lists. */
	static final int PAGE = 20;

	/** The newest ratings the hall shows, received and given each. */
	static final int RATINGS = 20;

	private final ImplementationService implementation;

	private final ProjectService projects;

	private final Organizations organizations;

	HallController(ImplementationService implementation, ProjectService projects, Organizations organizations) {
		this.implementation = implementation;
		this.projects = projects;
		this.organizations = organizations;
	}

	/**
	 * A page of the projects open to claim (qualified categories) and a page of the organisation's own, each with
	 * its total, and the newest ratings received and given: a fixed number of queries, whatever the district's size.
	 */
	@GetMapping("/hall")
	String hall(@RequestParam(defaultValue = "0") int openPage, @RequestParam(defaultValue = "0") int minePage,
			Model model) {
		Actor me = CurrentActor.get();
		Organization organization = organizations.findByAccountUser(me.userId())
			.orElseThrow(() -> ProblemException.forbidden("problem.claim.notAnOrganization"));
		model.addAttribute("organization", organization);
		model.addAttribute("open", projects.openFor(organization, page(openPage), PAGE, me));
		model.addAttribute("mine", projects.claimedBy(organization.getCode(), page(minePage), PAGE, me));
		model.addAttribute("received", projects.ratingsOnProjectsOf(organization.getCode(), false, RATINGS, me));
		model.addAttribute("given", projects.ratingsOnProjectsOf(organization.getCode(), true, RATINGS, me));
		model.addAttribute("ratings", RATINGS);
		return "projects/hall";
	}

	private static int page(int page) {
		return Math.min(Math.max(page, 0), PageView.MAX_PAGE);
	}

	@PostMapping("/projects/{id}/claim")
	String claim(@PathVariable Long id, RedirectAttributes flash) {
		try {
			implementation.claim(id, CurrentActor.get());
		}
		catch (ProblemException ex) {
			if (ex.status() != HttpStatus.CONFLICT) {
				throw ex;
			}
			Pages.flashError(flash, "hall.claim.lost");
			return "redirect:/hall";
		}
		Pages.flashDone(flash, "hall.claim.won");
		return "redirect:/projects/" + id;
	}

	@PostMapping("/projects/{id}/milestones/{index}/report")
	String reportMilestone(@PathVariable Long id, @PathVariable int index, @RequestParam String note,
			@RequestParam(defaultValue = "0") int socialWorkers, @RequestParam(defaultValue = "0") int volunteers,
			RedirectAttributes flash) {
		if (note.isBlank() || socialWorkers < 0 || volunteers < 0) {
			throw ProblemException.badField("note", "problem.field.required");
		}
		implementation.reportMilestone(id, index, note.trim(), socialWorkers, volunteers, CurrentActor.get());
		Pages.flashDone(flash, "step.done");
		return "redirect:/projects/" + id;
	}

	@PostMapping("/projects/{id}/completion")
	String complete(@PathVariable Long id, @RequestParam String report, RedirectAttributes flash) {
		if (report.isBlank()) {
			throw ProblemException.badField("report", "problem.field.required");
		}
		implementation.complete(id, report.trim(), CurrentActor.get());
		Pages.flashDone(flash, "step.done");
		return "redirect:/projects/" + id;
	}
}
