package cn.needsloop.consultation;

import cn.needsloop.shared.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.community.Communities;
import cn.needsloop.consultation.ConsultationRequests.ApplyResult;
import cn.needsloop.consultation.ConsultationRequests.FixParticipants;
import cn.needsloop.consultation.ConsultationRequests.Participant;
import cn.needsloop.consultation.ConsultationRequests.ProposeTopic;
import cn.needsloop.consultation.ConsultationRequests.PublishAgenda;
import cn.needsloop.consultation.ConsultationRequests.RaiseObjection;
import cn.needsloop.consultation.ConsultationRequests.RecordMeeting;
import cn.needsloop.notification.Notifications;
import cn.needsloop.support.ConsultationSteps;
import cn.needsloop.process.AccessBootstrap;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.process.Workflow;
import cn.needsloop.support.AppContext;
import cn.needsloop.support.ProcessCoverageAtLeast;

/**
 * Every path of {@code community-consultation.bpmn}, driven through the service the API uses (and
 * once through the engine, as Tasklist does): topic outside the catalog, AGREED with public notice
 * and application, REJECTED, ANOTHER_ROUND, three rounds then REJECTED, objections. Timers are
 * moved with the engine clock and their jobs executed; nothing sleeps.
 */
@AppContext
@ProcessCoverageAtLeast(process = Workflow.COMMUNITY_CONSULTATION)
class ConsultationProcessTests {

	/** Monday 7 September 2026, 09:00 in Beijing. */
	static final ZonedDateTime START = ZonedDateTime.of(2026, 9, 7, 9, 0, 0, 0, ChinaTime.ZONE);

	static final Actor RESIDENT = new Actor("resident1", List.of("resident"));

	static final Actor SELFGOV = new Actor("selfgov1", List.of("selfgov:xingfu"));

	static final Actor STEWARD = new Actor("steward1", List.of("steward:xingfu"));

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	ConsultationService service;

	@Autowired
	Consultations consultations;

	@Autowired
	Communities communities;

	@Autowired
	Notifications notifications;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	IdentityService identity;

	@Autowired
	AccessBootstrap access;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		ClockUtil.setCurrentTime(Date.from(START.toInstant()));
		ConsultationSteps.community(communities, identity, access, "selfgov:xingfu", "steward:xingfu", "resident",
				"manager");
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	// ---- extension (延期) -----------------------------------------------------------------------

	/** 幸福社区's stewards' lead (demo user lead1): where a community has one, the lead decides extensions. */
	static final Actor LEAD = new Actor("lead1", List.of("steward:xingfu", "steward-lead:xingfu"));

	@Autowired
	cn.needsloop.routing.StepChangeService stepChanges;

	@Test
	void theSelfGovernanceLineGetsMoreTimeToFixTheParticipantsFromTheStewardsLead() {
		Long id = propose(TopicType.PUBLIC_SPACE);
		ProcessInstance instance = instance(id);
		Task fix = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("userTask_fixParticipants")
			.singleResult();
		java.time.Instant due = fix.getDueDate().toInstant();
		java.time.Instant asked = due.plus(java.time.Duration.ofDays(5));
		cn.needsloop.routing.StepChange.CaseKind kind = cn.needsloop.routing.StepChange.CaseKind.CONSULTATION;

		assertThatThrownBy(() -> stepChanges.requestExtension(kind, id, null, asked, "理由", RESIDENT))
			.satisfies(e -> assertThat(ProblemException.find(e).messageKey()).isEqualTo("problem.extension.noStep.CONSULTATION"));
		stepChanges.requestExtension(kind, id, null, asked, "楼栋长名单还在征集", SELFGOV);

		assertThat(instance).hasPassed("startEvent_extensionRequested").isWaitingAt("userTask_fixParticipants",
				"userTask_decideExtension");
		Task decide = tasks.createTaskQuery().processInstanceId(instance.getId())
			.taskDefinitionKey("userTask_decideExtension").singleResult();
		assertThat(tasks.getIdentityLinksForTask(decide.getId()))
			.as("幸福社区 has a stewards' lead: the lead decides (the manager decides where a community has none, as the"
					+ " need's process tests show)")
			.anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("steward-lead:xingfu"));
		assertThatThrownBy(() -> stepChanges.requestExtension(kind, id, null, asked, "再申请", SELFGOV))
			.satisfies(e -> assertThat(ProblemException.find(e).messageKey()).isEqualTo("problem.extension.notAllowed"));

