package cn.needsloop.registration;

import java.util.Locale;
import org.springframework.context.MessageSource;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.needsloop.process.OpenTask;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.community.Communities;
import cn.needsloop.design.ProjectStatus;
import cn.needsloop.design.Projects;
import cn.needsloop.intake.NeedStatus;
import cn.needsloop.intake.Needs;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.registration.DispatchView.HoursView;
import cn.needsloop.registration.DispatchView.OfferView;
import cn.needsloop.registration.RegistrationRequests.Answer;
import cn.needsloop.registration.RegistrationRequests.RecordHours;
import cn.needsloop.registration.RegistrationRequests.RequestDispatch;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.Disclosure;
import cn.needsloop.system.Disclosures;
import cn.needsloop.system.PageDates;
import cn.needsloop.shared.ProblemException;

/**
 * 街道社区随叫、组织党员随到: the party line calls registered party members for a need or a project;
 * invitations go out in rounds (process {@code volunteerDispatch}), registrants accept or decline,
 * and the hours they served are recorded afterwards. The rounds themselves, as the process runs them, are
 * {@link DispatchRounds}.
 */
@Service
@Transactional
public class DispatchService {

	private final Dispatches dispatches;

	private final DispatchOffers offers;

	private final Registrations registrations;

	private final ServiceHoursLog hours;

	private final Communities communities;

	private final Needs needs;

	private final Projects projects;

	private final ProcessGateway process;

	private final DispatchPolicy policy;

	private final Disclosures disclosures;

	private final MessageSource messages;

	DispatchService(Dispatches dispatches, DispatchOffers offers, Registrations registrations, ServiceHoursLog hours,
			Communities communities, Needs needs, Projects projects, ProcessGateway process, DispatchPolicy policy,
			Disclosures disclosures, MessageSource messages) {
		this.dispatches = dispatches;
		this.offers = offers;
		this.registrations = registrations;
		this.hours = hours;
		this.communities = communities;
		this.needs = needs;
		this.projects = projects;
		this.process = process;
		this.policy = policy;
		this.disclosures = disclosures;
		this.messages = messages;
	}

