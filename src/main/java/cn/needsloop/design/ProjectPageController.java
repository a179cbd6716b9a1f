package cn.needsloop.design;

import cn.needsloop.shared.ChinaTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.needsloop.process.OpenTask;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.needsloop.design.ProjectRequests.Approval;
import cn.needsloop.shared.Category;
import cn.needsloop.intake.NeedService;
import cn.needsloop.intake.NeedView;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.FormErrors;
import cn.needsloop.system.PageDates;
import cn.needsloop.system.Pages;
import cn.needsloop.shared.ProblemException;
import jakarta.validation.Valid;

/**
 * 统筹设计 on pages: the needs pool with suggested groupings (same category and grid), a project
 * designed from the selected needs, and one page per project with the steps the user may do now.
 */
@Controller
class ProjectPageController {

	/** A step on a project's page: the task, and which milestone or need it is about. */
	record OpenStep(String key, String name, Integer milestoneIndex, Long ratedNeedId) {
	}

	/** Pooled needs suggested for one project: same category (and grid where known). */
	record Grouping(Category category, String gridCode, List<NeedView> needs, int households) {
	}

	private final ProjectService projects;

	private final NeedService needs;

	private final ProcessGateway process;

	private final FormErrors formErrors;

	ProjectPageController(ProjectService projects, NeedService needs, ProcessGateway process, FormErrors formErrors) {
		this.projects = projects;
		this.needs = needs;
		this.process = process;
		this.formErrors = formErrors;
	}

	@InitBinder
	void setAllowedFields(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/steward/pool")
	String pool(@RequestParam(required = false) String communityCode, Model model) {
		Actor me = CurrentActor.get();
		String community = communityCode != null ? communityCode
				: me.firstStewardCommunity().orElseThrow(() -> ProblemException.forbidden("problem.kpi.forbidden"));
		List<NeedView> pooled = needs.pool(community, me);
		Map<String, List<NeedView>> byGroup = pooled.stream()
			.collect(Collectors.groupingBy(n -> n.category() + "|" + (n.gridCode() == null ? "" : n.gridCode()),
					LinkedHashMap::new, Collectors.toList()));
		List<Grouping> groupings = new ArrayList<>();
		byGroup.values().forEach(group -> groupings.add(new Grouping(group.get(0).category(), group.get(0).gridCode(),
				group, group.stream().mapToInt(n -> n.householdCount() == null ? 1 : n.householdCount()).sum())));
		model.addAttribute("communityCode", community);
		model.addAttribute("communities", me.stewardCommunities());
		model.addAttribute("groupings", groupings);
		return "projects/pool";
	}

	@GetMapping("/steward/projects/new")
	String initCreationForm(@RequestParam String communityCode, @RequestParam(required = false) List<Long> needIds,
			Model model) {
		Actor me = CurrentActor.get();
		List<NeedView> pooled = needs.pool(communityCode, me).stream()
			.filter(n -> needIds != null && needIds.contains(n.id()))
			.toList();
		ProjectForm form = new ProjectForm();
		form.setCommunityCode(communityCode);
		form.setNeedIds(pooled.stream().map(NeedView::id).toList());
		if (!pooled.isEmpty()) {
			form.setCategory(pooled.get(0).category());
			form.setHouseholdCount(pooled.stream().mapToInt(n -> n.householdCount() == null ? 1 : n.householdCount()).sum());
		}
		form.setPlannedEnd(TimeLimits.nowInstant().atZone(ChinaTime.ZONE).toLocalDate().plusMonths(3));
		model.addAttribute("projectForm", form);
		model.addAttribute("selected", pooled);
		model.addAttribute("categories", Category.values());
		return "projects/new";
	}

	@PostMapping("/steward/projects")
	String processCreationForm(@Valid @ModelAttribute("projectForm") ProjectForm form, BindingResult result,
			RedirectAttributes flash) {
		// the form, then the project it makes, checked as the API checks it (each milestone line, how many)
		Optional<String> invalid = formErrors.check(result, form::toRequest, FormErrors.FIELD);
		if (invalid.isPresent()) {
			flash.addFlashAttribute("error", invalid.get());
			return "redirect:/steward/projects/new?communityCode=" + form.getCommunityCode()
					+ form.getNeedIds().stream().map(id -> "&needIds=" + id).collect(Collectors.joining());
		}
		ServiceProject project = projects.design(form.toRequest(), CurrentActor.get());
		Pages.flashDone(flash, "project.created");
		return "redirect:/projects/" + project.getId();
	}

	@GetMapping("/projects/{id}")
	String show(@PathVariable Long id, Model model) {
		Actor me = CurrentActor.get();
		ProjectView project = projects.view(id, me);
		List<OpenStep> steps = new ArrayList<>();
		for (OpenTask task : process.workableTasks(project.processInstanceId(), me)) {
			Integer milestone = Step.REPORT_MILESTONE.equals(task.getTaskDefinitionKey())
					? asInteger(process.taskVariable(task.getId(), Var.MILESTONE_INDEX)) : null;
			Long ratedNeed = Step.RATE_AS_RESIDENT.equals(task.getTaskDefinitionKey())
					? asLong(process.taskVariable(task.getId(), Var.RATED_NEED_ID)) : null;
			steps.add(new OpenStep(task.getTaskDefinitionKey(), task.getName(), milestone, ratedNeed));
		}
		model.addAttribute("project", project);
		model.addAttribute("steps", steps);
		model.addAttribute("stepKeys", steps.stream().map(OpenStep::key).collect(Collectors.toSet()));
		return "projects/show";
	}

	@PostMapping("/projects/{id}/approval")
	String approve(@PathVariable Long id, @Valid Approval form, BindingResult result, RedirectAttributes flash) {
		return formErrors.post(result, FormErrors.FIELD, flash, "redirect:/projects/" + id,
				() -> projects.approve(id, form, CurrentActor.get()), "step.done");
	}

	private static Integer asInteger(Object value) {
		return value instanceof Number n ? n.intValue() : null;
	}

	private static Long asLong(Object value) {
		return value instanceof Number n ? n.longValue() : null;
	}
}