		stepChanges.decideExtension(kind, id, true, "同意", LEAD);

		assertThat(instance).hasPassed("serviceTask_extendStep", "endEvent_extended");
		assertThat(tasks.createTaskQuery().taskId(fix.getId()).singleResult().getDueDate().toInstant()).isEqualTo(asked);
		List<Job> timers = management.createJobQuery().processInstanceId(instance.getId()).timers()
			.activityId("userTask_fixParticipants").list().stream()
			.sorted(java.util.Comparator.comparing(Job::getDuedate)).toList();
		assertThat(timers).hasSize(2);
		assertThat(timers.get(0).getDuedate().toInstant()).isEqualTo(asked);
		assertThat(service.view(id, SELFGOV).history()).extracting(ConsultationView.HistoryView::activity)
			.contains("Fix the participants · extension asked until " + cn.needsloop.routing.StepChangeService.format(asked)
					+ ": 楼栋长名单还在征集",
					"Fix the participants · extension granted: now due " + cn.needsloop.routing.StepChangeService.format(asked));
		assertThat(notifications.findFor("selfgov1", Set.of("-none-"), PageRequest.of(0, 500)).getContent())
			.anySatisfy(n -> assertThat(n.getTitle()).isEqualTo("延期已批准：确定协商主体"));
		assertThatThrownBy(() -> stepChanges.requestExtension(kind, id, null, asked.plus(java.time.Duration.ofDays(1)),
				"再申请一次", SELFGOV))
			.satisfies(e -> assertThat(ProblemException.find(e).messageKey()).isEqualTo("problem.extension.notAllowed"));
		fixParticipants(id, SELFGOV);
		assertThat(instance).isWaitingAt("userTask_publishAgenda");
	}

	@Test
	void anExtensionOfAConsultationStepRefusedLeavesItsTimesAndTellsTheLineWhy() {
		Long id = propose(TopicType.PUBLIC_SPACE);
		ProcessInstance instance = instance(id);
		fixParticipants(id, SELFGOV);
		Task agenda = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("userTask_publishAgenda")
			.singleResult();
		java.time.Instant due = agenda.getDueDate().toInstant();
		cn.needsloop.routing.StepChange.CaseKind kind = cn.needsloop.routing.StepChange.CaseKind.CONSULTATION;
		stepChanges.requestExtension(kind, id, agenda.getId(), due.plus(java.time.Duration.ofDays(3)), "会议室已被占用",
				SELFGOV);

		stepChanges.decideExtension(kind, id, false, "可改在党群服务中心召开", LEAD);

		assertThat(instance).hasPassed("endEvent_extensionRefused").hasNotPassed("serviceTask_extendStep")
			.isWaitingAt("userTask_publishAgenda");
		assertThat(tasks.createTaskQuery().taskId(agenda.getId()).singleResult().getDueDate().toInstant()).isEqualTo(due);
		assertThat(service.view(id, SELFGOV).history()).extracting(ConsultationView.HistoryView::activity)
			.contains("Publish the agenda · extension refused: 可改在党群服务中心召开");
		assertThat(notifications.findFor("selfgov1", Set.of("-none-"), PageRequest.of(0, 500)).getContent())
			.anySatisfy(n -> {
				assertThat(n.getTitle()).isEqualTo("延期未获批准：发布议程");
				assertThat(n.getBody()).isEqualTo("可改在党群服务中心召开");
			});
		assertThatThrownBy(() -> stepChanges.requestExtension(kind, id, agenda.getId(), due.plus(java.time.Duration.ofDays(1)),
				"再申请", SELFGOV))
			.satisfies(e -> assertThat(ProblemException.find(e).messageKey()).isEqualTo("problem.extension.notAllowed"));
	}

	@Test
	void topicOutsideTheCatalogEndsWithTheReasonToldToTheProposer() {
		Long id = propose(TopicType.PRIVATE_MATTER);

		ProcessInstance instance = instance(id);
		assertThat(instance).isEnded().hasPassed("serviceTask_closeOutsideCatalog", "endEvent_outsideCatalog");
		ConsultationView view = service.view(id, SELFGOV);
		assertThat(view.status()).isEqualTo(ConsultationStatus.OUTSIDE_CATALOG);
		assertThat(view.inCatalog()).isFalse();
		assertThat(view.catalogReason()).contains("个人或家庭私事");
		assertThat(notifications.findFor("resident1", Set.of("-none-"), PageRequest.of(0, 500)).getContent())
			.anySatisfy(n -> {
				assertThat(n.getTitle()).isEqualTo("议题未列入协商目录：协商 #" + id + "「议题 PRIVATE_MATTER」");
				assertThat(n.getBody()).contains("个人或家庭私事");
			});
	}

	@Test
	void agreedResultIsPublicisedAppliedAndReportedBack() {
		Long id = propose(TopicType.PUBLIC_SPACE);
		ProcessInstance instance = instance(id);
		assertThat(instance).isWaitingAt("userTask_fixParticipants");
		Task fix = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(tasks.getIdentityLinksForTask(fix.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("selfgov:xingfu"));
		ConsultationView checked = service.view(id, SELFGOV);
		assertThat(checked.status()).isEqualTo(ConsultationStatus.PARTICIPANTS);
		assertThat(checked.level()).isEqualTo(ConsultationLevel.COMMUNITY);
		assertThat(checked.noticeDays()).isEqualTo(5);
		assertThat(checked.requiredParticipants()).containsExactlyInAnyOrder(ParticipantKind.RESIDENT_REPRESENTATIVE,
				ParticipantKind.PARTY_MEMBER, ParticipantKind.PROPERTY_COMPANY, ParticipantKind.STAKEHOLDER);

		assertProblem(() -> service.fixParticipants(id, new FixParticipants(List.of(
				new Participant("王建国", ParticipantKind.RESIDENT_REPRESENTATIVE))), SELFGOV), HttpStatus.BAD_REQUEST);
		assertProblem(() -> fixParticipants(id, STEWARD), HttpStatus.FORBIDDEN);
		fixParticipants(id, SELFGOV);
		assertThat(instance).isWaitingAt("userTask_publishAgenda");

		OffsetDateTime tooEarly = meetingAfterWorkingDays(4);
		assertProblem(() -> service.publishAgenda(id, new PublishAgenda(List.of("停车位划线方案"), tooEarly), SELFGOV),
				HttpStatus.BAD_REQUEST);
		publishAgenda(id, 5);
		assertThat(instance).isWaitingAt("timer_untilMeeting");
		assertThat(service.view(id, SELFGOV).status()).isEqualTo(ConsultationStatus.NOTICE);
		assertProblem(() -> recordMeeting(id, 8, 6, 1, 1), HttpStatus.CONFLICT);

		holdMeeting(id);
		assertThat(instance).isWaitingAt("userTask_recordMeeting");
		assertProblem(() -> recordMeeting(id, 8, 6, 3, 1), HttpStatus.BAD_REQUEST);
		recordMeeting(id, 8, 6, 1, 1);

		assertThat(instance).isWaitingAt("gateway_publicity");
		ConsultationView publicised = service.view(id, SELFGOV);
		assertThat(publicised.status()).isEqualTo(ConsultationStatus.PUBLICITY);
		assertThat(publicised.votes()).isEqualTo(new ConsultationView.VotesView(1, 8, 6, 1, 1));
		assertThat(publicised.publicityEndsAt()).isAfter(START.toInstant());

		passPublicity(id);
		assertThat(instance).isWaitingAt("userTask_applyResult");
		assertThat(service.view(id, SELFGOV).status()).isEqualTo(ConsultationStatus.APPLICATION);
		assertThat(service.view(id, SELFGOV).result()).isEqualTo(RoundResult.AGREED);
		assertProblem(() -> service.raiseObjection(id, new RaiseObjection("太晚了"), RESIDENT), HttpStatus.CONFLICT);

		service.applyResult(id, new ApplyResult("已在3号楼前划定12个临时停车位，物业负责管理。"), SELFGOV);
		assertThat(instance).isEnded().hasPassed("serviceTask_reportBack", "endEvent_resultApplied");
		ConsultationView applied = service.view(id, SELFGOV);
		assertThat(applied.status()).isEqualTo(ConsultationStatus.APPLIED);
		assertThat(applied.applicationReport()).contains("停车位");
		assertThat(applied.reportedBackAt()).isNotNull();
		assertThat(applied.participants()).hasSize(10);
		assertThat(applied.rounds()).singleElement().satisfies(r -> assertThat(r.result()).isEqualTo(RoundResult.AGREED));
		try {
			org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
			assertThat(service.view(id, SELFGOV).history()).extracting(ConsultationView.HistoryView::activity)
				.contains("How the result was applied, reported back to the participants (10)");
			org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
			assertThat(service.view(id, SELFGOV).history()).extracting(ConsultationView.HistoryView::activity)
				.contains("向协商主体反馈成果运用情况（10 名）", "第 1 轮协商结果：同意。" + applied.rounds().get(0).reason());
		}
		finally {
			org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void majorityAgainstRejectsTheTopic() {
		Long id = throughMeeting(TopicType.ENVIRONMENT_SANITATION, 9, 1, 5, 3);

		assertThat(instance(id)).isEnded().hasPassed("serviceTask_closeRejected", "endEvent_rejected");
		ConsultationView view = service.view(id, SELFGOV);
		assertThat(view.status()).isEqualTo(ConsultationStatus.REJECTED);
		assertThat(view.result()).isEqualTo(RoundResult.REJECTED);
		assertThat(view.resultReason()).contains("反对票");
		assertThat(view.concludedAt()).isNotNull();
	}

	@Test
	void noMajorityEitherWaySendsTheTopicToAnotherRound() {
		Long id = throughMeeting(TopicType.PUBLIC_SECURITY, 8, 3, 3, 2);

		assertThat(instance(id)).isWaitingAt("userTask_publishAgenda").hasPassed("serviceTask_openNextRound");
		ConsultationView view = service.view(id, SELFGOV);
		assertThat(view.round()).isEqualTo(2);
		assertThat(view.status()).isEqualTo(ConsultationStatus.AGENDA);
		assertThat(view.rounds()).singleElement().satisfies(r -> assertThat(r.result()).isEqualTo(RoundResult.ANOTHER_ROUND));
	}

	@Test
	void threeRoundsWithoutAgreementEndRejected() {
		Long id = throughMeeting(TopicType.PROPERTY_FEES, 8, 3, 3, 2);
		for (int round = 2; round <= 3; round++) {
			publishAgenda(id, 7);
			holdMeeting(id);
			recordMeeting(id, 8, 4, 2, 2);
		}

		assertThat(instance(id)).isEnded().hasPassed("endEvent_rejected");
		ConsultationView view = service.view(id, SELFGOV);
		assertThat(view.round()).isEqualTo(3);
		assertThat(view.rounds()).extracting(ConsultationView.RoundView::result)
			.containsExactly(RoundResult.ANOTHER_ROUND, RoundResult.ANOTHER_ROUND, RoundResult.REJECTED);
		assertThat(view.resultReason()).contains("三轮");
	}

	@Test
	void objectionDuringThePublicNoticeSendsTheTopicToAnotherRound() {
		Long id = throughMeeting(TopicType.ELDERLY_CHILD_SERVICES, 9, 7, 1, 1);
		assertThat(service.view(id, SELFGOV).status()).isEqualTo(ConsultationStatus.PUBLICITY);

		service.raiseObjection(id, new RaiseObjection("助餐点选址离我家太近，油烟扰民"), RESIDENT);

		assertThat(instance(id)).isWaitingAt("userTask_publishAgenda").hasPassed("event_objectionRaised");
		ConsultationView view = service.view(id, SELFGOV);
		assertThat(view.round()).isEqualTo(2);
		assertThat(view.objections()).singleElement().satisfies(o -> {
			assertThat(o.round()).isEqualTo(1);
			assertThat(o.raisedBy()).isEqualTo("resident1");
		});
		assertThat(view.rounds()).singleElement().satisfies(r -> assertThat(r.reason()).contains("异议"));

		publishAgenda(id, 5);
		holdMeeting(id);
		recordMeeting(id, 9, 8, 1, 0);
		passPublicity(id);
		service.applyResult(id, new ApplyResult("助餐点改设在党群服务中心一楼。"), SELFGOV);
		assertThat(instance(id)).isEnded().hasPassed("endEvent_resultApplied");
	}

	@Test
	void objectionInTheThirdRoundRejects() {
		Long id = throughMeeting(TopicType.COMMUNITY_FUNDS, 8, 3, 3, 2);
		publishAgenda(id, 7);
		holdMeeting(id);
		recordMeeting(id, 8, 3, 3, 2);
		publishAgenda(id, 7);
		holdMeeting(id);
		recordMeeting(id, 8, 6, 1, 1);
		assertThat(service.view(id, SELFGOV).status()).isEqualTo(ConsultationStatus.PUBLICITY);

		service.raiseObjection(id, new RaiseObjection("资金用途没有公开明细"), RESIDENT);

		assertThat(instance(id)).isEnded().hasPassed("endEvent_rejected");
		assertThat(service.view(id, SELFGOV).resultReason()).contains("异议");
	}

	@Test
	void consultationRunsToTheEndInTasklistWithFormValues() {
		Long id = propose(TopicType.SERVICE_PROJECT);
		String pid = consultations.findById(id).orElseThrow().getProcessInstanceId();
		assertThat(runtime.getVariable(pid, "requiredParticipants")).isEqualTo("居民代表、党员、社会组织、利益相关方");

		complete(pid, "userTask_fixParticipants", Map.of("participants",
				"王建国，居民代表\n李红,党员\n阳光社工服务中心：社会组织\n赵大妈 STAKEHOLDER\n周强|利益相关方".replace(" ", ",")));
		LocalDate day = calendar.plusWorkingDays(START, 5).toLocalDate();
		complete(pid, "userTask_publishAgenda", Map.of("agendaItems", "助餐点选址\n\n收费标准",
				"meetingAt", LocalDateTime.of(day, java.time.LocalTime.of(15, 0)).toString()));
		holdMeeting(id);
		complete(pid, "userTask_recordMeeting", Map.of("attendees", 5L, "opinions", "大多数赞成", "votesFor", 4L,
				"votesAgainst", 1.0, "votesAbstain", 0L));
		passPublicity(id);
		complete(pid, "userTask_applyResult", Map.of("applicationReport", "已纳入服务项目"));

		ConsultationView view = service.view(id, SELFGOV);
		assertThat(view.status()).isEqualTo(ConsultationStatus.APPLIED);
		assertThat(view.participants()).extracting(ConsultationView.ParticipantView::kind)
			.containsExactly(ParticipantKind.RESIDENT_REPRESENTATIVE, ParticipantKind.PARTY_MEMBER,
					ParticipantKind.SOCIAL_ORGANIZATION, ParticipantKind.STAKEHOLDER, ParticipantKind.STAKEHOLDER);
		assertThat(view.agenda().items()).containsExactly("助餐点选址", "收费标准");
		assertThat(view.agenda().meetingAt()).isEqualTo(day.atTime(15, 0).atZone(ChinaTime.ZONE).toInstant());
	}

	@Test
	void formValuesThatCannotBeReadAreRejected() {
		Long id = propose(TopicType.SERVICE_PROJECT);
		String pid = consultations.findById(id).orElseThrow().getProcessInstanceId();
		assertProblem(() -> complete(pid, "userTask_fixParticipants", Map.of("participants", "王建国")),
				HttpStatus.BAD_REQUEST);
		assertProblem(() -> complete(pid, "userTask_fixParticipants", Map.of("participants", " ")),
				HttpStatus.BAD_REQUEST);
		fixParticipants(id, SELFGOV);
		assertProblem(() -> complete(pid, "userTask_publishAgenda", Map.of("agendaItems", "议程", "meetingAt", "下周五")),
				HttpStatus.BAD_REQUEST);
		assertThat(instance(id)).isWaitingAt("userTask_publishAgenda");
	}

	@Test
	void aMeetingWithMoreAttendeesThanParticipantsIsRefusedInTasklist() {
		Long id = propose(TopicType.SERVICE_PROJECT);
		String pid = consultations.findById(id).orElseThrow().getProcessInstanceId();
		fixParticipants(id, SELFGOV);
		publishAgenda(id, 7);
		holdMeeting(id);
		int participants = ConsultationSteps.PARTICIPANTS.size();
		assertThatThrownBy(() -> complete(pid, "userTask_recordMeeting", Map.of("attendees", (long) participants + 20,
				"opinions", "意见", "votesFor", (long) participants + 20, "votesAgainst", 0L, "votesAbstain", 0L)))
			.satisfies(ex -> {
				ProblemException problem = ProblemException.find(ex);
				assertThat(problem).as("a problem in %s", ex).isNotNull();
				assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(problem.fieldProblems()).extracting(ProblemException.FieldProblem::field).containsExactly("attendees");
			});
		assertThat(instance(id)).isWaitingAt("userTask_recordMeeting");
		assertThat(consultations.findById(id).orElseThrow().getStatus()).isEqualTo(ConsultationStatus.MEETING);
	}

	// --- steps

	Long propose(TopicType type) {
		return service.propose(new ProposeTopic("xingfu", "议题 " + type, type, "居民提出的议题：" + type, null), RESIDENT)
			.getId();
	}

	Long throughMeeting(TopicType type, int attendees, int votesFor, int votesAgainst, int votesAbstain) {
		Long id = propose(type);
		fixParticipants(id, SELFGOV);
		publishAgenda(id, 7);
		holdMeeting(id);
		recordMeeting(id, attendees, votesFor, votesAgainst, votesAbstain);
		return id;
	}

	void fixParticipants(Long id, Actor actor) {
		service.fixParticipants(id, new FixParticipants(ConsultationSteps.PARTICIPANTS), actor);
	}

	void publishAgenda(Long id, int workingDays) {
		service.publishAgenda(id, new PublishAgenda(List.of("方案说明", "各方发表意见", "表决"),
				meetingAfterWorkingDays(workingDays)), SELFGOV);
	}

	OffsetDateTime meetingAfterWorkingDays(int workingDays) {
		ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ChinaTime.ZONE);
		return calendar.plusWorkingDays(now, workingDays).toLocalDate().atTime(14, 30)
			.atZone(ChinaTime.ZONE).toOffsetDateTime();
	}

	void recordMeeting(Long id, int attendees, int votesFor, int votesAgainst, int votesAbstain) {
		service.recordMeeting(id, new RecordMeeting(attendees, "各方充分发表了意见", votesFor, votesAgainst, votesAbstain),
				SELFGOV);
	}

	/** The meeting time comes: the clock moves past it and the timer fires. */
	void holdMeeting(Long id) {
		fire(id, "timer_untilMeeting");
	}

	/** The public notice ends without objection. */
	void passPublicity(Long id) {
		fire(id, "timer_publicityPeriod");
	}

	void fire(Long id, String timer) {
		Job job = management.createJobQuery().processInstanceId(instance(id).getId()).activityId(timer).singleResult();
		assertThat(job).as("timer %s", timer).isNotNull();
		ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
		management.executeJob(job.getId());
	}

	void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
		Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
		assertThat(task).as("task %s", taskKey).isNotNull();
		tasks.complete(task.getId(), new HashMap<>(variables));
	}

	ProcessInstance instance(Long id) {
		String pid = consultations.findById(id).orElseThrow().getProcessInstanceId();
		ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
		if (running != null) {
			return running;
		}
		return new EndedInstance(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult());
	}

	static void assertProblem(Runnable call, HttpStatus status) {
		assertThatThrownBy(call::run).satisfies(ex -> {
			ProblemException problem = ProblemException.find(ex);
			assertThat(problem).as("a problem in %s", ex).isNotNull();
			assertThat(problem.status()).isEqualTo(status);
		});
	}

	/** A finished instance, for camunda-bpm-assert, which reads its history. */
	record EndedInstance(org.camunda.bpm.engine.history.HistoricProcessInstance historic) implements ProcessInstance {
		public String getProcessDefinitionId() {
			return historic.getProcessDefinitionId();
		}

		public String getBusinessKey() {
			return historic.getBusinessKey();
		}

		public String getProcessDefinitionKey() {
			return historic.getProcessDefinitionKey();
		}

		public String getRootProcessInstanceId() {
			return historic.getRootProcessInstanceId();
		}

		public String getCaseInstanceId() {
			return historic.getCaseInstanceId();
		}

		public boolean isSuspended() {
			return false;
		}

		public String getId() {
			return historic.getId();
		}

		public boolean isEnded() {
			return true;
		}

		public String getProcessInstanceId() {
			return historic.getId();
		}

		public String getTenantId() {
			return historic.getTenantId();
		}
	}
}
