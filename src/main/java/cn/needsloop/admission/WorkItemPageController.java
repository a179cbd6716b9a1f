package cn.needsloop.admission;

import java.io.IOException;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.needsloop.process.OpenTask;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.needsloop.admission.WorkItemRequests.ContractReview;
import cn.needsloop.admission.WorkItemRequests.ListRevision;
import cn.needsloop.community.Communities;
import cn.needsloop.community.Community;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.FormErrors;
import cn.needsloop.system.Pages;
import cn.needsloop.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * 社区工作事项准入 on pages: a department submits a work item and follows the admission list's
 * decision; stewards and the self-governance line see the items concerning their communities; the
 * manager reviews purchased-service contracts on the item's page; everyone signed in reads the list
 * in force, and the manager publishes a revised list (.dmn). {@link WorkItemService} does the work,
 * as for the API.
 */
@Controller
class WorkItemPageController {

	private static final int MAX = 500;

	private final WorkItemService workItems;

	private final ProcessGateway process;

	private final Communities communities;

	private final FormErrors formErrors;

	WorkItemPageController(WorkItemService workItems, ProcessGateway process, Communities communities,
			FormErrors formErrors) {
		this.workItems = workItems;
		this.process = process;
		this.communities = communities;
		this.formErrors = formErrors;
	}

	@InitBinder
	void setAllowedFields(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/work-items")
	String list(Model model) {
		Actor me = CurrentActor.get();
		model.addAttribute("items", workItems.list(me, MAX));
		model.addAttribute("maySubmit", WorkItemService.maySubmit(me));
		return "workitems/list";
	}

	@GetMapping("/work-items/new")
	String initSubmissionForm(Model model) {
		if (!WorkItemService.maySubmit(CurrentActor.get())) {
			throw ProblemException.forbidden("problem.workItem.departmentOnly");
		}
		if (!model.containsAttribute("workItemForm")) {
			model.addAttribute("workItemForm", new WorkItemForm());
		}
		model.addAttribute("communities", communities.findAll().stream()
			.sorted(Comparator.comparing(Community::getCode))
			.toList());
		model.addAttribute("itemTypes", workItems.currentListTable().itemTypes());
		return "workitems/new";
	}

	@PostMapping("/work-items")
	String processSubmissionForm(@Valid @ModelAttribute("workItemForm") WorkItemForm form, BindingResult result,
			RedirectAttributes flash, HttpServletRequest request) {
		// the form, then the request it makes, checked as the API checks it (the list entry's code, the communities)
		Optional<String> invalid = formErrors.check(result, form::toRequest, "workItem.field.");
		if (invalid.isPresent()) {
			flash.addFlashAttribute("error", invalid.get());
			flash.addFlashAttribute("workItemForm", form);
			return "redirect:/work-items/new";
		}
		WorkItem item;
		try {
			item = workItems.submit(form.toRequest(), CurrentActor.get());
		}
		catch (ProblemException ex) {
			// the page shows the reason (PageExceptionHandler) and the form keeps what was typed
			RequestContextUtils.getOutputFlashMap(request).put("workItemForm", form);
			throw ex;
		}
		Pages.flashDone(flash, "workItems.submitted");
		return "redirect:/work-items/" + item.getId();
	}

	@GetMapping("/work-items/{id}")
	String show(@PathVariable Long id, Model model) {
		Actor me = CurrentActor.get();
		WorkItemView item = workItems.view(id, me);
		Set<String> steps = process.workableTasks(item.processInstanceId(), me).stream()
			.map(OpenTask::getTaskDefinitionKey)
			.collect(Collectors.toSet());
		model.addAttribute("item", item);
		model.addAttribute("mayReview", me.isManager() && steps.contains(Step.REVIEW_SERVICE_CONTRACT));
		return "workitems/show";
	}

	/** The model the item's admission ran and where it is now, for the bpmn-js viewer. */
	@GetMapping(path = "/work-items/{id}/diagram", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> diagram(@PathVariable Long id) {
		WorkItemView item = workItems.view(id, CurrentActor.get());
		return Map.of("xml", process.modelXml(item.processInstanceId()).orElse(""), "active",
				process.activeActivities(item.processInstanceId()));
	}

	@PostMapping("/work-items/{id}/contract-review")
	String reviewContract(@PathVariable Long id, @Valid ContractReview form, BindingResult result,
			RedirectAttributes flash) {
		return formErrors.post(result, "workItem.field.", flash, "redirect:/work-items/" + id,
				() -> workItems.reviewContract(id, form, CurrentActor.get()), "step.done");
	}

	// --- the admission list ---

	@GetMapping("/admission-list")
	String admissionList(Model model) {
		Actor me = CurrentActor.get();
		model.addAttribute("list", workItems.currentListTable());
		model.addAttribute("mayRevise", me.isManager());
		return "workitems/admission-list";
	}

	@PostMapping("/admission-list")
	String reviseList(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash)
			throws IOException {
		Actor me = CurrentActor.get();
		if (!me.isManager()) {
			throw ProblemException.forbidden("problem.workItem.managerOnly");
		}
		return Pages.uploadNewVersion(file, flash, "/admission-list", "admissionList",
				xml -> workItems.reviseList(new ListRevision(xml), me));
	}
}