	/** The party line (or a steward) of the community sends a dispatch request. */
	public Dispatch request(RequestDispatch request, Actor actor) {
		String community = request.communityCode().trim();
		if (!communities.existsById(community)) {
			throw ProblemException.badField("communityCode", "problem.community.unknown", community);
		}
		if (!actor.isPartyOf(community) && !actor.isStewardOf(community)) {
			throw ProblemException.forbidden("problem.dispatch.partyOnly", community);
		}
		if (request.needId() != null && !needs.findById(request.needId())
			.map(n -> n.getCommunityCode().equals(community)).orElse(false)) {
			throw ProblemException.badField("needId", "problem.dispatch.needUnknown", request.needId(), community);
		}
		if (request.projectId() != null && !projects.findById(request.projectId())
			.map(p -> p.getCommunityCode().equals(community)).orElse(false)) {
			throw ProblemException.badField("projectId", "problem.dispatch.projectUnknown", request.projectId(),
					community);
		}
		Instant now = TimeLimits.nowInstant();
		if (!request.at().isAfter(now)) {
			throw ProblemException.badField("at", "problem.dispatch.atPast", request.at());
		}
		Dispatch dispatch = dispatches.saveAndFlush(new Dispatch(community, request.needId(), request.projectId(),
				request.skill().trim(), request.people(), request.at(), actor.userId(), now));
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.DISPATCH_ID, dispatch.getId());
		variables.put(Var.COMMUNITY_CODE, community);
		// Tasklist shows the title as the engine keeps it: in Chinese
		variables.put(Var.DISPATCH_TITLE, dispatch.title().render(messages, Locale.SIMPLIFIED_CHINESE));
		variables.put(Var.SKILL, dispatch.getSkill());
		variables.put(Var.PEOPLE, dispatch.getPeople());
		variables.put(Var.DISPATCH_ROUND, 0);
		variables.put(Var.MAX_ROUNDS, policy.maxRounds());
		variables.put(Var.ACCEPTED_COUNT, 0);
		dispatch.started(process.startDispatch(dispatch.getId(), variables));
		return dispatch;
	}

	/** An invited registrant (their account, or the party line for them) accepts or declines. */
	public void answer(Long id, Answer answer, Actor actor) {
		Dispatch dispatch = dispatches.require(id);
		PartyRegistration registration = registrations.require(answer.registrationId());
		if (!registration.isAnsweredBy(actor.userId()) && !actor.isPartyOf(dispatch.getCommunityCode())) {
			throw ProblemException.forbidden("problem.dispatch.answerNotYours", registration.getId());
		}
		DispatchOffer offer = offers.findByDispatchIdAndRegistrationId(id, registration.getId())
			.orElseThrow(() -> ProblemException.conflict("problem.dispatch.notInvited", registration.getId(), id));
		if (offer.getStatus() != DispatchOffer.Status.INVITED) {
			throw ProblemException.conflict("problem.dispatch.alreadyAnswered", registration.getId(), id);
		}
		OpenTask task = process.findTask(dispatch.getProcessInstanceId(), Step.ANSWER_DISPATCH, Var.REGISTRATION_ID,
				registration.getId())
			.orElseThrow(() -> ProblemException.conflict("problem.dispatch.notWaiting", id));
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.DISPATCH_ANSWER, answer.accepted() ? DispatchOffer.Status.ACCEPTED.name()
				: DispatchOffer.Status.DECLINED.name());
		variables.put(Var.ANSWER_NOTE, RegistrationService.blankToNull(answer.note()));
		process.complete(task, variables, actor);
	}

	/** The party line records the hours a registrant who accepted served, once the service time has come. */
	public ServiceHours recordHours(Long id, RecordHours request, Actor actor) {
		Dispatch dispatch = dispatches.require(id);
		if (!actor.isPartyOf(dispatch.getCommunityCode())) {
			throw ProblemException.forbidden("problem.dispatch.partyOnly", dispatch.getCommunityCode());
		}
		if (TimeLimits.nowInstant().isBefore(dispatch.getAt())) {
			// hours are served, then recorded: none can be recorded before the service time
			throw ProblemException.badField("hours", "problem.hours.beforeService", PageDates.format(dispatch.getAt()));
		}
		PartyRegistration registration = registrations.require(request.registrationId());
		boolean accepted = offers.findByDispatchIdAndRegistrationId(id, registration.getId())
			.map(o -> o.getStatus() == DispatchOffer.Status.ACCEPTED).orElse(false);
		if (!accepted || !dispatch.isServed()) {
			throw ProblemException.conflict("problem.hours.notServed", registration.getId(), id);
		}
		if (hours.existsByDispatchIdAndRegistrationId(id, registration.getId())) {
			throw ProblemException.conflict("problem.hours.alreadyRecorded", registration.getId(), id);
		}
		return hours.save(new ServiceHours(id, registration.getId(), dispatch.getCommunityCode(),
				registration.getUnit(), request.hours(), actor.userId(), TimeLimits.nowInstant()));
	}

	@Transactional(readOnly = true)
	public DispatchView view(Long id, Actor actor) {
		Dispatch dispatch = dispatches.require(id);
		List<DispatchOffer> invited = offers.findByDispatchIdOrderById(id);
		Map<Long, PartyRegistration> registrants = registrations
			.findAllById(invited.stream().map(DispatchOffer::getRegistrationId).toList()).stream()
			.collect(Collectors.toMap(PartyRegistration::getId, Function.identity()));
		boolean invitee = registrants.values().stream().anyMatch(r -> r.isAnsweredBy(actor.userId()));
		if (!mayManage(actor, dispatch.getCommunityCode()) && !invitee) {
			throw ProblemException.forbidden("problem.dispatch.notYours", id);
		}
		// an invitee sees the other invitees by masked name and who answered or recorded by role
		Disclosure disclosure = disclosures.of(actor, mayManage(actor, dispatch.getCommunityCode()));
		List<OfferView> offerViews = invited.stream().map(o -> {
			PartyRegistration r = registrants.get(o.getRegistrationId());
			String name = r.getKind() == PartyRegistration.Kind.ORGANIZATION ? r.getName()
					: disclosure.name(r.getName(), r.getUsername());
			return new OfferView(o.getRegistrationId(), name, r.getUnit(), o.getRound(), o.getStatus(), o.getInvitedAt(),
					o.getDueAt(), o.getAnsweredAt(), disclosure.person(o.getAnsweredBy()), o.getNote());
		}).toList();
		List<HoursView> hourViews = hours.findByDispatchIdOrderById(id).stream()
			.map(h -> new HoursView(h.getRegistrationId(), h.getUnit(), h.getHours(),
					disclosure.person(h.getRecordedBy()), h.getRecordedAt()))
			.toList();
		return new DispatchView(dispatch.getId(), dispatch.getCommunityCode(), dispatch.getNeedId(),
				dispatch.getProjectId(), dispatch.getSkill(), dispatch.getPeople(), dispatch.getAt(), dispatch.getStatus(),
				dispatch.getRound(), dispatch.getAcceptedCount(), dispatch.getResolution(), dispatch.getResolutionNote(),
				disclosure.person(dispatch.getRequestedBy()), dispatch.getRequestedAt(), dispatch.getClosedAt(), offerViews,
				hourViews);
	}

	@Transactional(readOnly = true)
	public List<DispatchView> list(String communityCode, Actor actor) {
		if (communityCode == null) {
			if (!actor.isManager()) {
				throw ProblemException.badField("communityCode", "problem.field.required");
			}
			return dispatches.findAllByOrderByIdDesc().stream().map(d -> view(d.getId(), actor)).toList();
		}
		if (!mayManage(actor, communityCode)) {
			throw ProblemException.forbidden("problem.community.notYours", communityCode);
		}
		return dispatches.findByCommunityCodeOrderByIdDesc(communityCode).stream().map(d -> view(d.getId(), actor))
			.toList();
	}

	/** An invitation as the invited registrant sees it: the dispatch, and where their answer stands. */
	public record Invitation(Long dispatchId, String communityCode, Long needId, Long projectId, String skill,
			int people, Instant at, Dispatch.Status dispatchStatus, Long registrationId, String registrantName,
			int round, DispatchOffer.Status status, Instant dueAt, Instant answeredAt) {
	}

	/** The invitations sent to the registrations the actor answers for, newest first. */
	@Transactional(readOnly = true)
	public List<Invitation> invitationsOf(Actor actor) {
		Map<Long, PartyRegistration> mine = registrations.findByUsernameOrderByIdDesc(actor.userId()).stream()
			.collect(Collectors.toMap(PartyRegistration::getId, Function.identity()));
		if (mine.isEmpty()) {
			return List.of();
		}
		List<DispatchOffer> invited = offers.findByRegistrationIdInOrderByIdDesc(mine.keySet());
		Map<Long, Dispatch> byId = dispatches.findAllById(invited.stream().map(DispatchOffer::getDispatchId).distinct()
			.toList()).stream().collect(Collectors.toMap(Dispatch::getId, Function.identity()));
		return invited.stream().map(o -> {
			Dispatch d = byId.get(o.getDispatchId());
			return new Invitation(d.getId(), d.getCommunityCode(), d.getNeedId(), d.getProjectId(), d.getSkill(),
					d.getPeople(), d.getAt(), d.getStatus(), o.getRegistrationId(), mine.get(o.getRegistrationId()).getName(),
					o.getRound(), o.getStatus(), o.getDueAt(), o.getAnsweredAt());
		}).toList();
	}

	/** A need or project a dispatch can be for. */
	public record SubjectOption(Long id, String title) {
	}

	/** The open needs and the projects under way of a community, newest first: what a dispatch can be for. */
	public record OpenSubjects(List<SubjectOption> needs, List<SubjectOption> projects) {
	}

	/** For whoever may request a dispatch in the community (its party line or steward), as {@link #request} checks. */
	@Transactional(readOnly = true)
	public OpenSubjects openSubjects(String communityCode, Actor actor) {
		if (!actor.isPartyOf(communityCode) && !actor.isStewardOf(communityCode)) {
			throw ProblemException.forbidden("problem.dispatch.partyOnly", communityCode);
		}
		List<SubjectOption> open = needs
			.findAll((root, query, cb) -> cb.and(cb.equal(root.get("communityCode"), communityCode),
					cb.equal(root.get("status"), NeedStatus.OPEN)), PageRequest.of(0, 200, Sort.by(Sort.Direction.DESC, "id")))
			.map(n -> new SubjectOption(n.getId(), n.getTitle()))
			.getContent();
		List<SubjectOption> underWay = projects
			.findByStatusInOrderByIdDesc(EnumSet.complementOf(EnumSet.of(ProjectStatus.CLOSED, ProjectStatus.FAILED))
				.stream().toList())
			.stream()
			.filter(p -> p.getCommunityCode().equals(communityCode))
			.limit(200)
			.map(p -> new SubjectOption(p.getId(), p.getTitle()))
			.toList();
		return new OpenSubjects(open, underWay);
	}

	private static boolean mayManage(Actor actor, String communityCode) {
		return actor.isManager() || actor.isPartyOf(communityCode) || actor.isStewardOf(communityCode);
	}
}
