package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import cn.needsloop.design.Milestone;
import cn.needsloop.support.ConsultationSteps;
import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.consultation.ConsultationRequests.ApplyResult;
import cn.needsloop.consultation.ConsultationService;
import cn.needsloop.design.ProjectRequests.Approval;
import cn.needsloop.design.ProjectRequests.DesignProject;
import cn.needsloop.design.ProjectRequests.Redesign;
import cn.needsloop.design.ProjectStatus;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.evaluation.Evaluation;
import cn.needsloop.evaluation.Perspective;
import cn.needsloop.shared.Category;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedStatus;
import cn.needsloop.intake.Outcome;
import cn.needsloop.shared.Phase;
import cn.needsloop.process.Workflow;
import cn.needsloop.support.AppContext;
import cn.needsloop.support.ProcessCoverageAtLeast;
import cn.needsloop.shared.Line;

/**
 * Every path of {@code serviceProject} (民需服务项目): approval, claim or assignment,
 * implementation, two-way evaluation, rectification and the verdict going back to the needs.
 * Driven through the services the REST API calls.
 */
@AppContext
@ProcessCoverageAtLeast(process = Workflow.SERVICE_PROJECT)
class ServiceProjectProcessTests extends ProcessTestSupport {

	static final String APPROVE = "userTask_approveProject";
	static final String REVISE = "userTask_reviseDesign";
	static final String CLAIM = "userTask_claimProject";
	static final String ASSIGN = "userTask_assignProject";
	static final String MILESTONE = "userTask_reportMilestone";
	static final String COMPLETE = "userTask_completeProject";
	static final String RATE_RESIDENT = "userTask_rateAsResident";
	static final String RATE_COMMUNITY = "userTask_rateAsCommunity";
	static final String RATE_IMPLEMENTER = "userTask_rateAsImplementer";
	static final String RECTIFY = "userTask_rectifyProject";

	static final String DECIDE_EXTENSION = "userTask_decideExtension";

	@org.springframework.beans.factory.annotation.Autowired
	cn.needsloop.routing.StepChangeService stepChanges;

	@org.springframework.beans.factory.annotation.Autowired
	cn.needsloop.routing.StepChanges changes;

	// ---- extension (延期) -----------------------------------------------------------------------

