package cn.needsloop.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.process.Workflow;
import cn.needsloop.registration.RegistrationRequests.Answer;
import cn.needsloop.registration.RegistrationRequests.Register;
import cn.needsloop.registration.RegistrationRequests.RequestDispatch;
import cn.needsloop.shared.Actor;
import cn.needsloop.support.AppContext;
import cn.needsloop.support.ProcessCoverageAtLeast;

/**
 * Every path of {@code volunteer-dispatch.bpmn}: accepted (filled), declined (escalated), unanswered
 * (answer limit → re-sent to the next batch → escalated), the round limit and a dispatch nobody
 * matches. Time moves with {@link ClockUtil}; timer jobs are executed by hand. The class fails when
 * the coverage of the process drops below 90%.
 */
@AppContext
@ProcessCoverageAtLeast(process = Workflow.VOLUNTEER_DISPATCH)
class VolunteerDispatchProcessTests {

	static final Actor PARTY = new Actor("party1", List.of("party:xingfu"));

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
	RegistrationService registrationService;

	@Autowired
	DispatchService dispatchService;

	@Autowired
	Dispatches dispatches;

	@Autowired
	DispatchOffers offers;

	@Autowired
	org.springframework.context.MessageSource messages;

	String skill;

	@BeforeEach
	void setUp() {
		init(engine);
		skill = "理发-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void acceptanceFillsTheDispatchAndEndsTheRoundEarly() {
		List<Long> registrants = register(3);
		Dispatch dispatch = request(1);
		ProcessInstance pi = instance(dispatch);

		assertThat(pi).isWaitingAt("userTask_answerDispatch");
		assertThat(answerTasks(pi)).hasSize(3);
		assertThat(offers.findByDispatchIdOrderById(dispatch.getId())).extracting(DispatchOffer::getStatus)
			.containsOnly(DispatchOffer.Status.INVITED);

		dispatchService.answer(dispatch.getId(), new Answer(registrants.get(1), true, "周六上午可以"), PARTY);

		assertThat(pi).hasPassed("serviceTask_closeRound", "serviceTask_fillDispatch").isEnded();
		assertThat(pi).hasPassed("endEvent_dispatchFilled");
		Dispatch filled = dispatches.findById(dispatch.getId()).orElseThrow();
		assertThat(filled.getStatus()).isEqualTo(Dispatch.Status.FILLED);
		assertThat(filled.getAcceptedCount()).isEqualTo(1);
		assertThat(offers.findByDispatchIdOrderById(dispatch.getId())).extracting(DispatchOffer::getStatus)
			.containsExactly(DispatchOffer.Status.EXPIRED, DispatchOffer.Status.ACCEPTED, DispatchOffer.Status.EXPIRED);
	}

	@Test
	void answersInTasklistDriveTheSameSteps() {
		register(2);
		Dispatch dispatch = request(2);
		ProcessInstance pi = instance(dispatch);

		for (Task task : answerTasks(pi)) {
			assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(l -> "party:xingfu".equals(l.getGroupId()));
			tasks.complete(task.getId(), Map.of(Workflow.Var.DISPATCH_ANSWER, "ACCEPTED"));
		}

		assertThat(pi).isEnded().hasPassed("endEvent_dispatchFilled");
		assertThat(dispatches.findById(dispatch.getId()).orElseThrow().getAcceptedCount()).isEqualTo(2);
	}

	@Test
	void declinedByEveryMatchIsEscalatedToThePartyLine() {
		List<Long> registrants = register(2);
		Dispatch dispatch = request(1);
		ProcessInstance pi = instance(dispatch);

		dispatchService.answer(dispatch.getId(), new Answer(registrants.get(0), false, "出差"), PARTY);
		assertThat(pi).isWaitingAt("userTask_answerDispatch");
		dispatchService.answer(dispatch.getId(), new Answer(registrants.get(1), false, null), PARTY);

		assertThat(pi).isWaitingAt("userTask_handleUnfilledDispatch");
		assertThat(pi).hasNotPassed("serviceTask_fillDispatch");
		assertThat(dispatches.findById(dispatch.getId()).orElseThrow().getStatus()).isEqualTo(Dispatch.Status.ESCALATED);
		Task handle = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
		assertThat(tasks.getIdentityLinksForTask(handle.getId())).anyMatch(l -> "party:xingfu".equals(l.getGroupId()));

		tasks.complete(handle.getId(), Map.of(Workflow.Var.UNFILLED_RESOLUTION, "CANCEL", Workflow.Var.UNFILLED_NOTE,
				"改由社会组织志愿者承担"));

		assertThat(pi).isEnded().hasPassed("endEvent_dispatchEscalated");
		Dispatch cancelled = dispatches.findById(dispatch.getId()).orElseThrow();
		assertThat(cancelled.getStatus()).isEqualTo(Dispatch.Status.CANCELLED);
		assertThat(cancelled.getResolutionNote()).isEqualTo("改由社会组织志愿者承担");
	}

