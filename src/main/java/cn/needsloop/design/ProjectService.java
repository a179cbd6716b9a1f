package cn.needsloop.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.community.Communities;
import cn.needsloop.design.ProjectRequests.Approval;
import cn.needsloop.design.ProjectRequests.DesignProject;
import cn.needsloop.design.ProjectRequests.Redesign;
import cn.needsloop.design.ProjectView.EvaluationView;
import cn.needsloop.design.ProjectView.MilestoneView;
import cn.needsloop.design.ProjectView.NeedRef;
import cn.needsloop.evaluation.Evaluations;
import cn.needsloop.implementation.Organization;
import cn.needsloop.implementation.Organizations;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.Needs;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.system.Actor;
import cn.needsloop.system.Disclosure;
import cn.needsloop.system.Disclosures;
import cn.needsloop.system.ProblemException;

/** 统筹设计: designing a project from pooled needs, its approval, and reading projects. */
@Service
@Transactional
public class ProjectService {

	private final Projects projects;

	private final Needs needs;

	private final Communities communities;

	private final Organizations organizations;

	private final Evaluations evaluations;

	private final ProcessGateway process;

	private final Disclosures disclosures;

	ProjectService(Projects projects, Needs needs, Communities communities, Organizations organizations,
			Evaluations evaluations, ProcessGateway process, Disclosures disclosures) {
		this.projects = projects;
		this.needs = needs;
		this.communities = communities;
		this.organizations = organizations;
		this.evaluations = evaluations;
		this.process = process;
		this.disclosures = disclosures;
	}