	@Test
	void thePartyLineGetsMoreTimeToApproveFromTheStewardsLeadOnceAndTheTimersMove() {
		Need need = pooledNeed("希望开办老年助餐点", Category.ELDERLY_CARE, RESIDENT);
		ServiceProject project = design("老年助餐点", Category.ELDERLY_CARE, List.of(need), 2);
		ProcessInstance instance = instanceOf(project);
		Task approve = openTask(instance, APPROVE);
		java.time.Instant due = approve.getDueDate().toInstant();
		java.time.Instant asked = due.plus(java.time.Duration.ofDays(3));
		cn.needsloop.routing.StepChange.CaseKind kind = cn.needsloop.routing.StepChange.CaseKind.PROJECT;

		assertProblem(() -> stepChanges.requestExtension(kind, project.getId(), null, asked, "理由", STEWARD),
				org.springframework.http.HttpStatus.CONFLICT, "problem.extension.noStep.PROJECT");
		assertProblem(() -> stepChanges.requestExtension(kind, project.getId(), null, due.plus(java.time.Duration.ofDays(4)),
				"理由", PARTY), org.springframework.http.HttpStatus.BAD_REQUEST, "problem.extension.tooLong");
		cn.needsloop.routing.StepChange request = stepChanges.requestExtension(kind, project.getId(), null, asked,
				"需提交党委会集体研究", PARTY);

		assertThat(instance).hasPassed("startEvent_extensionRequested").isWaitingAt(APPROVE, DECIDE_EXTENSION);
		assertThat(task(DECIDE_EXTENSION, instance)).hasCandidateGroup("steward-lead:xingfu");
		assertThat(request.getCaseKind()).isEqualTo(cn.needsloop.routing.StepChange.CaseKind.PROJECT);
		assertThat(request.getCaseId()).isEqualTo(project.getId());
		assertThat(request.getNeedId()).isNull();
		assertThat(request.getCommunityCode()).isEqualTo(COMMUNITY);
		assertThat(historyOf(need.getId())).contains("项目 #" + project.getId() + " · 党组织审批 · 申请延期至 "
				+ cn.needsloop.routing.StepChangeService.format(asked) + "：需提交党委会集体研究");
		assertProblem(() -> stepChanges.requestExtension(kind, project.getId(), null, asked, "再申请", PARTY),
				org.springframework.http.HttpStatus.CONFLICT, "problem.extension.notAllowed");
		assertProblem(() -> stepChanges.decideExtension(kind, project.getId(), true, null, MANAGER),
				org.springframework.http.HttpStatus.FORBIDDEN, "problem.task.notYours");

		stepChanges.decideExtension(kind, project.getId(), true, "同意", LEAD);

		assertThat(instance).hasPassedInOrder(DECIDE_EXTENSION, "gateway_extensionDecision", "serviceTask_extendStep",
				"endEvent_extended").isWaitingAtExactly(APPROVE);
		assertThat(openTask(instance, APPROVE).getDueDate().toInstant()).isEqualTo(asked);
		List<org.camunda.bpm.engine.runtime.Job> timers = taskTimers(approve);
		assertThat(timers).hasSize(2);
		assertThat(timers.get(0).getDuedate().toInstant()).as("the reminder").isEqualTo(asked);
		assertThat(timers.get(1).getDuedate().toInstant()).as("the escalation").isAfter(asked);
		assertThat(changes.findById(request.getId()).orElseThrow().getStatus())
			.isEqualTo(cn.needsloop.routing.StepChange.Status.GRANTED);
		assertThat(historyEntriesOf(need.getId())).anySatisfy(e -> {
			assertThat(e.getActivity()).isEqualTo("项目 #" + project.getId() + " · 党组织审批 · 延期已批准，截止时间改为 "
					+ cn.needsloop.routing.StepChangeService.format(asked));
			assertThat(e.getLine()).isEqualTo(Line.STEWARD_LEAD);
			assertThat(e.getActor()).isEqualTo(LEAD.userId());
		});
		assertThat(notificationsAboutProject(project.getId())).anySatisfy(n -> {
			assertThat(n.getRecipientUser()).isEqualTo(PARTY.userId());
			assertThat(n.getTitle()).isEqualTo("延期已批准：党组织审批");
		});
		// once per step: a second request is refused, the step goes on as extended
		assertProblem(() -> stepChanges.requestExtension(kind, project.getId(), null, asked.plus(java.time.Duration.ofDays(1)),
				"再申请一次", PARTY), org.springframework.http.HttpStatus.CONFLICT, "problem.extension.notAllowed");
		approve(project);
		assertThat(instance).isWaitingAtExactly(CLAIM);
	}

	@Test
	void theStewardsLeadRefusesTheImplementerMoreTimeForAMilestoneWithAReasonAndASecondRequestIsRefused() {
		Need need = pooledNeed("希望开办老年助餐点", Category.ELDERLY_CARE, RESIDENT);
		ServiceProject project = publishedProject("老年助餐点", Category.ELDERLY_CARE, List.of(need), 1);
		implementationService.claim(project.getId(), YANGGUANG);
		ProcessInstance instance = instanceOf(project);
		Task milestone = openTask(instance, MILESTONE);
		java.time.Instant due = milestone.getDueDate().toInstant();
		cn.needsloop.routing.StepChange.CaseKind kind = cn.needsloop.routing.StepChange.CaseKind.PROJECT;

		assertProblem(() -> stepChanges.requestExtension(kind, project.getId(), null, due.plus(java.time.Duration.ofDays(7)),
				"理由", AIXIN), org.springframework.http.HttpStatus.FORBIDDEN, "problem.project.notYours");
		stepChanges.requestExtension(kind, project.getId(), milestone.getId(), due.plus(java.time.Duration.ofDays(14)),
				"场地装修推迟两周", YANGGUANG);
		assertProblem(() -> stepChanges.decideExtension(kind, project.getId(), false, null, LEAD),
				org.springframework.http.HttpStatus.BAD_REQUEST, "problem.field.required");

		stepChanges.decideExtension(kind, project.getId(), false, "请先借用党群服务中心场地，按期推进", LEAD);

		assertThat(instance).hasPassed("endEvent_extensionRefused").hasNotPassed("serviceTask_extendStep")
			.isWaitingAt(MILESTONE).isNotWaitingAt(DECIDE_EXTENSION);
		assertThat(openTask(instance, MILESTONE).getDueDate().toInstant()).isEqualTo(due);
		assertThat(taskTimers(milestone).get(0).getDuedate().toInstant()).isEqualTo(due);
		assertThat(historyOf(need.getId())).contains("项目 #" + project.getId()
				+ " · 报告里程碑 · 延期未获批准：请先借用党群服务中心场地，按期推进");
		assertThat(notificationsAboutProject(project.getId())).anySatisfy(n -> {
			assertThat(n.getRecipientUser()).isEqualTo(YANGGUANG.userId());
			assertThat(n.getTitle()).isEqualTo("延期未获批准：报告里程碑");
			assertThat(n.getBody()).isEqualTo("请先借用党群服务中心场地，按期推进");
		});
		assertProblem(() -> stepChanges.requestExtension(kind, project.getId(), milestone.getId(),
				due.plus(java.time.Duration.ofDays(2)), "再申请", YANGGUANG), org.springframework.http.HttpStatus.CONFLICT,
				"problem.extension.notAllowed");
		assertProblem(() -> stepChanges.decideExtension(kind, project.getId(), true, null, LEAD),
				org.springframework.http.HttpStatus.CONFLICT, "problem.extension.notPending.PROJECT");
	}

