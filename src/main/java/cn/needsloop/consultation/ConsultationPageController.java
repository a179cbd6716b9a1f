package cn.needsloop.consultation;

import cn.needsloop.shared.ChinaTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.needsloop.process.OpenTask;
import org.springframework.data.domain.Page;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.community.Communities;
import cn.needsloop.community.Community;
import cn.needsloop.consultation.ConsultationRequests.ApplyResult;
import cn.needsloop.consultation.ConsultationRequests.FixParticipants;
import cn.needsloop.consultation.ConsultationRequests.Participant;
import cn.needsloop.consultation.ConsultationRequests.ProposeTopic;
import cn.needsloop.consultation.ConsultationRequests.PublishAgenda;
import cn.needsloop.consultation.ConsultationRequests.RaiseObjection;
import cn.needsloop.consultation.ConsultationRequests.RecordMeeting;
import cn.needsloop.intake.HomeCommunity;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.FormErrors;
import cn.needsloop.system.PageView;
import cn.needsloop.system.Pages;
import cn.needsloop.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;

/**
 * 社区协商 on pages: the community's consultations with a status filter, proposing a topic, and one page per
 * consultation with its facts, rounds, objections, history, the process diagram, and a form for each step the
 * user may do now. The forms hand {@link ConsultationService} the same requests the API does, so the rules (who
 * may propose, which line does a step, the catalog's required participants, the notice days, the publicity) are
 * checked in one place; a refusal comes back as the page's message in the reader's language.
 */
@Controller
class ConsultationPageController {

	private static final int PAGE_SIZE = 20;

	/** Empty participant rows offered besides one for each kind the catalog requires. */
	private static final int EXTRA_ROWS = 2;

	private final ConsultationService consultations;

	private final ProcessGateway process;

	private final Communities communities;

	private final HomeCommunity homeCommunity;

	private final WorkingCalendar calendar;

	private final FormErrors errors;

	ConsultationPageController(ConsultationService consultations, ProcessGateway process, Communities communities,
			HomeCommunity homeCommunity, WorkingCalendar calendar, FormErrors errors) {
		this.consultations = consultations;
		this.process = process;
		this.communities = communities;
		this.homeCommunity = homeCommunity;
		this.calendar = calendar;
		this.errors = errors;
	}

