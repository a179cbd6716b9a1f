package cn.needsloop.intake;

import cn.needsloop.shared.Urgency;
import cn.needsloop.shared.Category;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.needsloop.community.Communities;
import cn.needsloop.community.Community;
import cn.needsloop.community.Grid;
import cn.needsloop.community.Grids;
import cn.needsloop.intake.NeedRequests.Classify;
import cn.needsloop.intake.NeedRequests.Confirm;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedRequests.Resolve;
import cn.needsloop.intake.NeedRequests.Verify;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.IdempotencyKeys;
import cn.needsloop.system.IdempotencyKeys.Mismatch;
import cn.needsloop.system.IdempotencyKeys.Outcome;
import cn.needsloop.system.IdempotencyKeys.Proceed;
import cn.needsloop.system.IdempotencyKeys.Replay;
import cn.needsloop.system.IdempotencyKeys.StoredResponse;
import cn.needsloop.system.FormErrors;
import cn.needsloop.system.Pages;
import jakarta.validation.Valid;

/**
 * One page per need: its facts, its whole history as a timeline, the process diagram with the
 * current step highlighted, and a form for each step the user may do now. The forms post the same
 * fields that the step's Camunda Form in Tasklist submits; {@link NeedService} does the work. Also
 * the resident's pages: report a need, my needs.
 */
@Controller
class NeedPageController {

	private final NeedService needs;

	private final ProcessGateway process;

	private final Communities communities;

	private final IdempotencyKeys keys;

	private final Grids grids;

	private final SimilarNeeds similar;

	private final FormErrors errors;

	NeedPageController(NeedService needs, ProcessGateway process, Communities communities, Grids grids,
			IdempotencyKeys keys, SimilarNeeds similar, FormErrors errors) {
		this.errors = errors;
		this.similar = similar;
		this.grids = grids;
		this.needs = needs;
		this.process = process;
		this.communities = communities;
		this.keys = keys;
	}

	@InitBinder
	void setAllowedFields(WebDataBinder binder) {
		// a household of the register is chosen by staff through the API, never typed into a resident's form
		binder.setDisallowedFields("id", "householdId");
	}