	// ---- design and approval ------------------------------------------------------------------

	@Test
	void returnedDesignIsRevisedApprovedAndPublishedForClaims() {
		Need need = pooledNeed("希望开办老年助餐点", Category.ELDERLY_CARE, RESIDENT);
		ServiceProject project = design("老年助餐点", Category.ELDERLY_CARE, List.of(need), 2);
		ProcessInstance instance = instanceOf(project);

		assertThat(instance).hasBusinessKey(project.getId().toString())
			.hasPassedInOrder("startEvent_projectDesigned", "serviceTask_attachNeeds", "gateway_toApproval")
			.isWaitingAtExactly(APPROVE);
		assertThat(instance).variables().containsEntry("projectId", project.getId()).containsEntry("category", "ELDERLY_CARE")
			.containsEntry("needIds", List.of(need.getId())).containsEntry("milestoneIndexes", List.of(0, 1));
		assertThat(task(APPROVE, instance)).hasCandidateGroup("party:xingfu");
		assertThat(project(project.getId()).getStatus()).isEqualTo(ProjectStatus.APPROVAL);
		assertThat(need(need.getId()).getPhase()).isEqualTo(Phase.DESIGN);
		assertThat(need(need.getId()).getLine()).isEqualTo(Line.PARTY);

		projectService.approve(project.getId(), new Approval(false, "预算偏高，请压缩"), PARTY);

		assertThat(instance).hasPassed("gateway_approved").isWaitingAtExactly(REVISE);
		assertThat(task(REVISE, instance)).hasCandidateGroup("steward:xingfu");
		assertThat(project(project.getId()).getStatus()).isEqualTo(ProjectStatus.DESIGN);
		assertThat(project(project.getId()).getApprovalNote()).isEqualTo("预算偏高，请压缩");

		projectService.redesign(project.getId(), new Redesign("老年助餐点", "为高龄老人提供午餐", "借用党群服务中心场地",
				new BigDecimal("20000"), 20, false, LocalDate.of(2026, 6, 30), "预算压缩到两万元"), STEWARD);

		assertThat(instance).isWaitingAtExactly(APPROVE);
		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
			.activityId(APPROVE).count()).as("approval asked twice").isEqualTo(2);
		ServiceProject revised = project(project.getId());
		assertThat(revised.getStatus()).isEqualTo(ProjectStatus.APPROVAL);
		assertThat(revised.getBudgetYuan()).isEqualByComparingTo("20000");
		assertThat(revised.getPlan()).isEqualTo("借用党群服务中心场地");

		projectService.approve(project.getId(), new Approval(true, "同意"), PARTY);

