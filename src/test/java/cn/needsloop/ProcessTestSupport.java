package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import cn.needsloop.design.ProjectRequests.Approval;
import cn.needsloop.design.ProjectRequests.DesignProject;
import cn.needsloop.design.ProjectService;
import cn.needsloop.design.Projects;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.evaluation.EvaluationService;
import cn.needsloop.evaluation.Evaluations;
import cn.needsloop.evaluation.Perspective;
import cn.needsloop.implementation.ImplementationService;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Channel;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedHistory;
import cn.needsloop.intake.NeedHistoryEntry;
import cn.needsloop.intake.NeedRequests.Classify;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedRequests.Verify;
import cn.needsloop.intake.NeedService;
import cn.needsloop.intake.Needs;
import cn.needsloop.intake.Scope;
import cn.needsloop.shared.Urgency;
import cn.needsloop.intake.VerificationVerdict;
import cn.needsloop.notification.Notification;
import cn.needsloop.notification.Notifications;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;

/**
 * What the process tests share: the demo people of 幸福社区 (see {@code DemoData}), the application
 * services the REST API calls, and helpers to read the engine and the domain. Time only moves
 * when a test moves the engine clock; timers only fire when a test executes their job. The classes run in the
 * shared {@code AppContext}, next to the API tests, so they find their own needs and projects by id.
 */
abstract class ProcessTestSupport {

	static final String COMMUNITY = "xingfu";

	static final Actor STEWARD = new Actor("steward1", List.of("steward:xingfu"));
	static final Actor OTHER_STEWARD = new Actor("steward2", List.of("steward:dongshan"));
	static final Actor PARTY = new Actor("party1", List.of("party:xingfu"));
	static final Actor SELF_GOVERNANCE = new Actor("selfgov1", List.of("selfgov:xingfu"));
	/** 阳光社工服务中心 (yangguang): elderly care, disability support, mental health. */
	static final Actor YANGGUANG = new Actor("org1", List.of("socialorg"));
	/** 爱心志愿者协会 (aixin): elderly care, environment, culture and sports. */
	static final Actor AIXIN = new Actor("org2", List.of("socialorg"));
	static final Actor MANAGER = new Actor("manager1", List.of("manager"));
	/** The stewards' lead of 幸福社区 (a steward too): decides the extensions asked there. */
	static final Actor LEAD = new Actor("lead1", List.of("steward:xingfu", "steward-lead:xingfu"));
	static final Actor RESIDENT = new Actor("resident1", List.of("resident"));

	/** A Monday morning in Beijing; every test starts here. */
	static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Autowired
	NeedService needService;

	@Autowired
	ProjectService projectService;

	@Autowired
	ImplementationService implementationService;

	@Autowired
	EvaluationService evaluationService;

	@Autowired
	Needs needs;

	@Autowired
	Projects projects;

	@Autowired
	Evaluations evaluations;

	@Autowired
	NeedHistory needHistory;

	@Autowired
	Notifications notifications;

	@BeforeEach
	void startClockAndAssertions() {
		ClockUtil.setCurrentTime(Date.from(START));
		BpmnAwareTests.init(engine);
	}

	@AfterEach
	void resetClockAndAssertions() {
		ClockUtil.reset();
		BpmnAwareTests.reset();
	}

	// ---- time -------------------------------------------------------------------------------

	static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	static void clockAt(Instant instant) {
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	static void clockAfter(Date date) {
		clockAt(date.toInstant().plus(Duration.ofMinutes(1)));
	}

	/** The one timer job of a boundary event (or other timer) of an instance. */
	Job timerJob(ProcessInstance instance, String activityId) {
		Job job = managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
			.singleResult();
		assertThat(job).as("timer job of %s", activityId).isNotNull();
		return job;
	}

	/** The timeout listener timers of a user task, earliest first: the reminder, then the escalation. */
	List<Job> taskTimers(Task task) {
		return managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers()
			.activityId(task.getTaskDefinitionKey()).list().stream()
			.sorted(Comparator.comparing(Job::getDuedate)).toList();
	}

	/** Lets a timer fire: moves the clock just past its due date and executes its job. */
	void fire(Job timer) {
		clockAfter(timer.getDuedate());
		managementService.executeJob(timer.getId());
	}

	// ---- reading the engine and the domain ---------------------------------------------------

	/** The running instance of a need; keep it: camunda-bpm-assert follows it into history once it ends. */
	ProcessInstance instanceOf(Need need) {
		return running(need.getProcessInstanceId());
	}

	ProcessInstance instanceOf(ServiceProject project) {
		return running(project.getProcessInstanceId());
	}

	private ProcessInstance running(String id) {
		ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
		assertThat(instance).as("running process instance %s", id).isNotNull();
		return instance;
	}

	Need need(Long id) {
		return needs.findById(id).orElseThrow();
	}

	ServiceProject project(Long id) {
		return projects.findById(id).orElseThrow();
	}

	Task openTask(ProcessInstance instance, String taskKey) {
		Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
			.singleResult();
		assertThat(task).as("open task %s", taskKey).isNotNull();
		return task;
	}

	List<Task> openTasks(ProcessInstance instance, String taskKey) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
			.orderByTaskId().asc().list();
	}