	@InitBinder
	void setAllowedFields(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	/**
	 * The consultations of one community (by default the user's own, see {@link HomeCommunity}) or of all; an
	 * empty {@code communityCode} means all communities. Consultations are public to everyone signed in.
	 */
	@GetMapping("/consultations")
	String list(@RequestParam(required = false) String communityCode, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") @Max(PageView.MAX_PAGE) int page, Model model) {
		Actor me = CurrentActor.get();
		String community = communityCode != null ? communityCode : homeCommunity.of(me).orElse("");
		ConsultationStatus wanted = Arrays.stream(ConsultationStatus.values())
			.filter(s -> s.name().equals(status))
			.findFirst()
			.orElse(null);
		Page<ConsultationView> found = consultations.list(community.isEmpty() ? null : community, wanted, null,
				Math.max(0, page), PAGE_SIZE, me);
		model.addAttribute("consultations", found);
		model.addAttribute("communityCode", community);
		model.addAttribute("status", wanted);
		model.addAttribute("statuses", ConsultationStatus.values());
		model.addAttribute("communities", allCommunities());
		model.addAttribute("mayPropose", !proposable(me).isEmpty());
		return "consultations/list";
	}

	@GetMapping("/consultations/new")
	String initProposalForm(Model model) {
		Actor me = CurrentActor.get();
		List<Community> proposable = proposable(me);
		if (proposable.isEmpty()) {
			throw ProblemException.forbidden("problem.consultation.mayNotProposeAnywhere");
		}
		model.addAttribute("communities", proposable);
		model.addAttribute("home", homeCommunity.of(me).orElse(null));
		model.addAttribute("topicTypes", TopicType.values());
		return "consultations/new";
	}

	@PostMapping("/consultations")
	String processProposalForm(@Valid ProposeTopic form, BindingResult result, HttpServletRequest request,
			RedirectAttributes flash) {
		if (result.hasErrors()) {
			flash.addFlashAttribute("error", errors.text(result, "consultation.field."));
			flash.addFlashAttribute("values", FormErrors.values(request));
			return "redirect:/consultations/new";
		}
		Consultation consultation;
		try {
			consultation = consultations.propose(form, CurrentActor.get());
		}
		catch (RuntimeException ex) {
			// a refusal, also when the engine wraps one thrown by a step's listener
			if (ProblemException.find(ex) != null) {
				keepValues(request);
			}
			throw ex;
		}
		Pages.flashDone(flash, consultation.getStatus() == ConsultationStatus.OUTSIDE_CATALOG
				? "consultation.proposed.outside" : "consultation.proposed");
		return "redirect:/consultations/" + consultation.getId();
	}

	@GetMapping("/consultations/{id}")
	String show(@PathVariable Long id, Model model) {
		Actor me = CurrentActor.get();
		ConsultationView consultation = consultations.view(id, me);
		Set<String> steps = process.workableTasks(consultation.processInstanceId(), me).stream()
			.map(OpenTask::getTaskDefinitionKey)
			.collect(Collectors.toSet());
		List<ParticipantKind> rows = new ArrayList<>(consultation.requiredParticipants());
		for (int i = 0; i < EXTRA_ROWS; i++) {
			rows.add(ParticipantKind.RESIDENT_REPRESENTATIVE);
		}
		ZonedDateTime now = TimeLimits.nowInstant().atZone(ChinaTime.ZONE);
		int noticeDays = consultation.noticeDays() == null ? 0 : consultation.noticeDays();
		LocalDate earliest = calendar.plusWorkingDays(now, noticeDays).toLocalDate();
		LocalDateTime suggested = earliest.atTime(14, 30);
		if (!suggested.isAfter(now.toLocalDateTime())) {
			suggested = now.toLocalDateTime().plusHours(1).truncatedTo(ChronoUnit.HOURS);
		}
		model.addAttribute("consultation", consultation);
		model.addAttribute("steps", steps);
		model.addAttribute("mayObject", consultation.status() == ConsultationStatus.PUBLICITY);
		model.addAttribute("kinds", ParticipantKind.values());
		model.addAttribute("participantRows", rows);
		model.addAttribute("earliestMeeting", earliest);
		model.addAttribute("suggestedMeeting", suggested.truncatedTo(ChronoUnit.MINUTES).toString());
		return "consultations/show";
	}

	/** The model the consultation runs and where it waits now, for the bpmn-js viewer on its page. */
	@GetMapping(path = "/consultations/{id}/diagram", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> diagram(@PathVariable Long id) {
		ConsultationView consultation = consultations.view(id, CurrentActor.get());
		return Map.of("xml", process.modelXml(consultation.processInstanceId()).orElse(""), "active",
				process.activeActivities(consultation.processInstanceId()));
	}

	/** 确定协商主体: one row a participant (name and kind); rows without a name are left out. */
	@PostMapping("/consultations/{id}/participants")
	String participants(@PathVariable Long id, @RequestParam(name = "name", required = false) List<String> names,
			@RequestParam(name = "kind", required = false) List<String> kinds, HttpServletRequest request,
			RedirectAttributes flash) {
		List<Participant> participants = new ArrayList<>();
		for (int i = 0; names != null && i < names.size(); i++) {
			if (names.get(i) == null || names.get(i).isBlank()) {
				continue;
			}
			String kind = kinds != null && i < kinds.size() ? kinds.get(i) : null;
			participants.add(new Participant(names.get(i).strip(), Arrays.stream(ParticipantKind.values())
				.filter(k -> k.name().equals(kind))
				.findFirst()
				.orElse(null)));
		}
		FixParticipants form = new FixParticipants(participants);
		return built(id, form, request, flash, () -> consultations.fixParticipants(id, form, CurrentActor.get()));
	}

	/** 发布议程: the items one a line, the meeting time as the browser's date-time field sends it (Beijing time). */
	@PostMapping("/consultations/{id}/agenda")
	String agenda(@PathVariable Long id, @RequestParam(required = false) String items,
			@RequestParam(required = false) String meetingAt, HttpServletRequest request, RedirectAttributes flash) {
		List<String> lines = items == null ? List.of()
				: items.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
		PublishAgenda form = new PublishAgenda(lines, meetingAt == null || meetingAt.isBlank() ? null
				: meetingTime(meetingAt, request));
		return built(id, form, request, flash, () -> consultations.publishAgenda(id, form, CurrentActor.get()));
	}

	@PostMapping("/consultations/{id}/meeting")
	String meeting(@PathVariable Long id, @Valid RecordMeeting form, BindingResult result, HttpServletRequest request,
			RedirectAttributes flash) {
		return bound(id, result, request, flash, () -> consultations.recordMeeting(id, form, CurrentActor.get()));
	}

	/** Anyone signed in may object while the result is publicised. */
	@PostMapping("/consultations/{id}/objections")
	String objection(@PathVariable Long id, @Valid RaiseObjection form, BindingResult result,
			HttpServletRequest request, RedirectAttributes flash) {
		return bound(id, result, request, flash, () -> consultations.raiseObjection(id, form, CurrentActor.get()),
				"consultation.objection.done");
	}

	@PostMapping("/consultations/{id}/application")
	String application(@PathVariable Long id, @Valid ApplyResult form, BindingResult result,
			HttpServletRequest request, RedirectAttributes flash) {
		return bound(id, result, request, flash, () -> consultations.applyResult(id, form, CurrentActor.get()));
	}

	// --- helpers

	/** A step whose form Spring bound and validated. */
	private String bound(Long id, BindingResult result, HttpServletRequest request, RedirectAttributes flash,
			Runnable action, String... doneKey) {
		if (result.hasErrors()) {
			return refused(id, errors.text(result, "consultation.field."), request, flash);
		}
		return run(id, request, flash, action, doneKey);
	}

	/** A step whose request the page built from rows or lines: validated here as the API validates it. */
	private String built(Long id, Object form, HttpServletRequest request, RedirectAttributes flash, Runnable action) {
		return errors.validate(form, "consultation.field.")
			.map(text -> refused(id, text, request, flash))
			.orElseGet(() -> run(id, request, flash, action));
	}

	private String run(Long id, HttpServletRequest request, RedirectAttributes flash, Runnable action,
			String... doneKey) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			// a refusal, also when the engine wraps one thrown by a step's listener
			if (ProblemException.find(ex) != null) {
				keepValues(request);
			}
			throw ex;
		}
		Pages.flashDone(flash, doneKey.length > 0 ? doneKey[0] : "step.done");
		return "redirect:/consultations/" + id;
	}

	private static String refused(Long id, String text, HttpServletRequest request, RedirectAttributes flash) {
		flash.addFlashAttribute("error", text);
		flash.addFlashAttribute("values", FormErrors.values(request));
		return "redirect:/consultations/" + id;
	}

	/** A refusal goes back to the form with what was typed (the page's exception handler adds the reason). */
	private static void keepValues(HttpServletRequest request) {
		RequestContextUtils.getOutputFlashMap(request).put("values", FormErrors.values(request));
	}

	private static java.time.OffsetDateTime meetingTime(String value, HttpServletRequest request) {
		try {
			return LocalDateTime.parse(value.strip()).atZone(ChinaTime.ZONE).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			keepValues(request);
			throw ProblemException.badField(Var.MEETING_AT, "problem.field.badValue", value);
		}
	}

	private List<Community> allCommunities() {
		return communities.findAll().stream().sorted(java.util.Comparator.comparing(Community::getCode)).toList();
	}

	/** The communities in which the user may propose a topic (the rule is the service's). */
	private List<Community> proposable(Actor me) {
		return allCommunities().stream().filter(c -> consultations.mayPropose(c.getCode(), me)).toList();
	}
}