		assertThat(instance).hasPassed("serviceTask_publishProject").isWaitingAtExactly(CLAIM);
		assertThat(task(CLAIM, instance)).hasCandidateGroup("socialorg").isNotAssigned();
		ServiceProject published = project(project.getId());
		assertThat(published.getStatus()).isEqualTo(ProjectStatus.PUBLISHED);
		assertThat(published.getPublishedAt()).isEqualTo(START);
		assertThat(published.getClaimDeadline()).isEqualTo(START.plus(Duration.ofDays(7)));
		assertThat(timerJob(instance, "timer_claimDeadline").getDuedate())
			.isEqualTo(Date.from(START.plus(Duration.ofDays(7))));
	}

	// ---- community consultation -----------------------------------------------------------------

	@Autowired
	ConsultationService consultationService;

	@Autowired
	WorkingCalendar calendar;

	@Test
	void projectOnPublicAffairsGoesToConsultationAndOnToApprovalWhenAgreed() {
		Need need = pooledNeed("高龄老人午餐难", Category.ELDERLY_CARE, STEWARD);
		ServiceProject project = projectService.design(new DesignProject(COMMUNITY, "老年助餐点", "为高龄老人提供午餐",
				"开设助餐点", Category.ELDERLY_CARE, List.of(need.getId()), new BigDecimal("80000"), 20, false,
				LocalDate.of(2026, 6, 30), List.of("场地改造")), STEWARD);
		ProcessInstance instance = instanceOf(project);
		assertThat(instance).hasPassed("businessRuleTask_consultationRequired", "serviceTask_openConsultation")
			.isWaitingAtExactly("callActivity_consultation");
		ServiceProject consulting = project(project.getId());
		assertThat(consulting.getStatus()).isEqualTo(ProjectStatus.CONSULTATION);

		ConsultationSteps steps = new ConsultationSteps(consultationService, managementService, calendar);
		steps.consult(consulting.getConsultationId(), 9, 7, 1, 1);
		steps.passPublicity(consulting.getConsultationId());
		consultationService.applyResult(consulting.getConsultationId(), new ApplyResult("协商同意，纳入项目方案"),
				ConsultationSteps.SELFGOV);

		assertThat(instance).hasPassed("gateway_consultationResult", "gateway_readyForApproval").isWaitingAtExactly(APPROVE);
		assertThat(project(project.getId()).getStatus()).isEqualTo(ProjectStatus.APPROVAL);
	}

	@Test
	void projectRejectedInConsultationReturnsToDesignAndSkipsItWhenRevisedBelowTheThresholds() {
		Need need = pooledNeed("楼道加装扶手", Category.ELDERLY_CARE, STEWARD);
		ServiceProject project = projectService.design(new DesignProject(COMMUNITY, "楼道扶手", "方便老人上下楼",
				"全小区楼道加装扶手", Category.ELDERLY_CARE, List.of(need.getId()), new BigDecimal("30000"), 40, false,
				LocalDate.of(2026, 6, 30), List.of("安装")), STEWARD);
		ProcessInstance instance = instanceOf(project);
		Long consultationId = project(project.getId()).getConsultationId();

		new ConsultationSteps(consultationService, managementService, calendar).consult(consultationId, 9, 1, 7, 1);

		assertThat(instance).hasPassed("gateway_toRevision").isWaitingAtExactly(REVISE);
		assertThat(project(project.getId()).getStatus()).isEqualTo(ProjectStatus.DESIGN);

		projectService.redesign(project.getId(), new Redesign("楼道扶手", "方便老人上下楼", "先在一栋楼试点",
				new BigDecimal("8000"), 12, false, LocalDate.of(2026, 6, 30), "按协商意见缩小范围"), STEWARD);

		assertThat(instance).isWaitingAtExactly(APPROVE);
	}

	// ---- claim, implementation, evaluation ----------------------------------------------------

	@Test
	void claimedProjectIsDeliveredEvaluatedAndClosedWhileAPoorlyRatedNeedIsReopened() {
		Need meals = pooledNeed("希望开办老年助餐点", Category.ELDERLY_CARE, RESIDENT);
		Need lonely = pooledNeed("独居老人吃饭难", Category.ELDERLY_CARE, STEWARD);
		Need lunch = pooledNeed("老人午餐没人管", Category.ELDERLY_CARE, STEWARD);
		ProcessInstance lunchLoop = instanceOf(lunch);
		ProcessInstance mealsLoop = instanceOf(meals);
		ServiceProject project = publishedProject("老年助餐点", Category.ELDERLY_CARE, List.of(meals, lonely, lunch), 3);
		ProcessInstance instance = instanceOf(project);

		implementationService.claim(project.getId(), YANGGUANG);

		assertThat(instance).hasPassedInOrder(CLAIM, "gateway_implementerChosen", "serviceTask_startImplementation")
			.hasNotPassed("timer_claimDeadline", ASSIGN).isWaitingAt(MILESTONE);
		ServiceProject claimed = project(project.getId());
		assertThat(claimed.getStatus()).isEqualTo(ProjectStatus.IN_PROGRESS);
		assertThat(claimed.getClaimantCode()).isEqualTo("yangguang");
		assertThat(claimed.getImplementerUser()).isEqualTo("org1");
		assertThat(claimed.getClaimedInTime()).isTrue();
		assertThat(claimed.getClaimedAt()).isEqualTo(START);
		assertThat(instance).variables().containsEntry("implementerUser", "org1").containsEntry("organizationCode",
				"yangguang");
		assertThat(historyOf(meals.getId())).anyMatch(entry -> entry.endsWith(" · 项目由「阳光社工服务中心」承接实施"));

		List<Task> milestones = openTasks(instance, MILESTONE);
		assertThat(milestones).as("one task per milestone, in parallel").hasSize(3)
			.allSatisfy(t -> assertThat(t).isAssignedTo("org1"));
		assertThat(need(meals.getId()).getLine()).isEqualTo(Line.SOCIAL_ORGANIZATION);
		assertThat(need(meals.getId()).getPhase()).isEqualTo(Phase.IMPLEMENT);

		implementationService.reportMilestone(project.getId(), 2, "正式运营，回访满意度", 1, 8, YANGGUANG);
		implementationService.reportMilestone(project.getId(), 0, "场地改造完成", 3, 2, YANGGUANG);
		assertThat(instance).isWaitingAt(MILESTONE);
		assertThat(openTasks(instance, MILESTONE)).hasSize(1);
		assertThat(project(project.getId()).getMilestones()).extracting(Milestone::isReported)
			.containsExactly(true, false, true);
		implementationService.reportMilestone(project.getId(), 1, "试运营一个月", 2, 6, YANGGUANG);
		Milestone first = project(project.getId()).getMilestones().get(0);
		assertThat(first.getNote()).isEqualTo("场地改造完成");
		assertThat(first.getSocialWorkers()).isEqualTo(3);
		assertThat(first.getVolunteers()).isEqualTo(2);
		assertThat(first.getReportedBy()).isEqualTo("org1");

		assertThat(instance).isWaitingAtExactly(COMPLETE);
		assertThat(task(COMPLETE, instance)).isAssignedTo("org1");

		implementationService.complete(project.getId(), "助餐点已正式运营", YANGGUANG);

		assertThat(instance).hasPassedInOrder(COMPLETE, "gateway_toEvaluation", "serviceTask_openEvaluation",
				"startEvent_evaluation", "gateway_evaluationFork")
			.isWaitingAt(RATE_RESIDENT, RATE_COMMUNITY, RATE_IMPLEMENTER);
		assertThat(instance).variables().containsEntry("evaluationRound", 1);
		ServiceProject evaluating = project(project.getId());
		assertThat(evaluating.getStatus()).isEqualTo(ProjectStatus.EVALUATION);
		assertThat(evaluating.getCompletionReport()).isEqualTo("助餐点已正式运营");
		List<Task> residentRatings = openTasks(instance, RATE_RESIDENT);
		assertThat(residentRatings).as("one rating per need").hasSize(3)
			.allSatisfy(t -> assertThat(t).hasCandidateGroup("steward:xingfu"));
		assertThat(residentRatings).anySatisfy(t -> assertThat(t).hasCandidateUser(RESIDENT.userId()));
		assertThat(task(RATE_COMMUNITY, instance)).hasCandidateGroup("steward:xingfu");
		assertThat(task(RATE_IMPLEMENTER, instance)).isAssignedTo("org1");

		Map<Need, Integer> residents = new LinkedHashMap<>();
		residents.put(meals, 5);
		residents.put(lonely, 4);
		residents.put(lunch, 2);
		rate(project(project.getId()), residents, 4, 5);

		assertThat(instance).hasPassedInOrder("gateway_evaluationJoin", "endEvent_evaluationDone",
				"gateway_evaluationClosed", "serviceTask_summarizeEvaluations", "businessRuleTask_evaluationVerdict",
				"gateway_verdict", "serviceTask_closeProject", "endEvent_projectClosed")
			.hasNotPassed("timer_evaluationWindow", RECTIFY, "serviceTask_failProject").isEnded();
		assertThat(instance).variables().containsEntry("verdict", "SATISFIED").containsEntry("communityScore", 4)
			.containsEntry("implementerScore", 5).containsKey("residentAverage");
		ServiceProject closed = project(project.getId());
		assertThat(closed.getStatus()).isEqualTo(ProjectStatus.CLOSED);
		assertThat(closed.getVerdict()).isEqualTo("SATISFIED");
		assertThat(closed.getClosedAt()).isNotNull();
		assertThat(evaluations.findByProjectIdAndRound(project.getId(), 1)).hasSize(5)
			.extracting(Evaluation::getPerspective).containsOnly(Perspective.RESIDENT, Perspective.COMMUNITY,
					Perspective.IMPLEMENTER);

		for (Need resolved : List.of(meals, lonely)) {
			assertThat(need(resolved.getId()).getStatus()).isEqualTo(NeedStatus.CLOSED);
			assertThat(need(resolved.getId()).getOutcome()).isEqualTo(Outcome.RESOLVED);
		}
		assertThat(mealsLoop).hasPassed("serviceTask_closeResolved").isEnded();
		assertThat(need(meals.getId()).getNeedScore()).isEqualTo(5);
		Need reopened = need(lunch.getId());
		assertThat(reopened.getStatus()).isEqualTo(NeedStatus.OPEN);
		assertThat(reopened.getRound()).isEqualTo(2);
		assertThat(reopened.getProjectId()).isNull();
		assertThat(reopened.getPhase()).isEqualTo(Phase.DISCOVER);
		assertThat(lunchLoop).hasPassed("serviceTask_reopenNeed").isWaitingAtExactly("userTask_verifyNeed");
		assertThat(historyOf(lunch.getId())).contains("项目评估结论：满意；本需求未满足", "需求未满足，重新核实（第2轮）");
	}

	@Test
	void organisationNotQualifiedForTheCategoryCannotClaim() {
		Need need = pooledNeed("独居老人心理疏导", Category.MENTAL_HEALTH, RESIDENT);
		ServiceProject project = publishedProject("独居老人心理关爱", Category.MENTAL_HEALTH, List.of(need), 1);
		ProcessInstance instance = instanceOf(project);

		assertProblem(() -> implementationService.claim(project.getId(), AIXIN), HttpStatus.FORBIDDEN,
				"problem.claim.notQualified");

		assertThat(instance).isWaitingAtExactly(CLAIM);
		assertThat(project(project.getId()).getClaimantCode()).isNull();
		assertThat(project(project.getId()).getStatus()).isEqualTo(ProjectStatus.PUBLISHED);

		implementationService.claim(project.getId(), YANGGUANG);
		assertThat(instance).isWaitingAt(MILESTONE);
	}

	@Test
	void secondClaimIsRefused() {
		Need need = pooledNeed("希望开办老年助餐点", Category.ELDERLY_CARE, RESIDENT);
		ServiceProject project = publishedProject("老年助餐点", Category.ELDERLY_CARE, List.of(need), 1);
		implementationService.claim(project.getId(), AIXIN);

		assertProblem(() -> implementationService.claim(project.getId(), YANGGUANG), HttpStatus.CONFLICT,
				"problem.claim.taken");

		assertThat(project(project.getId()).getClaimantCode()).isEqualTo("aixin");
		assertThat(project(project.getId()).getImplementerUser()).isEqualTo("org2");
		assertThat(instanceOf(project)).isWaitingAt(MILESTONE);
	}

	// ---- no claim: the manager assigns --------------------------------------------------------

	@Test
	void unclaimedProjectIsAssignedByTheManagerToAQualifiedOrganisation() {
		Need need = pooledNeed("独居老人心理疏导", Category.MENTAL_HEALTH, RESIDENT);
		ServiceProject project = publishedProject("独居老人心理关爱", Category.MENTAL_HEALTH, List.of(need), 2);
		ProcessInstance instance = instanceOf(project);

		fire(timerJob(instance, "timer_claimDeadline"));

		assertThat(instance).hasPassed("timer_claimDeadline").isWaitingAtExactly(ASSIGN);
		assertThat(task(ASSIGN, instance)).hasCandidateGroup("manager");
		assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(CLAIM).count())
			.isZero();
		assertThat(need(need.getId()).getLine()).isEqualTo(Line.MANAGER);

		assertProblem(() -> implementationService.assign(project.getId(), "aixin", "指派", MANAGER),
				HttpStatus.BAD_REQUEST, "problem.organization.notQualified");
		assertThat(instance).isWaitingAtExactly(ASSIGN);

		implementationService.assign(project.getId(), "yangguang", "指派阳光社工", MANAGER);

		assertThat(instance).hasPassedInOrder(ASSIGN, "gateway_implementerChosen", "serviceTask_startImplementation")
			.isWaitingAt(MILESTONE);
		ServiceProject assigned = project(project.getId());
		assertThat(assigned.getClaimantCode()).isEqualTo("yangguang");
		assertThat(assigned.getImplementerUser()).isEqualTo("org1");
		assertThat(assigned.getClaimedInTime()).isFalse();
		assertThat(assigned.getStatus()).isEqualTo(ProjectStatus.IN_PROGRESS);
		assertThat(openTasks(instance, MILESTONE)).hasSize(2).allSatisfy(t -> assertThat(t).isAssignedTo("org1"));
		assertThat(historyOf(need.getId())).anyMatch(entry -> entry.endsWith(" · 街道指派「阳光社工服务中心」承接实施"));
	}

	@Test
	void unclaimedProjectCanBeHandedToThePartyVolunteerTeam() {
		Need need = pooledNeed("小区垃圾分类指导", Category.ENVIRONMENT, RESIDENT);
		ServiceProject project = publishedProject("垃圾分类宣传", Category.ENVIRONMENT, List.of(need), 1);
		ProcessInstance instance = instanceOf(project);
		fire(timerJob(instance, "timer_claimDeadline"));

		implementationService.assign(project.getId(), "xingfu-party-team", "由党员志愿服务队承接", MANAGER);

		ServiceProject assigned = project(project.getId());
		assertThat(assigned.getClaimantCode()).isEqualTo("xingfu-party-team");
		assertThat(assigned.getImplementerUser()).isEqualTo("party1");
		assertThat(assigned.getClaimedInTime()).isFalse();
		assertThat(task(MILESTONE, instance)).isAssignedTo("party1");

		reportAllMilestones(assigned, PARTY);
		implementationService.complete(project.getId(), "宣传完成", PARTY);
		assertThat(task(RATE_IMPLEMENTER, instance)).isAssignedTo("party1");
		rate(project(project.getId()), Map.of(need, 4), 4, 5);
		assertThat(instance).hasPassed("endEvent_projectClosed").isEnded();
		assertThat(need(need.getId()).getOutcome()).isEqualTo(Outcome.RESOLVED);
	}

	// ---- rectification and failure ------------------------------------------------------------

	@Test
	void unsatisfactoryProjectIsRectifiedOnceAndThenSatisfies() {
		Need need = pooledNeed("希望开办老年助餐点", Category.ELDERLY_CARE, RESIDENT);
		ServiceProject project = deliveredProject("老年助餐点", Category.ELDERLY_CARE, List.of(need), 1);
		ProcessInstance instance = instanceOf(project);

		rate(project, Map.of(need, 4), 2, 4);

		assertThat(instance).hasPassed("businessRuleTask_evaluationVerdict").isWaitingAtExactly(RECTIFY);
		assertThat(instance).variables().containsEntry("verdict", "RECTIFY");
		assertThat(task(RECTIFY, instance)).isAssignedTo("org1");
		ServiceProject rectifying = project(project.getId());
		assertThat(rectifying.getStatus()).isEqualTo(ProjectStatus.RECTIFICATION);
		assertThat(rectifying.getVerdict()).isEqualTo("RECTIFY");
		assertThat(need(need.getId()).getStatus()).isEqualTo(NeedStatus.OPEN);

		implementationService.complete(project.getId(), "增加送餐上门服务", YANGGUANG);

		assertThat(instance).isWaitingAt(RATE_RESIDENT, RATE_COMMUNITY, RATE_IMPLEMENTER);
		assertThat(instance).variables().containsEntry("evaluationRound", 2);
		assertThat(project(project.getId()).getRectificationReport()).isEqualTo("增加送餐上门服务");
		assertThat(project(project.getId()).getEvaluationRound()).isEqualTo(2);

		rate(project(project.getId()), Map.of(need, 5), 4, 4);

		assertThat(instance).hasPassed("serviceTask_closeProject", "endEvent_projectClosed")
			.hasNotPassed("serviceTask_failProject").isEnded();
		assertThat(project(project.getId()).getStatus()).isEqualTo(ProjectStatus.CLOSED);
		assertThat(project(project.getId()).getVerdict()).isEqualTo("SATISFIED");
		assertThat(evaluations.findByProjectIdAndRound(project.getId(), 2)).hasSize(3);
		assertThat(need(need.getId()).getOutcome()).isEqualTo(Outcome.RESOLVED);
		assertThat(need(need.getId()).getNeedScore()).as("the rating of the last round").isEqualTo(5);
	}

	@Test
	void projectStillUnsatisfactoryAfterRectificationFailsAndReopensAllItsNeeds() {
		Need meals = pooledNeed("希望开办老年助餐点", Category.ELDERLY_CARE, RESIDENT);
		Need lunch = pooledNeed("老人午餐没人管", Category.ELDERLY_CARE, STEWARD);
		ProcessInstance mealsLoop = instanceOf(meals);
		ProcessInstance lunchLoop = instanceOf(lunch);
		ServiceProject project = deliveredProject("老年助餐点", Category.ELDERLY_CARE, List.of(meals, lunch), 1);
		ProcessInstance instance = instanceOf(project);
		rate(project, Map.of(meals, 2, lunch, 3), 2, 4);
		implementationService.complete(project.getId(), "整改：更换供餐企业", YANGGUANG);

		rate(project(project.getId()), Map.of(meals, 4, lunch, 4), 1, 3);

		assertThat(instance).hasPassed(RECTIFY, "serviceTask_failProject", "endEvent_projectFailed")
			.hasNotPassed("serviceTask_closeProject").isEnded();
		assertThat(instance).variables().containsEntry("verdict", "FAILED").containsEntry("evaluationRound", 2);
		ServiceProject failed = project(project.getId());
		assertThat(failed.getStatus()).isEqualTo(ProjectStatus.FAILED);
		assertThat(failed.getVerdict()).isEqualTo("FAILED");
		for (Need need : List.of(meals, lunch)) {
			Need reopened = need(need.getId());
			assertThat(reopened.getStatus()).isEqualTo(NeedStatus.OPEN);
			assertThat(reopened.getRound()).isEqualTo(2);
			assertThat(reopened.getProjectId()).isNull();
			assertThat(reopened.getOutcome()).isNull();
			assertThat(historyOf(need.getId())).contains("项目评估结论：不满意，项目终止；本需求未满足");
		}
		for (ProcessInstance loop : List.of(mealsLoop, lunchLoop)) {
			assertThat(loop).hasPassed("event_projectConcluded", "serviceTask_reopenNeed")
				.isWaitingAtExactly("userTask_verifyNeed");
			assertThat(loop).variables().containsEntry("round", 2).containsEntry("projectVerdict", "FAILED")
				.doesNotContainKey("projectId");
		}
	}

	// ---- evaluation window --------------------------------------------------------------------

	@Test
	void evaluationWindowClosesWithMissingRatingsAndTheProjectIsSatisfiedByDefault() {
		Need rated = pooledNeed("希望开办老年助餐点", Category.ELDERLY_CARE, RESIDENT);
		Need silent = pooledNeed("老人午餐没人管", Category.ELDERLY_CARE, STEWARD);
		ServiceProject project = deliveredProject("老年助餐点", Category.ELDERLY_CARE, List.of(rated, silent), 1);
		ProcessInstance instance = instanceOf(project);
		evaluationService.rate(project.getId(), Perspective.IMPLEMENTER, null, 5, "社区支持到位", YANGGUANG);
		Job window = timerJob(instance, "timer_evaluationWindow");
		assertThat(window.getDuedate()).isEqualTo(Date.from(START.plus(Duration.ofDays(14))));

		fire(window);

		assertThat(instance).hasPassedInOrder("timer_evaluationWindow", "gateway_evaluationClosed",
				"serviceTask_summarizeEvaluations", "businessRuleTask_evaluationVerdict", "serviceTask_closeProject",
				"endEvent_projectClosed").hasNotPassed("endEvent_evaluationDone").isEnded();
		assertThat(instance).variables().containsEntry("residentAverage", null).containsEntry("communityScore", null)
			.containsEntry("implementerScore", 5).containsEntry("verdict", "SATISFIED");
		assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(project(project.getId()).getStatus()).isEqualTo(ProjectStatus.CLOSED);
		for (Need need : List.of(rated, silent)) {
			assertThat(need(need.getId()).getOutcome()).isEqualTo(Outcome.RESOLVED);
			assertThat(need(need.getId()).getNeedScore()).isNull();
		}
	}

	@Test
	void evaluationWindowClosingAfterSomeRatingsJudgesByThoseGiven() {
		Need need = pooledNeed("希望开办老年助餐点", Category.ELDERLY_CARE, RESIDENT);
		ServiceProject project = deliveredProject("老年助餐点", Category.ELDERLY_CARE, List.of(need), 1);
		ProcessInstance instance = instanceOf(project);
		evaluationService.rate(project.getId(), Perspective.COMMUNITY, null, 1, "服务不到位", STEWARD);

		fire(timerJob(instance, "timer_evaluationWindow"));

		assertThat(instance).hasPassed("timer_evaluationWindow").isWaitingAtExactly(RECTIFY);
		assertThat(instance).variables().containsEntry("verdict", "RECTIFY").containsEntry("residentAverage", null);
	}
}