	public ServiceProject design(DesignProject request, Actor actor) {
		if (!communities.existsById(request.communityCode())) {
			throw ProblemException.badField("communityCode", "problem.community.unknown", request.communityCode());
		}
		if (!actor.isStewardOf(request.communityCode())) {
			throw ProblemException.forbidden("problem.community.notYours", request.communityCode());
		}
		if (!request.plannedEnd().isAfter(TimeLimits.nowInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate())) {
			throw ProblemException.badField("plannedEnd", "problem.project.plannedEndPast", request.plannedEnd());
		}
		List<Long> needIds = List.copyOf(new LinkedHashSet<>(request.needIds()));
		List<Need> pooled = needs.lockAll(needIds);
		if (pooled.size() != needIds.size()) {
			List<Long> missing = new ArrayList<>(needIds);
			pooled.forEach(n -> missing.remove(n.getId()));
			throw ProblemException.badField("needIds", "problem.project.needsUnknown", missing);
		}
		for (Need need : pooled) {
			if (!need.getCommunityCode().equals(request.communityCode())) {
				throw ProblemException.badField("needIds", "problem.project.needOtherCommunity", need.getId());
			}
			if (!need.isOpen() || !need.isPooled()) {
				throw ProblemException.conflict("problem.need.notInPool", need.getId());
			}
		}
		ServiceProject project = projects.save(new ServiceProject(request.communityCode(), request.title().trim(),
				request.goal().trim(), request.plan().trim(), request.category(), request.budgetYuan(),
				householdsOf(request.householdCount(), pooled), request.publicAffairs(), request.plannedEnd(), request.milestones(),
				actor.userId(), TimeLimits.nowInstant()));
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.PROJECT_ID, project.getId());
		variables.put(Var.COMMUNITY_CODE, project.getCommunityCode());
		variables.put(Var.CATEGORY, project.getCategory().name());
		variables.put(Var.PROJECT_TITLE, project.getTitle());
		variables.put(Var.NEED_IDS, new ArrayList<>(needIds));
		variables.put(Var.MILESTONE_INDEXES,
				new ArrayList<>(IntStream.range(0, request.milestones().size()).boxed().toList()));
		project.startedAs(process.startProject(project.getId(), variables));
		return project;
	}

	/**
	 * A project serves at least the households of its needs, those that said 我也有此需求 included: the consultation
	 * threshold (consultation-required.dmn, 涉及户数) reads this count, so a steward cannot design it below them.
	 */
	static int householdsOf(int requested, List<Need> served) {
		int ofNeeds = served.stream().mapToInt(n -> n.getHouseholdCount() == null ? 1 : n.getHouseholdCount()).sum();
		return Math.max(requested, ofNeeds);
	}

	public void approve(Long id, Approval request, Actor actor) {
		ServiceProject project = projects.require(id);
		Task task = process.taskToWork(project.getProcessInstanceId(), Step.APPROVE_PROJECT, actor,
				"problem.project.notAtStep.approval", id);
		process.complete(task, Map.of(Var.APPROVAL_DECISION, request.approved() ? "APPROVED" : "RETURNED",
				Var.APPROVAL_NOTE, request.note()), actor);
	}

	public void redesign(Long id, Redesign request, Actor actor) {
		ServiceProject project = projects.require(id);
		Task task = process.taskToWork(project.getProcessInstanceId(), Step.REVISE_DESIGN, actor,
				"problem.project.notAtStep.revision", id);
		project.redesigned(request.title().trim(), request.goal().trim(), request.plan().trim(), request.budgetYuan(),
				householdsOf(request.householdCount(), needs.findByProjectId(id)), request.publicAffairs(),
				request.plannedEnd());
		process.complete(task, Map.of(Var.PLAN, request.plan(), Var.BUDGET_YUAN, request.budgetYuan().toPlainString(),
				Var.REVISION_NOTE, request.note()), actor);
	}

	@Transactional(readOnly = true)
	public List<ProjectView> list(ProjectStatus status, Actor actor) {
		List<ServiceProject> found = status == null ? projects.findAllByOrderByIdDesc()
				: projects.findByStatusInOrderByIdDesc(List.of(status));
		java.util.function.Predicate<ServiceProject> visible = visibility(actor);
		return found.stream().filter(visible).map(p -> view(p, false, actor)).toList();
	}

	/**
	 * The projects an organisation claimed or was assigned, newest first, each with its needs and ratings: read by the
	 * claimant (an indexed column), not by filtering every project of the district.
	 */
	@Transactional(readOnly = true)
	public List<ProjectView> claimedBy(String claimantCode, Actor actor) {
		java.util.function.Predicate<ServiceProject> visible = visibility(actor);
		return projects.findByClaimantCodeOrderByIdDesc(claimantCode).stream()
			.filter(visible)
			.map(p -> view(p, true, actor))
			.toList();
	}

	@Transactional(readOnly = true)
	public ProjectView view(Long id, Actor actor) {
		ServiceProject project = projects.require(id);
		if (!maySee(actor, project)) {
			throw ProblemException.forbidden("problem.project.notYours", id);
		}
		return view(project, true, actor);
	}

	/** Social organisations see the project hall and their own projects; everyone else sees all. */
	private boolean maySee(Actor actor, ServiceProject project) {
		return visibility(actor).test(project);
	}

	/** {@link #maySee} for many projects: the reader's organisation is looked up once, not once a project. */
	private java.util.function.Predicate<ServiceProject> visibility(Actor actor) {
		if (!actor.isSocialOrganization() || actor.isManager() || actor.isSteward()) {
			return project -> true;
		}
		String own = organizations.findByAccountUser(actor.userId()).map(Organization::getCode).orElse(null);
		return project -> project.getStatus() == ProjectStatus.PUBLISHED
				|| (own != null && own.equals(project.getClaimantCode()));
	}

	/** Who reported a milestone and who rated read as roles to a reader who does not serve the project's community. */
	private ProjectView view(ServiceProject p, boolean details, Actor actor) {
		Disclosure disclosure = disclosures.ofCommunity(actor, p.getCommunityCode());
		List<NeedRef> needRefs = details ? needs.findByProjectId(p.getId()).stream().map(NeedRef::of).toList() : null;
		List<MilestoneView> milestones = IntStream.range(0, p.getMilestones().size()).mapToObj(i -> {
			Milestone m = p.getMilestones().get(i);
			return new MilestoneView(i, m.getTitle(), m.getNote(), m.getSocialWorkers(), m.getVolunteers(),
					disclosure.person(m.getReportedBy()), m.getReportedAt());
		}).toList();
		List<EvaluationView> ratings = details ? evaluations.findByProjectIdOrderByIdAsc(p.getId()).stream()
			.map(e -> new EvaluationView(e.getPerspective().name(), e.getNeedId(), e.getRound(), e.getScore(),
					e.getComment(), disclosure.person(e.getRater()), e.getCreatedAt()))
			.toList() : null;
		return new ProjectView(p.getId(), p.getProcessInstanceId(), p.getCommunityCode(), p.getTitle(), p.getGoal(),
				p.getPlan(), p.getCategory(), p.getBudgetYuan(), p.getHouseholdCount(), p.isPublicAffairs(),
				p.getPlannedEnd(), p.getStatus(), p.getApprovalNote(), p.getClaimantCode(), p.getClaimDeadline(),
				p.getPublishedAt(), p.getClaimedAt(), p.getClaimedInTime(), p.getCompletedAt(), p.getCompletionReport(),
				p.getRectificationReport(), p.getEvaluationRound(), p.getVerdict(), p.getClosedAt(), needRefs,
				milestones, ratings, p.getConsultationId(), p.getConsultationNote());
	}
}
