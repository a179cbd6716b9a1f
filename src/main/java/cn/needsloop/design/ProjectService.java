package cn.needsloop.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import cn.needsloop.process.OpenTask;
import cn.needsloop.shared.ChinaTime;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.community.Communities;
import cn.needsloop.design.ProjectRequests.Approval;
import cn.needsloop.design.ProjectRequests.DesignProject;
import cn.needsloop.design.ProjectRequests.Redesign;
import cn.needsloop.design.ProjectView.EvaluationView;
import cn.needsloop.design.ProjectView.MilestoneView;
import cn.needsloop.design.ProjectView.NeedRef;
import cn.needsloop.community.Organization;
import cn.needsloop.community.Organizations;
import cn.needsloop.design.ProjectRatings.Rating;
import cn.needsloop.shared.Category;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.Needs;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.Disclosure;
import cn.needsloop.system.Disclosures;
import cn.needsloop.shared.ProblemException;

/** 统筹设计: designing a project from pooled needs, its approval, and reading projects. */
@Service
@Transactional
public class ProjectService {

	private final Projects projects;

	private final Needs needs;

	private final Communities communities;

	private final Organizations organizations;

	private final ProjectRatings ratings;

	private final ProcessGateway process;

	private final Disclosures disclosures;

	ProjectService(Projects projects, Needs needs, Communities communities, Organizations organizations,
			ProjectRatings ratings, ProcessGateway process, Disclosures disclosures) {
		this.projects = projects;
		this.needs = needs;
		this.communities = communities;
		this.organizations = organizations;
		this.ratings = ratings;
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
		if (!request.plannedEnd().isAfter(TimeLimits.nowInstant().atZone(ChinaTime.ZONE).toLocalDate())) {
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
		OpenTask task = process.taskToWork(project.getProcessInstanceId(), Step.APPROVE_PROJECT, actor,
				"problem.project.notAtStep.approval", id);
		process.complete(task, Map.of(Var.APPROVAL_DECISION, (request.approved() ? ApprovalDecision.APPROVED : ApprovalDecision.RETURNED).name(),
				Var.APPROVAL_NOTE, request.note()), actor);
	}

	public void redesign(Long id, Redesign request, Actor actor) {
		ServiceProject project = projects.require(id);
		OpenTask task = process.taskToWork(project.getProcessInstanceId(), Step.REVISE_DESIGN, actor,
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
	 * A page of the projects the actor may see ({@link #visibility}), of one status when given, newest first: the
	 * page and its count in the database, the page's milestones in one batch (never every project of the district).
	 */
	@Transactional(readOnly = true)
	public Page<ProjectView> list(ProjectStatus status, int page, int size, Actor actor) {
		PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id"));
		if (!actor.isSocialOrganization() || actor.isManager() || actor.isSteward()) {
			return views(projects.findPage(status, request), false, actor);
		}
		String own = organizations.findByAccountUser(actor.userId()).map(Organization::getCode).orElse(null);
		return views(projects.findPageVisibleTo(own, status, request), false, actor);
	}

	/** A page of the project hall of an organisation: published projects of the categories it is qualified for. */
	@Transactional(readOnly = true)
	public Page<ProjectView> openFor(Organization organization, int page, int size, Actor actor) {
		List<Category> qualified = Arrays.stream(Category.values()).filter(organization::isQualifiedFor).toList();
		PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id"));
		if (qualified.isEmpty()) {
			return Page.empty(request);
		}
		return views(projects.findByStatusAndCategoryIn(ProjectStatus.PUBLISHED, qualified, request), false, actor);
	}

	/**
	 * A page of the projects an organisation claimed or was assigned, newest first, each with its needs and ratings
	 * (read for the whole page in one query each): read by the claimant (an indexed column).
	 */
	@Transactional(readOnly = true)
	public Page<ProjectView> claimedBy(String claimantCode, int page, int size, Actor actor) {
		return views(projects.findByClaimantCode(claimantCode,
				PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id"))), true, actor);
	}

	/**
	 * A page of the projects in any of these statuses, newest first, each with its needs and ratings (one query each
	 * for the page): the public board's sections, never every project of the district at once.
	 */
	@Transactional(readOnly = true)
	public Page<ProjectView> inStatus(Collection<ProjectStatus> statuses, int page, int size, Actor actor) {
		PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id"));
		java.util.function.Predicate<ServiceProject> visible = visibility(actor);
		Page<ServiceProject> found = projects.findByStatusIn(statuses, request);
		if (!found.getContent().stream().allMatch(visible)) {
			throw ProblemException.forbidden("problem.project.notYours", found.getContent().stream()
				.filter(visible.negate()).findFirst().map(ServiceProject::getId).orElse(null));
		}
		return views(found, true, actor);
	}

	/** A rating on one of an implementer's projects, with the project's title. */
	public record ProjectRating(Long projectId, String projectTitle, EvaluationView evaluation) {
	}

	/**
	 * The newest ratings on the projects an implementer delivers: those it gave ({@code given}) or those its projects
	 * received, at most {@code max}, in three queries (ratings, their projects' titles, nothing a rating).
	 */
	@Transactional(readOnly = true)
	public List<ProjectRating> ratingsOnProjectsOf(String claimantCode, boolean given, int max, Actor actor) {
		List<Rating> found = given ? ratings.givenOnProjectsOf(claimantCode, max)
				: ratings.receivedOnProjectsOf(claimantCode, max);
		Map<Long, ServiceProject> rated = new HashMap<>();
		projects.findAllById(found.stream().map(Rating::projectId).distinct().toList())
			.forEach(p -> rated.put(p.getId(), p));
		Map<String, Disclosure> byCommunity = new HashMap<>();
		return found.stream().map(e -> {
			ServiceProject p = rated.get(e.projectId());
			Disclosure disclosure = byCommunity.computeIfAbsent(p.getCommunityCode(),
					c -> disclosures.ofCommunity(actor, c));
			return new ProjectRating(p.getId(), p.getTitle(), new EvaluationView(e.perspective(), e.needId(),
					e.round(), e.score(), e.comment(), disclosure.person(e.rater()), e.ratedAt()));
		}).toList();
	}

	/** The views of a page of projects; with details, their needs and ratings in one query each for the page. */
	private Page<ProjectView> views(Page<ServiceProject> found, boolean details, Actor actor) {
		List<Long> ids = found.getContent().stream().map(ServiceProject::getId).toList();
		Map<Long, List<Need>> needsOf = new HashMap<>();
		Map<Long, List<Rating>> ratingsOf = new HashMap<>();
		if (details && !ids.isEmpty()) {
			needs.findByProjectIdInOrderByIdAsc(ids)
				.forEach(n -> needsOf.computeIfAbsent(n.getProjectId(), k -> new ArrayList<>()).add(n));
			ratingsOf.putAll(ratings.of(ids));
		}
		return found.map(p -> view(p, details ? needsOf.getOrDefault(p.getId(), List.of()) : null,
				details ? ratingsOf.getOrDefault(p.getId(), List.of()) : null, actor));
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
	boolean maySee(Actor actor, ServiceProject project) {
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
		return view(p, details ? needs.findByProjectId(p.getId()) : null,
				details ? ratings.of(p.getId()) : null, actor);
	}

	/** With details when the project's needs and ratings are given (null: without). */
	private ProjectView view(ServiceProject p, List<Need> projectNeeds, List<Rating> projectRatings, Actor actor) {
		Disclosure disclosure = disclosures.ofCommunity(actor, p.getCommunityCode());
		List<NeedRef> needRefs = projectNeeds == null ? null : projectNeeds.stream().map(NeedRef::of).toList();
		List<MilestoneView> milestones = IntStream.range(0, p.getMilestones().size()).mapToObj(i -> {
			Milestone m = p.getMilestones().get(i);
			return new MilestoneView(i, m.getTitle(), m.getNote(), m.getSocialWorkers(), m.getVolunteers(),
					disclosure.person(m.getReportedBy()), m.getReportedAt());
		}).toList();
		List<EvaluationView> ratings = projectRatings == null ? null : projectRatings.stream()
			.map(r -> new EvaluationView(r.perspective(), r.needId(), r.round(), r.score(), r.comment(),
					disclosure.person(r.rater()), r.ratedAt()))
			.toList();
		return new ProjectView(p.getId(), p.getProcessInstanceId(), p.getCommunityCode(), p.getTitle(), p.getGoal(),
				p.getPlan(), p.getCategory(), p.getBudgetYuan(), p.getHouseholdCount(), p.isPublicAffairs(),
				p.getPlannedEnd(), p.getStatus(), p.getApprovalNote(), p.getClaimantCode(), p.getClaimDeadline(),
				p.getPublishedAt(), p.getClaimedAt(), p.getClaimedInTime(), p.getCompletedAt(), p.getCompletionReport(),
				p.getRectificationReport(), p.getEvaluationRound(), p.getVerdict(), p.getClosedAt(), needRefs,
				milestones, ratings, p.getConsultationId(), p.getConsultationNote());
	}
}