	List<String> historyOf(Long needId) {
		return needHistory.findByNeedIdOrderByAtAscIdAsc(needId).stream().map(NeedHistoryEntry::getActivity).toList();
	}

	List<NeedHistoryEntry> historyEntriesOf(Long needId) {
		return needHistory.findByNeedIdOrderByAtAscIdAsc(needId);
	}

	List<Notification> notificationsAboutNeed(Long needId) {
		return notifications.findAll().stream().filter(n -> needId.equals(n.getNeedId())).toList();
	}

	List<Notification> notificationsAboutProject(Long projectId) {
		return notifications.findAll().stream().filter(n -> projectId.equals(n.getProjectId())).toList();
	}

	/** The problem a service call fails with (the REST API answers with its status). */
	static ProblemException problemOf(Runnable call) {
		Throwable thrown = catchThrowable(call::run);
		assertThat(thrown).as("the call fails").isNotNull();
		ProblemException problem = ProblemException.find(thrown);
		assertThat(problem).as("a problem behind %s", thrown).isNotNull();
		return problem;
	}

	static void assertProblem(Runnable call, HttpStatus status, String messageKey) {
		ProblemException problem = problemOf(call);
		assertThat(problem.status()).isEqualTo(status);
		if (messageKey != null) {
			assertThat(problem.messageKey() + " " + problem.fieldProblems()).contains(messageKey);
		}
	}

	// ---- driving a need ----------------------------------------------------------------------

	Need report(String title, String description, int households, Actor reporter) {
		return needService.report(new ReportNeed(COMMUNITY, "xingfu-01", Channel.ONLINE, title, description, "刘秀英",
				"13800000001", households), reporter);
	}

	Need reportAndVerify(String title, String description, int households, Actor reporter) {
		Need need = report(title, description, households, reporter);
		needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "已上门核实，情况属实"), STEWARD);
		return need;
	}

	Need individualNeed(String title, String description, Category category) {
		Need need = reportAndVerify(title, description, 1, RESIDENT);
		needService.classify(need.getId(), new Classify(category, Urgency.NORMAL, Scope.INDIVIDUAL), STEWARD);
		return need;
	}

	/**
	 * A common need of 6 households, verified and classified, waiting in the pool for a project (three of them stay
	 * below the consultation threshold of 30 households that a project counts at least).
	 */
	Need pooledNeed(String title, Category category, Actor reporter) {
		Need need = reportAndVerify(title, title + "，涉及多户居民，希望社区统一解决。", 6, reporter);
		needService.classify(need.getId(), new Classify(category, Urgency.NORMAL, Scope.COMMON), STEWARD);
		assertThat(need(need.getId()).isPooled()).isTrue();
		return need;
	}

	// ---- driving a project -------------------------------------------------------------------

	ServiceProject design(String title, Category category, List<Need> pooled, int milestones) {
		LocalDate end = now().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().plusMonths(3);
		List<String> titles = java.util.stream.IntStream.range(0, milestones).mapToObj(i -> "里程碑 " + (i + 1)).toList();
		return projectService.design(new DesignProject(COMMUNITY, title, title + "：回应民需池中的共性需求", "方案：" + title,
				category, pooled.stream().map(Need::getId).toList(), new BigDecimal("30000"), 20, false, end, titles),
				STEWARD);
	}

	void approve(ServiceProject project) {
		projectService.approve(project.getId(), new Approval(true, "同意，按方案实施"), PARTY);
	}

	/** Designed and approved by the party organisation: published in the project hall. */
	ServiceProject publishedProject(String title, Category category, List<Need> pooled, int milestones) {
		ServiceProject project = design(title, category, pooled, milestones);
		approve(project);
		return project(project.getId());
	}

	void reportAllMilestones(ServiceProject project, Actor implementer) {
		for (int i = 0; i < project.getMilestones().size(); i++) {
			implementationService.reportMilestone(project.getId(), i, "里程碑 " + (i + 1) + " 已完成", 2, 5, implementer);
		}
	}

	/** Claimed by 阳光社工服务中心, milestones reported and completion reported: evaluation is open. */
	ServiceProject deliveredProject(String title, Category category, List<Need> pooled, int milestones) {
		ServiceProject project = publishedProject(title, category, pooled, milestones);
		implementationService.claim(project.getId(), YANGGUANG);
		reportAllMilestones(project(project.getId()), YANGGUANG);
		implementationService.complete(project.getId(), "服务已全部完成", YANGGUANG);
		return project(project.getId());
	}

	/** Ratings of one evaluation round: each need's resident score, then the community and the implementer. */
	void rate(ServiceProject project, Map<Need, Integer> residentScores, Integer communityScore, Integer implementerScore) {
		residentScores.forEach((need, score) -> evaluationService.rate(project.getId(), Perspective.RESIDENT,
				need.getId(), score, "居民评价 " + score, need.getReporterUser().equals(RESIDENT.userId()) ? RESIDENT : STEWARD));
		if (communityScore != null) {
			evaluationService.rate(project.getId(), Perspective.COMMUNITY, null, communityScore, "社区评价", STEWARD);
		}
		if (implementerScore != null) {
			Actor implementer = new Actor(project(project.getId()).getImplementerUser(), List.of("socialorg"));
			evaluationService.rate(project.getId(), Perspective.IMPLEMENTER, null, implementerScore, "承接方评价", implementer);
		}
	}
}
