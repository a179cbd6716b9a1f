package cn.needsloop.registration;

import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.needsloop.community.Communities;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.registration.RegistrationRequests.Answer;
import cn.needsloop.registration.RegistrationRequests.RecordHours;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.FormErrors;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Pages;
import cn.needsloop.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * 派单 on pages (街道社区随叫、组织党员随到): the party line (or a steward) calls registered members for
 * an open need or a project under way and follows the invitations round by round; an invited member
 * answers in the browser; the party line records the hours served. {@link DispatchService} does the
 * work, as for the API. An unfilled dispatch is decided in Tasklist (the page links to the task).
 */
@Controller
class DispatchPageController {

	private final DispatchService dispatches;

	private final RegistrationService registrations;

	private final Dispatches records;

	private final ProcessGateway process;

	private final Communities communities;

	private final FormErrors errors;

	DispatchPageController(DispatchService dispatches, RegistrationService registrations, Dispatches records,
			ProcessGateway process, Communities communities, FormErrors errors) {
		this.dispatches = dispatches;
		this.registrations = registrations;
		this.records = records;
		this.process = process;
		this.communities = communities;
		this.errors = errors;
	}

	@InitBinder
	void setAllowedFields(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/dispatches")
	String list(@RequestParam(required = false) String communityCode, Model model) {
		Actor me = CurrentActor.get();
		List<String> staffOf = RegistrationPageController.staffCommunities(me, communities);
		String community = communityCode != null && !communityCode.isBlank() ? communityCode
				: staffOf.stream().findFirst().orElse(null);
		model.addAttribute("invitations", dispatches.invitationsOf(me));
		model.addAttribute("staffCommunities", staffOf);
		model.addAttribute("communityCode", community);
		if (community != null && staffOf.contains(community)) {
			model.addAttribute("dispatches", dispatches.list(community, me));
			model.addAttribute("mayRequest", me.isPartyOf(community) || me.isStewardOf(community));
		}
		return "dispatches/list";
	}

	@GetMapping("/dispatches/new")
	String initRequestForm(@RequestParam String communityCode, Model model) {
		Actor me = CurrentActor.get();
		DispatchService.OpenSubjects subjects = dispatches.openSubjects(communityCode, me);
		if (!model.containsAttribute("dispatchForm")) {
			DispatchForm form = new DispatchForm();
			form.setCommunityCode(communityCode);
			model.addAttribute("dispatchForm", form);
		}
		model.addAttribute("communityCode", communityCode);
		model.addAttribute("subjects", subjects);
		model.addAttribute("skills", RegistrationPageController.skillsOf(registrations.list(communityCode, null, me)));
		return "dispatches/new";
	}

	@PostMapping("/dispatches")
	String request(@Valid @ModelAttribute("dispatchForm") DispatchForm form, BindingResult result,
			RedirectAttributes flash, HttpServletRequest request) {
		if (result.hasErrors()) {
			errors.flash(result, "dispatch.field.", flash);
			flash.addFlashAttribute("dispatchForm", form);
			flash.addAttribute("communityCode", form.getCommunityCode());
			return "redirect:/dispatches/new";
		}
		Dispatch dispatch;
		try {
			dispatch = dispatches.request(form.toRequest(), CurrentActor.get());
		}
		catch (ProblemException ex) {
			RequestContextUtils.getOutputFlashMap(request).put("dispatchForm", form);
			throw ex;
		}
		Pages.flashDone(flash, "dispatch.created");
		return "redirect:/dispatches/" + dispatch.getId();
	}

	@GetMapping("/dispatches/{id}")
	String show(@PathVariable Long id, Model model) {
		Actor me = CurrentActor.get();
		DispatchView dispatch = dispatches.view(id, me);
		boolean partyLine = me.isPartyOf(dispatch.communityCode());
		Set<Long> mine = registrations.list(null, null, me).stream()
			.map(RegistrationView::id)
			.collect(Collectors.toSet());
		Set<Long> hoursRecorded = dispatch.hours().stream()
			.map(DispatchView.HoursView::registrationId)
			.collect(Collectors.toSet());
		Optional<OpenTask> unfilled = dispatch.status() == Dispatch.Status.ESCALATED
				? process.findTask(records.require(id).getProcessInstanceId(), Step.HANDLE_UNFILLED_DISPATCH).filter(t -> process.mayWork(t, me))
				: Optional.empty();
		model.addAttribute("dispatch", dispatch);
		model.addAttribute("partyLine", partyLine);
		model.addAttribute("mine", mine);
		model.addAttribute("hoursRecorded", hoursRecorded);
		model.addAttribute("served", dispatch.status() == Dispatch.Status.FILLED || dispatch.status() == Dispatch.Status.PARTIAL);
		// hours are recorded after the service (DispatchService refuses them before)
		model.addAttribute("serviceTimeReached", !TimeLimits.nowInstant().isBefore(dispatch.at()));
		model.addAttribute("unfilledTask", unfilled.map(OpenTask::getId).orElse(null));
		return "dispatches/show";
	}

	/** The model the dispatch runs and where it is now, for the bpmn-js viewer. */
	@GetMapping(path = "/dispatches/{id}/diagram", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> diagram(@PathVariable Long id) {
		dispatches.view(id, CurrentActor.get());
		String instance = records.require(id).getProcessInstanceId();
		return Map.of("xml", process.modelXml(instance).orElse(""), "active", process.activeActivities(instance));
	}

	@PostMapping("/dispatches/{id}/answers")
	String answer(@PathVariable Long id, @Valid Answer form, BindingResult result, RedirectAttributes flash) {
		return errors.post(result, "dispatch.field.", flash, "redirect:/dispatches/" + id,
				() -> dispatches.answer(id, form, CurrentActor.get()),
				Boolean.TRUE.equals(form.accepted()) ? "dispatch.answer.accepted" : "dispatch.answer.declined");
	}

	@PostMapping("/dispatches/{id}/hours")
	String recordHours(@PathVariable Long id, @Valid RecordHours form, BindingResult result, RedirectAttributes flash) {
		return errors.post(result, "dispatch.field.", flash, "redirect:/dispatches/" + id,
				() -> dispatches.recordHours(id, form, CurrentActor.get()), "dispatch.hours.done");
	}
}