	@GetMapping("/needs/{id}")
	String show(@PathVariable Long id, Model model) {
		Actor me = CurrentActor.get();
		NeedView need = needs.view(id, me);
		Set<String> steps = process.workableTasks(need.processInstanceId(), me).stream()
			.map(OpenTask::getTaskDefinitionKey)
			.collect(Collectors.toSet());
		model.addAttribute("need", need);
		model.addAttribute("steps", steps);
		model.addAttribute("verdicts", VerificationVerdict.values());
		model.addAttribute("categories", Category.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("scopes", Scope.values());
		model.addAttribute("steward", me.isStewardOf(need.communityCode()));
		model.addAttribute("gridChoices", needs.gridChoices(id, me));
		if (steps.contains(cn.needsloop.process.Workflow.Step.VERIFY_NEED) && me.isStewardOf(need.communityCode())) {
			// ranked, with a score: one click marks the need a duplicate of one
			model.addAttribute("similar", similar.forSteward(id, me));
		}
		return "needs/show";
	}

	/** The model the need runs and where it is now, for the bpmn-js viewer on the need's page. */
	@GetMapping(path = "/needs/{id}/diagram", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> diagram(@PathVariable Long id) {
		NeedView need = needs.view(id, CurrentActor.get());
		return Map.of("xml", process.modelXml(need.processInstanceId()).orElse(""), "active",
				process.activeActivities(need.processInstanceId()));
	}

	/** The steward of the community sees the reporter's phone number in full, once, on the page; recorded. */
	@PostMapping("/needs/{id}/reporter-phone/reveal")
	String revealReporterPhone(@PathVariable Long id, RedirectAttributes flash) {
		flash.addFlashAttribute("revealedPhone", needs.revealReporterPhone(id, CurrentActor.get()).value());
		return "redirect:/needs/" + id;
	}

	@PostMapping("/needs/{id}/grid")
	String assignGrid(@PathVariable Long id, @RequestParam(required = false) String gridCode, RedirectAttributes flash) {
		needs.assignGrid(id, gridCode, CurrentActor.get());
		cn.needsloop.system.Pages.flashDone(flash, "need.grid.assigned");
		return "redirect:/needs/" + id;
	}

	@PostMapping("/needs/{id}/verification")
	String verify(@PathVariable Long id, @Valid Verify form, BindingResult result, RedirectAttributes flash) {
		return done(id, result, flash, () -> needs.verify(id, form, CurrentActor.get()));
	}

	@PostMapping("/needs/{id}/classification")
	String classify(@PathVariable Long id, @Valid Classify form, BindingResult result, RedirectAttributes flash) {
		return done(id, result, flash, () -> needs.classify(id, form, CurrentActor.get()));
	}

	@PostMapping("/needs/{id}/resolution")
	String resolve(@PathVariable Long id, @Valid Resolve form, BindingResult result, RedirectAttributes flash) {
		return done(id, result, flash, () -> needs.resolve(id, form, CurrentActor.get()));
	}

	@PostMapping("/needs/{id}/confirmation")
	String confirm(@PathVariable Long id, @Valid Confirm form, BindingResult result, RedirectAttributes flash) {
		return done(id, result, flash, () -> needs.confirm(id, form, CurrentActor.get()));
	}

	// --- resident: report a need, my needs ---

	@GetMapping("/resident")
	String myNeeds(Model model) {
		Actor me = CurrentActor.get();
		Actor asReporter = new Actor(me.userId(), List.of());
		model.addAttribute("needs", needs.list(new NeedFilter(null, null, null, null), 0, 100, asReporter).getContent());
		return "needs/mine";
	}

	/** The form carries a fresh idempotency key, so that sending it twice (a double click, a reload) reports once. */
	@GetMapping("/resident/report")
	String initReportForm(Model model) {
		model.addAttribute("communities", communities.findAll().stream().map(Community::getCode).sorted().toList());
		model.addAttribute("communityNames", communities.findAll().stream()
			.collect(Collectors.toMap(Community::getCode, Community::getName)));
		model.addAttribute("gridsByCommunity", grids.findAll().stream()
			.sorted(Comparator.comparing(Grid::getCode))
			.collect(Collectors.groupingBy(Grid::getCommunityCode)));
		model.addAttribute("idempotencyKey", IdempotencyKeys.newKey());
		return "needs/report";
	}

	/**
	 * Reports the need once per form: the same form sent again (its key and fields unchanged) goes to the need
	 * the first one reported; a second one sent while the first is still running waits for it. A form without a
	 * key (a page from before) reports as it always did.
	 */
	@PostMapping("/resident/report")
	String processReportForm(@Valid ReportNeed form, BindingResult result,
			@RequestParam(name = IdempotencyKeys.FORM_FIELD, required = false) String key,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes flash)
			throws IOException {
		if (result.hasErrors()) {
			errors.flash(result, FormErrors.FIELD, flash);
			flash.addFlashAttribute("form", form);
			return "redirect:/resident/report";
		}
		Actor me = CurrentActor.get();
		// the photos taken or chosen on the form (none: the field left empty)
		List<String> names = new ArrayList<>();
		List<byte[]> contents = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			if (file != null && !file.isEmpty()) {
				names.add(file.getOriginalFilename());
				contents.add(file.getBytes());
			}
		}
		if (!IdempotencyKeys.isValid(key)) {
			return reported(needs.report(form, me, names, contents), flash);
		}
		Outcome outcome = keys.begin(me.userId(), key, IdempotencyKeys.fingerprint("POST /resident/report", form));
		if (outcome instanceof Replay replay) {
			Pages.flashDone(flash, "report.done");
			return "redirect:" + replay.response().location();
		}
		if (outcome instanceof Proceed proceed) {
			Need need;
			try {
				need = keys.within(proceed.claim(), () -> needs.report(form, me, names, contents));
			}
			catch (RuntimeException refused) {
				keys.release(proceed.claim());
				throw refused;
			}
			keys.finish(proceed.claim(), new StoredResponse(302, "/needs/" + need.getId(), null, null));
			return reported(need, flash);
		}
		// the key came with other fields (a form from the browser's history), or its report is still running
		Pages.flashError(flash, outcome instanceof Mismatch ? "report.alreadySent" : "report.stillSending");
		flash.addFlashAttribute("form", form);
		return "redirect:/resident/report";
	}

	private static String reported(Need need, RedirectAttributes flash) {
		Pages.flashDone(flash, "report.done");
		return "redirect:/needs/" + need.getId();
	}

	private String done(Long id, BindingResult result, RedirectAttributes flash, Runnable step) {
		return errors.post(result, FormErrors.FIELD, flash, "redirect:/needs/" + id, step, "step.done");
	}
}
