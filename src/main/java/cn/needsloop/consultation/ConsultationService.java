package cn.needsloop.consultation;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.MessageSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.needsloop.process.OpenTask;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.community.Communities;
import cn.needsloop.consultation.ConsultationRequests.ApplyResult;
import cn.needsloop.consultation.ConsultationRequests.FixParticipants;
import cn.needsloop.consultation.ConsultationRequests.ProposeTopic;
import cn.needsloop.consultation.ConsultationRequests.PublishAgenda;
import cn.needsloop.consultation.ConsultationRequests.RaiseObjection;
import cn.needsloop.consultation.ConsultationRequests.RecordMeeting;
import cn.needsloop.design.Projects;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.Disclosures;
import cn.needsloop.shared.ProblemException;

/**
 * 社区协商 through the API: proposing a topic, reading consultations, and moving one through the
 * steps of its process. Each step is checked here (the consultation exists, is at that step, the
 * caller's line has the task) and completed through the engine; the step's listener writes the
 * consultation in the same transaction, exactly as when the step is done in Tasklist.
 */
@Service
@Transactional
public class ConsultationService {

	static final String RESIDENT = "resident";

	private final Consultations consultations;

	private final Communities communities;

	private final Projects projects;

	private final ProcessGateway process;

	private final Disclosures disclosures;

	private final MessageSource messages;

	ConsultationService(Consultations consultations, Communities communities, Projects projects,
			ProcessGateway process, Disclosures disclosures, MessageSource messages) {
		this.messages = messages;
		this.consultations = consultations;
		this.communities = communities;
		this.projects = projects;
		this.process = process;
		this.disclosures = disclosures;
	}

	/** A steward, a member of the self-governance line or a resident proposes a topic. */
	public Consultation propose(ProposeTopic request, Actor actor) {
		if (!communities.existsById(request.communityCode())) {
			throw ProblemException.badField("communityCode", "problem.community.unknown", request.communityCode());
		}
		if (!mayPropose(request.communityCode(), actor)) {
			throw ProblemException.forbidden("problem.consultation.mayNotPropose", request.communityCode());
		}
		if (request.projectId() != null) {
			ServiceProject project = projects.findById(request.projectId())
				.orElseThrow(() -> ProblemException.badField("projectId", "problem.consultation.projectUnknown",
						request.projectId()));
			if (!project.getCommunityCode().equals(request.communityCode())) {
				throw ProblemException.badField("projectId", "problem.consultation.projectOtherCommunity", request.projectId());
			}
		}
		Consultation consultation = consultations.save(new Consultation(request.communityCode(), request.topic().strip(),
				request.topicType(), request.description().strip(), request.projectId(), actor.userId(),
				TimeLimits.nowInstant()));
		process.startConsultation(consultation.getId(), startVariables(consultation));
		return consultation;
	}

	/** Whether the actor may propose a topic in the community: its steward, its self-governance line, or a resident. */
	public boolean mayPropose(String communityCode, Actor actor) {
		return actor.isStewardOf(communityCode) || actor.isSelfGovernanceOf(communityCode)
				|| actor.groups().contains(RESIDENT);
	}

	/** The variables a consultation's process starts with, standalone or called from a project. */
	public static Map<String, Object> startVariables(Consultation consultation) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.CONSULTATION_ID, consultation.getId());
		variables.put(Var.COMMUNITY_CODE, consultation.getCommunityCode());
		variables.put(Var.PROJECT_ID, consultation.getProjectId());
		return variables;
	}

	/** Who serves a consultation and sees who took part: managers, the community's stewards and its selfgov line. */
	public static boolean servedBy(Actor actor, String communityCode) {
		return Disclosures.servesCommunity(actor, communityCode) || actor.isSelfGovernanceOf(communityCode);
	}

	@Transactional(readOnly = true)
	public ConsultationView view(Long id, Actor actor) {
		Consultation consultation = consultations.require(id);
		Locale reader = LocaleContextHolder.getLocale();
		return ConsultationView.of(consultation, true,
				disclosures.of(actor, servedBy(actor, consultation.getCommunityCode())), messages, reader);
	}

	/** Consultations are public (阳光社区): everyone signed in may read them. */
	@Transactional(readOnly = true)
	public Page<ConsultationView> list(String communityCode, ConsultationStatus status, Long projectId, int page,
			int size, Actor actor) {
		Specification<Consultation> spec = (root, query, cb) -> cb.conjunction();
		if (communityCode != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("communityCode"), communityCode));
		}
		if (status != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
		}
		if (projectId != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("projectId"), projectId));
		}
		Locale reader = LocaleContextHolder.getLocale();
		return consultations.findAll(spec, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")))
			.map(c -> ConsultationView.of(c, false, disclosures.of(actor, servedBy(actor, c.getCommunityCode())),
					messages, reader));
	}

	public void fixParticipants(Long id, FixParticipants request, Actor actor) {
		List<ConsultationParticipant> participants = request.participants().stream()
			.map(p -> new ConsultationParticipant(p.name().strip(), p.kind())).toList();
		complete(id, Step.FIX_PARTICIPANTS, "problem.consultation.notAtStep.participants",
				Map.of(Var.PARTICIPANTS, ParticipantList.format(participants)), actor);
	}

	public void publishAgenda(Long id, PublishAgenda request, Actor actor) {
		complete(id, Step.PUBLISH_AGENDA, "problem.consultation.notAtStep.agenda",
				Map.of(Var.AGENDA_ITEMS, String.join("\n", request.items().stream().map(String::strip).toList()),
						Var.MEETING_AT, request.meetingAt().toString()),
				actor);
	}

	public void recordMeeting(Long id, RecordMeeting request, Actor actor) {
		complete(id, Step.RECORD_MEETING, "problem.consultation.notAtStep.meeting",
				Map.of(Var.ATTENDEES, request.attendees(), Var.OPINIONS, request.opinions(), Var.VOTES_FOR,
						request.votesFor(), Var.VOTES_AGAINST, request.votesAgainst(), Var.VOTES_ABSTAIN,
						request.votesAbstain()),
				actor);
	}

	/** Anyone signed in may object to a publicised result; the objection sends the topic to another round. */
	public void raiseObjection(Long id, RaiseObjection request, Actor actor) {
		Consultation consultation = consultations.require(id);
		consultation.objectionRaised(request.text().strip(), actor.userId(), TimeLimits.nowInstant());
		process.correlateToInstance(Workflow.MESSAGE_CONSULTATION_OBJECTION, consultation.getProcessInstanceId(),
				Map.of(Var.OBJECTED, true));
	}

	public void applyResult(Long id, ApplyResult request, Actor actor) {
		complete(id, Step.APPLY_RESULT, "problem.consultation.notAtStep.application",
				Map.of(Var.APPLICATION_REPORT, request.report()), actor);
	}

	private void complete(Long id, String step, String problemKey, Map<String, Object> variables, Actor actor) {
		Consultation consultation = consultations.require(id);
		OpenTask task = process.taskToWork(consultation.getProcessInstanceId(), step, actor, problemKey, id);
		process.complete(task, variables, actor);
	}
}