	@Test
	void unansweredInvitationsAreResentToTheNextMatchesThenEscalated() {
		List<Long> registrants = register(4);
		Dispatch dispatch = request(2);
		ProcessInstance pi = instance(dispatch);
		assertThat(answerTasks(pi)).hasSize(3);

		passAnswerLimit(pi);

		assertThat(pi).isWaitingAt("userTask_answerDispatch");
		assertThat(answerTasks(pi)).hasSize(1);
		assertThat(runtime.getVariable(pi.getId(), Workflow.Var.DISPATCH_ROUND)).isEqualTo(2);
		List<DispatchOffer> afterFirstRound = offers.findByDispatchIdOrderById(dispatch.getId());
		assertThat(afterFirstRound).extracting(DispatchOffer::getStatus).containsExactly(DispatchOffer.Status.EXPIRED,
				DispatchOffer.Status.EXPIRED, DispatchOffer.Status.EXPIRED, DispatchOffer.Status.INVITED);
		assertThat(afterFirstRound.get(3).getRegistrationId()).isEqualTo(registrants.get(3));
		assertThat(afterFirstRound.get(3).getRound()).isEqualTo(2);

		dispatchService.answer(dispatch.getId(), new Answer(registrants.get(3), true, null), PARTY);

		assertThat(pi).isWaitingAt("userTask_handleUnfilledDispatch");
		assertThat(pi).hasPassed("timer_answerLimit");
		Task handle = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
		assertThat(handle.getDueDate()).isNotNull();
		tasks.complete(handle.getId(), Map.of(Workflow.Var.UNFILLED_RESOLUTION, "PROCEED", Workflow.Var.UNFILLED_NOTE,
				"一人先行服务"));

		assertThat(pi).isEnded();
		assertThat(dispatches.findById(dispatch.getId()).orElseThrow().getStatus()).isEqualTo(Dispatch.Status.PARTIAL);
	}

	@Test
	void escalatesAfterTheLastRoundEvenWhenMatchesAreLeft() {
		register(10);
		Dispatch dispatch = request(1);
		ProcessInstance pi = instance(dispatch);

		passAnswerLimit(pi);
		passAnswerLimit(pi);
		passAnswerLimit(pi);

		assertThat(pi).isWaitingAt("userTask_handleUnfilledDispatch");
		assertThat(runtime.getVariable(pi.getId(), Workflow.Var.DISPATCH_ROUND)).isEqualTo(3);
		assertThat(runtime.getVariable(pi.getId(), Workflow.Var.MORE_MATCHES)).isEqualTo(true);
		assertThat(offers.findByDispatchIdOrderById(dispatch.getId())).hasSize(9)
			.extracting(DispatchOffer::getStatus).containsOnly(DispatchOffer.Status.EXPIRED);
	}

	@Test
	void dispatchWithoutMatchesGoesStraightToThePartyLine() {
		Dispatch dispatch = request(1);
		ProcessInstance pi = instance(dispatch);

		assertThat(pi).isWaitingAt("userTask_handleUnfilledDispatch");
		assertThat(offers.findByDispatchIdOrderById(dispatch.getId())).isEmpty();
	}

	@Test
	void overdueUnfilledDispatchIsSupervisedByTheManager() {
		Dispatch dispatch = request(1);
		ProcessInstance pi = instance(dispatch);
		Task handle = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();

		ClockUtil.setCurrentTime(Date.from(handle.getDueDate().toInstant().plus(Duration.ofDays(2))));
		List<Job> timers = management.createJobQuery().processInstanceId(pi.getId()).timers().list();
		assertThat(timers).hasSize(2);
		timers.forEach(job -> management.executeJob(job.getId()));

		Task supervision = tasks.createTaskQuery().taskCandidateGroup("manager").taskNameLike("督办：处理未满员派单%")
			.singleResult();
		assertThat(supervision).isNotNull();
		assertThat(supervision.getName()).contains(
				dispatch.title().render(messages, java.util.Locale.SIMPLIFIED_CHINESE)).contains("党员志愿服务派单 #" + dispatch.getId());

		tasks.complete(handle.getId(), Map.of(Workflow.Var.UNFILLED_RESOLUTION, "CANCEL", Workflow.Var.UNFILLED_NOTE,
				"无人报名"));
		assertThat(tasks.createTaskQuery().taskId(supervision.getId()).count()).isZero();
	}

	private List<Long> register(int count) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(registrationService.register(new Register("xingfu", PartyRegistration.Kind.MEMBER, null,
					"党员" + i, "市民政局", "1380000000" + i, Set.of(skill), null, null), PARTY).getId());
		}
		return ids;
	}

	private Dispatch request(int people) {
		return dispatchService.request(new RequestDispatch("xingfu", null, null, skill, people,
				Instant.now().plus(Duration.ofDays(3))), PARTY);
	}

	private ProcessInstance instance(Dispatch dispatch) {
		return runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(dispatch.getId()))
			.processDefinitionKey(Workflow.VOLUNTEER_DISPATCH).singleResult();
	}

	private List<Task> answerTasks(ProcessInstance pi) {
		return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("userTask_answerDispatch").list();
	}

	/** Moves the clock past the answer limit of the open round and fires its timer. */
	private void passAnswerLimit(ProcessInstance pi) {
		Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().activityId("timer_answerLimit")
			.singleResult();
		assertThat(timer).isNotNull();
		ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(60)));
		management.executeJob(timer.getId());
	}
}
