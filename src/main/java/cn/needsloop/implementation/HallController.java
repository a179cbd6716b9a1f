package cn.needsloop.implementation;

import cn.needsloop.community.Organizations;
import cn.needsloop.community.Organization;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.needsloop.design.ProjectService;
import cn.needsloop.design.ProjectStatus;
import cn.needsloop.design.ProjectView;
import cn.needsloop.design.ProjectView.EvaluationView;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Pages;
import cn.needsloop.shared.ProblemException;

/**
 * 项目大厅 for social organisations: published projects they are qualified for, claiming (one
 * wins; the others are told plainly), their projects with milestones to report and completion, and
 * the ratings they received and gave.
 */
@Controller
class HallController {

	/** A rating on the hall page: of which project, received or given. */
	record Rating(Long projectId, String projectTitle, EvaluationView evaluation) {
	}

	private final ImplementationService implementation;

	private final ProjectService projects;

	private final Organizations organizations;

	HallController(ImplementationService implementation, ProjectService projects, Organizations organizations) {
		this.implementation = implementation;
		this.projects = projects;
		this.organizations = organizations;
	}

	@GetMapping("/hall")
	String hall(Model model) {
		Actor me = CurrentActor.get();
		Organization organization = organizations.findByAccountUser(me.userId())
			.orElseThrow(() -> ProblemException.forbidden("problem.claim.notAnOrganization"));
		List<ProjectView> open = projects.list(ProjectStatus.PUBLISHED, me).stream()
			.filter(p -> organization.isQualifiedFor(p.category()))
			.toList();
		List<ProjectView> mine = projects.claimedBy(organization.getCode(), me);
		List<Rating> received = new ArrayList<>();
		List<Rating> given = new ArrayList<>();
		for (ProjectView p : mine) {
			for (EvaluationView e : Objects.requireNonNullElse(p.evaluations(), List.<EvaluationView>of())) {
				(("IMPLEMENTER".equals(e.perspective())) ? given : received).add(new Rating(p.id(), p.title(), e));
			}
		}
		model.addAttribute("organization", organization);
		model.addAttribute("open", open);
		model.addAttribute("mine", mine);
		model.addAttribute("received", received);
		model.addAttribute("given", given);
		return "projects/hall";
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
