package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

import cn.needsloop.shared.Category;
import cn.needsloop.shared.Actor;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedRequests.Classify;
import cn.needsloop.intake.NeedRequests.Confirm;
import cn.needsloop.intake.NeedRequests.Resolve;
import cn.needsloop.intake.NeedRequests.Verify;
import cn.needsloop.intake.NeedStatus;
import cn.needsloop.intake.Outcome;
import cn.needsloop.shared.Phase;
import cn.needsloop.intake.Scope;
import cn.needsloop.shared.Urgency;
import cn.needsloop.intake.VerificationVerdict;
import cn.needsloop.design.ProjectStatus;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.process.Workflow;
import cn.needsloop.support.AppContext;
import cn.needsloop.support.ProcessCoverageAtLeast;
import cn.needsloop.shared.Line;
import cn.needsloop.notification.Notification;
import cn.needsloop.routing.RerouteDecision;
import cn.needsloop.routing.StepChange;
import cn.needsloop.routing.StepChangeService;
import cn.needsloop.routing.StepChanges;

/**
 * Every path of {@code needsLoop} (民需闭环), driven through the services the REST API calls, so
 * that routing, task steps and delegates write the domain for real.
 */
@AppContext
@ProcessCoverageAtLeast(process = Workflow.NEEDS_LOOP)
class NeedsLoopProcessTests extends ProcessTestSupport {

	static final String VERIFY = "userTask_verifyNeed";
	static final String CLASSIFY = "userTask_classifyNeed";
	static final String RESOLVE = "userTask_resolveNeed";
	static final String CONFIRM = "userTask_confirmResolution";
	static final String REROUTE = "userTask_rerouteNeed";
	static final String DECIDE_EXTENSION = "userTask_decideExtension";

	@org.springframework.beans.factory.annotation.Autowired
	StepChangeService stepChanges;

	@org.springframework.beans.factory.annotation.Autowired
	StepChanges changes;

	// ---- verification -------------------------------------------------------------------------

	@Test
	void reportedNeedWaitsForTheStewardsOfItsCommunityToVerifyIt() {
		Need need = report("邻居家空调滴水噪音扰民", "5号楼空调外机滴水并有噪音，希望社区调解。", 1, RESIDENT);
		ProcessInstance instance = instanceOf(need);

		assertThat(instance).isStarted().hasBusinessKey(need.getId().toString()).isWaitingAtExactly(VERIFY);
		assertThat(instance).variables().containsEntry("needId", need.getId()).containsEntry("communityCode", COMMUNITY)
			.containsEntry("round", 1).containsEntry("needScore", null);
		assertThat(task(VERIFY, instance)).hasCandidateGroup("steward:xingfu").isNotAssigned()
			.hasDueDate(java.util.Date.from(START.plus(Duration.ofHours(24))));
		Need reported = need(need.getId());
		assertThat(reported.getStatus()).isEqualTo(NeedStatus.OPEN);
		assertThat(reported.getPhase()).isEqualTo(Phase.DISCOVER);
		assertThat(reported.getLine()).isEqualTo(Line.STEWARD);
		assertThat(reported.getRound()).isEqualTo(1);
		assertThat(reported.getVerificationDueAt()).isEqualTo(START.plus(Duration.ofHours(24)));
		assertThat(historyOf(need.getId())).containsExactly("上报民需", "核实民需 · 待办");
		assertThat(notificationsAboutNeed(need.getId())).extracting(Notification::getRecipientGroup, Notification::getTitle)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("steward:xingfu", "新任务：核实民需"));
	}

	@Test
	void genuineIndividualNeedIsResolvedAndConfirmed() {
		Need need = report("邻居家空调滴水噪音扰民", "5号楼空调外机滴水并有噪音，多次沟通未果，希望社区调解。", 1, RESIDENT);
		ProcessInstance instance = instanceOf(need);

		needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "已上门核实，情况属实"), STEWARD);
		assertThat(instance).hasPassedInOrder(VERIFY, "serviceTask_proposeClassification").isWaitingAtExactly(CLASSIFY);
		assertThat(instance).variables().containsEntry("category", "NEIGHBOR_DISPUTE").containsEntry("scope", "INDIVIDUAL")
			.containsEntry("proposedLine", "SELF_GOVERNANCE");
		assertThat(task(CLASSIFY, instance)).hasCandidateGroup("steward:xingfu");
		Need verified = need(need.getId());
		assertThat(verified.getVerificationVerdict()).isEqualTo(VerificationVerdict.GENUINE);
		assertThat(verified.getVerifiedAt()).isEqualTo(START);
		assertThat(verified.getProposedCategory()).isEqualTo(Category.NEIGHBOR_DISPUTE);
		assertThat(verified.getProposedScope()).isEqualTo(Scope.INDIVIDUAL);
		assertThat(verified.getProposedLine()).isEqualTo(Line.SELF_GOVERNANCE);
		assertThat(verified.getPhase()).isEqualTo(Phase.CATEGORIZE);

		needService.classify(need.getId(), new Classify(Category.NEIGHBOR_DISPUTE, Urgency.NORMAL, Scope.INDIVIDUAL), STEWARD);
		assertThat(instance).isWaitingAtExactly(RESOLVE);
		assertThat(task(RESOLVE, instance)).hasCandidateGroup("selfgov:xingfu");
		assertThat(need(need.getId()).getPhase()).isEqualTo(Phase.IMPLEMENT);
		assertThat(need(need.getId()).getLine()).isEqualTo(Line.SELF_GOVERNANCE);

		needService.resolve(need.getId(), new Resolve("居委会约谈双方，约定维修空调外机"), SELF_GOVERNANCE);
		assertThat(instance).isWaitingAtExactly(CONFIRM);
		assertThat(task(CONFIRM, instance)).hasCandidateGroup("steward:xingfu").hasCandidateUser(RESIDENT.userId());
		assertThat(need(need.getId()).getPhase()).isEqualTo(Phase.EVALUATE);
		assertThat(need(need.getId()).getResolutionNote()).isEqualTo("居委会约谈双方，约定维修空调外机");

		needService.confirm(need.getId(), new Confirm(5, "很满意"), RESIDENT);
		assertThat(instance).hasPassedInOrder(CONFIRM, "businessRuleTask_decideNeedOutcome", "serviceTask_closeResolved",
				"endEvent_resolved").hasNotPassed("serviceTask_reopenNeed", "timer_confirmationWindow").isEnded();
		Need resolved = need(need.getId());
		assertThat(resolved.getStatus()).isEqualTo(NeedStatus.CLOSED);
		assertThat(resolved.getOutcome()).isEqualTo(Outcome.RESOLVED);
		assertThat(resolved.getNeedScore()).isEqualTo(5);
		assertThat(resolved.getConfirmationComment()).isEqualTo("很满意");
		assertThat(resolved.getRound()).isEqualTo(1);
		assertThat(resolved.getClosedAt()).isNotNull();
		assertThat(resolved.getLine()).isNull();
		assertThat(historyOf(need.getId())).containsExactly("上报民需", "核实民需 · 待办", "核实民需 · 完成", "分类汇总 · 待办",
				"分类汇总 · 完成", "办理个人需求 · 待办", "办理个人需求 · 完成", "居民确认 · 待办", "居民确认 · 完成", "办结：已解决");
		assertThat(historyEntriesOf(need.getId()).get(8).getActor()).isEqualTo(RESIDENT.userId());
		assertThat(notificationsAboutNeed(need.getId())).anySatisfy(n -> {
			assertThat(n.getRecipientUser()).isEqualTo(RESIDENT.userId());
			assertThat(n.getTitle()).isEqualTo("您的民需已办结：已解决");
		});
	}

	@Test
	void duplicateNeedIsClosedAndPointsAtTheOriginal() {
		Need original = report("楼道路灯坏了", "3号楼2单元楼道路灯不亮。", 1, RESIDENT);
		Need duplicate = report("3号楼路灯不亮", "3号楼2单元楼道灯坏了好几天。", 1, RESIDENT);
		ProcessInstance instance = instanceOf(duplicate);

		needService.verify(duplicate.getId(),
				new Verify(VerificationVerdict.DUPLICATE, original.getId(), "与民需 #" + original.getId() + " 相同"), STEWARD);

		assertThat(instance).hasPassedInOrder(VERIFY, "serviceTask_closeAsDuplicate", "endEvent_closedAsDuplicate").isEnded();
		assertThat(instance).hasNotPassed("serviceTask_proposeClassification");
		Need closed = need(duplicate.getId());
		assertThat(closed.getStatus()).isEqualTo(NeedStatus.CLOSED);
		assertThat(closed.getOutcome()).isEqualTo(Outcome.DUPLICATE);
		assertThat(closed.getDuplicateOfId()).isEqualTo(original.getId());
		assertThat(historyOf(duplicate.getId())).last().asString().startsWith("办结：与已有民需重复");
		assertThat(instanceOf(original)).isWaitingAt(VERIFY);
	}

	@Test
	void duplicateVerdictWithoutTheOriginalIsRefusedAndTheTaskStaysOpen() {
		Need need = report("楼道路灯坏了", "3号楼2单元楼道路灯不亮。", 1, RESIDENT);

		assertProblem(() -> needService.verify(need.getId(), new Verify(VerificationVerdict.DUPLICATE, null, "重复"), STEWARD),
				HttpStatus.BAD_REQUEST, "problem.need.duplicateOfRequired");

		assertThat(instanceOf(need)).isWaitingAtExactly(VERIFY);
		assertThat(need(need.getId()).getVerificationVerdict()).isNull();
	}

	@Test
	void needFoundNotGenuineIsClosedAndTheReporterIsToldWhy() {
		Need need = report("小区有人盗窃电动车", "听说昨晚有人偷电动车。", 1, RESIDENT);
		ProcessInstance instance = instanceOf(need);

		needService.verify(need.getId(), new Verify(VerificationVerdict.NOT_GENUINE, null, "调取监控核实，无盗窃发生"), STEWARD);

		assertThat(instance).hasPassedInOrder(VERIFY, "serviceTask_closeAsNotGenuine", "endEvent_closedAsNotGenuine")
			.isEnded();
		Need closed = need(need.getId());
		assertThat(closed.getOutcome()).isEqualTo(Outcome.NOT_GENUINE);
		assertThat(closed.getStatus()).isEqualTo(NeedStatus.CLOSED);
		assertThat(notificationsAboutNeed(need.getId())).anySatisfy(n -> {
			assertThat(n.getRecipientUser()).isEqualTo(RESIDENT.userId());
			assertThat(n.getTitle()).isEqualTo("您的民需已办结：经核实不属实");
			assertThat(n.getBody()).contains("调取监控核实，无盗窃发生");
		});
	}

	@Test
	void needOutsideTheCommunitysDutiesIsReferred() {
		Need need = report("公司拖欠工资", "所在公司拖欠三个月工资。", 1, RESIDENT);
		ProcessInstance instance = instanceOf(need);

		needService.verify(need.getId(), new Verify(VerificationVerdict.OUT_OF_SCOPE, null, "属劳动监察职责，已转区人社局"), STEWARD);

		assertThat(instance).hasPassedInOrder(VERIFY, "serviceTask_referNeed", "endEvent_referred").isEnded();
		Need closed = need(need.getId());
		assertThat(closed.getOutcome()).isEqualTo(Outcome.REFERRED);
		assertThat(historyOf(need.getId())).last().asString().isEqualTo("办结：不属于社区职责，已转办（属劳动监察职责，已转区人社局）");
	}

	// ---- individual needs ---------------------------------------------------------------------

	@Test
	void poorlyRatedIndividualNeedIsReopenedAsRoundTwoOfTheSameNeed() {
		Need need = individualNeed("楼上漏水影响邻居", "7号楼401漏水至301。", Category.NEIGHBOR_DISPUTE);
		ProcessInstance instance = instanceOf(need);
		needService.resolve(need.getId(), new Resolve("已协调维修"), SELF_GOVERNANCE);

		needService.confirm(need.getId(), new Confirm(2, "还在漏水"), RESIDENT);

		assertThat(instance).hasPassedInOrder(CONFIRM, "businessRuleTask_decideNeedOutcome", "serviceTask_reopenNeed")
			.hasNotPassed("serviceTask_closeResolved").isNotEnded().isWaitingAtExactly(VERIFY);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(need.getId().toString()).count())
			.as("still the one instance of the one need").isEqualTo(1);
		assertThat(instance).variables().containsEntry("round", 2).containsEntry("needScore", null)
			.containsEntry("needOutcome", "REOPEN");
		assertThat(task(VERIFY, instance)).hasCandidateGroup("steward:xingfu");
		Need reopened = need(need.getId());
		assertThat(reopened.getId()).isEqualTo(need.getId());
		assertThat(reopened.getRound()).isEqualTo(2);
		assertThat(reopened.getStatus()).isEqualTo(NeedStatus.OPEN);
		assertThat(reopened.getPhase()).isEqualTo(Phase.DISCOVER);
		assertThat(reopened.getOutcome()).isNull();
		assertThat(reopened.getNeedScore()).isNull();
		assertThat(historyOf(need.getId())).contains("需求未满足，重新核实（第2轮）");
		assertThat(historyEntriesOf(need.getId())).last().satisfies(entry -> {
			assertThat(entry.getActivity()).isEqualTo("核实民需 · 待办");
			assertThat(entry.getRound()).isEqualTo(2);
		});
		assertThat(notificationsAboutNeed(need.getId())).anySatisfy(n -> {
			assertThat(n.getRecipientUser()).isEqualTo(RESIDENT.userId());
			assertThat(n.getTitle()).isEqualTo("您的民需将重新办理");
		});

		// the second round runs the whole way again and this time satisfies the resident
		needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "复核：仍在漏水"), STEWARD);
		needService.classify(need.getId(), new Classify(Category.NEIGHBOR_DISPUTE, Urgency.HIGH, Scope.INDIVIDUAL), STEWARD);
		needService.resolve(need.getId(), new Resolve("更换防水层"), SELF_GOVERNANCE);
		needService.confirm(need.getId(), new Confirm(4, "不漏了"), RESIDENT);
		assertThat(instance).hasPassed("serviceTask_closeResolved", "endEvent_resolved").isEnded();
		assertThat(need(need.getId()).getOutcome()).isEqualTo(Outcome.RESOLVED);
		assertThat(need(need.getId()).getRound()).isEqualTo(2);
	}

	@Test
	void unconfirmedResolutionCountsAsResolvedWhenTheConfirmationWindowCloses() {
		Need need = individualNeed("楼上漏水影响邻居", "7号楼401漏水至301。", Category.NEIGHBOR_DISPUTE);
		ProcessInstance instance = instanceOf(need);
		needService.resolve(need.getId(), new Resolve("已协调维修"), SELF_GOVERNANCE);
		Job window = timerJob(instance, "timer_confirmationWindow");
		assertThat(window.getDuedate()).isEqualTo(java.util.Date.from(START.plus(Duration.ofDays(14))));

		fire(window);

		assertThat(instance).hasPassedInOrder("timer_confirmationWindow", "gateway_confirmationClosed",
				"businessRuleTask_decideNeedOutcome", "serviceTask_closeResolved", "endEvent_resolved").isEnded();
		Need resolved = need(need.getId());
		assertThat(resolved.getOutcome()).isEqualTo(Outcome.RESOLVED);
		assertThat(resolved.getNeedScore()).isNull();
		assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void onlyTheReporterOrTheStewardsMayConfirm() {
		Need need = individualNeed("楼上漏水影响邻居", "7号楼401漏水至301。", Category.NEIGHBOR_DISPUTE);
		needService.resolve(need.getId(), new Resolve("已协调维修"), SELF_GOVERNANCE);

		assertProblem(() -> needService.confirm(need.getId(), new Confirm(5, null), OTHER_STEWARD), HttpStatus.FORBIDDEN,
				null);

		needService.confirm(need.getId(), new Confirm(4, "回访：居民满意"), STEWARD);
		assertThat(need(need.getId()).getOutcome()).isEqualTo(Outcome.RESOLVED);
	}

	// ---- routing ------------------------------------------------------------------------------

	@ParameterizedTest(name = "{0} is resolved by {1}")
	@CsvSource({ "NEIGHBOR_DISPUTE, selfgov:xingfu, SELF_GOVERNANCE", "ENVIRONMENT, selfgov:xingfu, SELF_GOVERNANCE",
			"FACILITIES, selfgov:xingfu, SELF_GOVERNANCE", "SAFETY, selfgov:xingfu, SELF_GOVERNANCE",
			"HARDSHIP_RELIEF, party:xingfu, PARTY", "EMPLOYMENT, party:xingfu, PARTY", "LEGAL_AID, party:xingfu, PARTY",
			"ELDERLY_CARE, steward:xingfu, STEWARD", "CHILD_CARE, steward:xingfu, STEWARD", "OTHER, steward:xingfu, STEWARD" })
	void individualNeedIsResolvedByTheLineOfItsCategory(Category category, String group, Line line) {
		Need need = individualNeed("个人需求", "需要社区帮助。", category);
		ProcessInstance instance = instanceOf(need);

		assertThat(instance).isWaitingAtExactly(RESOLVE);
		Task resolve = openTask(instance, RESOLVE);
		assertThat(resolve).hasCandidateGroup(group);
		assertThat(taskService.getIdentityLinksForTask(resolve.getId())).extracting(l -> l.getGroupId())
			.containsExactly(group);
		assertThat(taskService.getVariableLocal(resolve.getId(), "line")).isEqualTo(line.name());
		assertThat(need(need.getId()).getLine()).isEqualTo(line);
		assertThat(notificationsAboutNeed(need.getId())).anySatisfy(n -> {
			assertThat(n.getRecipientGroup()).isEqualTo(group);
			assertThat(n.getTitle()).isEqualTo("新任务：办理个人需求");
		});
	}

	@Test
	void hardshipReliefIsResolvedByThePartyOrganisationAndNotByOtherLines() {
		Need need = individualNeed("家庭生活困难", "失业后生活困难，申请临时救助。", Category.HARDSHIP_RELIEF);

		assertProblem(() -> needService.resolve(need.getId(), new Resolve("已办理"), SELF_GOVERNANCE), HttpStatus.FORBIDDEN,
				"problem.task.notYours");

		needService.resolve(need.getId(), new Resolve("党员结对帮扶，申请临时救助金"), PARTY);
		assertThat(instanceOf(need)).isWaitingAtExactly(CONFIRM);
	}

	// ---- common needs -------------------------------------------------------------------------

	@Test
	void commonNeedIsPooledJoinsAProjectAndIsResolvedWhenTheProjectConcludes() {
		Need first = pooledNeed("希望开办老年助餐点", Category.ELDERLY_CARE, RESIDENT);
		Need second = pooledNeed("高龄老人吃饭难", Category.ELDERLY_CARE, STEWARD);
		ProcessInstance firstInstance = instanceOf(first);
		ProcessInstance secondInstance = instanceOf(second);

		assertThat(firstInstance).hasPassedInOrder(CLASSIFY, "gateway_scope", "serviceTask_addToPool")
			.isWaitingAtExactly("event_joinedProject");
		assertThat(need(first.getId()).getPhase()).isEqualTo(Phase.CATEGORIZE);
		assertThat(needService.pool(COMMUNITY, STEWARD)).extracting(v -> v.id()).contains(first.getId(), second.getId());

		ServiceProject project = design("幸福社区老年助餐点", Category.ELDERLY_CARE, List.of(first, second), 1);

		for (ProcessInstance instance : List.of(firstInstance, secondInstance)) {
			assertThat(instance).hasPassed("event_joinedProject").isWaitingAtExactly("event_projectConcluded");
			assertThat(instance).variables().containsEntry("projectId", project.getId());
		}
		Need joined = need(first.getId());
		assertThat(joined.isPooled()).isFalse();
		assertThat(joined.getProjectId()).isEqualTo(project.getId());
		assertThat(joined.getPhase()).as("the project's approval step").isEqualTo(Phase.DESIGN);
		assertThat(historyOf(first.getId())).contains("进入需求池，等待统筹设计项目",
				"纳入服务项目 #" + project.getId() + "「幸福社区老年助餐点」");
		assertThat(needService.pool(COMMUNITY, STEWARD)).extracting(v -> v.id()).doesNotContain(first.getId(),
				second.getId());

		approve(project);
		implementationService.claim(project.getId(), YANGGUANG);
		reportAllMilestones(project(project.getId()), YANGGUANG);
		implementationService.complete(project.getId(), "助餐点已运营", YANGGUANG);
		rate(project(project.getId()), Map.of(first, 5, second, 4), 5, 5);

		assertThat(project(project.getId()).getStatus()).isEqualTo(ProjectStatus.CLOSED);
		for (Map.Entry<Need, ProcessInstance> pair : Map.of(first, firstInstance, second, secondInstance).entrySet()) {
			Need need = pair.getKey();
			ProcessInstance instance = pair.getValue();
			assertThat(instance).hasPassedInOrder("event_projectConcluded", "gateway_outcomeKnown", "gateway_needOutcome",
					"serviceTask_closeResolved", "endEvent_resolved").isEnded();
			assertThat(instance).hasNotPassed("userTask_resolveNeed", "businessRuleTask_decideNeedOutcome");
			Need resolved = need(need.getId());
			assertThat(resolved.getOutcome()).isEqualTo(Outcome.RESOLVED);
			assertThat(resolved.getStatus()).isEqualTo(NeedStatus.CLOSED);
			assertThat(historyOf(need.getId())).contains("项目评估结论：满意", "办结：已解决");
		}
		assertThat(need(first.getId()).getNeedScore()).isEqualTo(5);
		assertThat(need(second.getId()).getNeedScore()).isEqualTo(4);
	}

	// ---- return (退单) and re-routing (重新派单) -------------------------------------------------

	@Test
	void aLineReturnsAMisroutedTaskAndTheStewardReroutesItToAnotherLine() {
		Need need = individualNeed("邻居家空调滴水噪音扰民", "5号楼空调外机滴水并有噪音，希望社区调解。", Category.NEIGHBOR_DISPUTE);
		ProcessInstance instance = instanceOf(need);
		assertThat(task(RESOLVE, instance)).hasCandidateGroup("selfgov:xingfu");

		stepChanges.returnTask(need.getId(), "空调外机属于物业维修范围，不属于居委会调解", SELF_GOVERNANCE);

		assertThat(instance).hasPassedInOrder(RESOLVE, "gateway_returned").isWaitingAtExactly(REROUTE)
			.hasNotPassed(CONFIRM);
		assertThat(task(REROUTE, instance)).hasCandidateGroup("steward:xingfu");
		assertThat(need(need.getId()).getResolutionNote()).isNull();
		assertThat(historyOf(need.getId())).containsSubsequence("办理个人需求 · 待办",
				"办理个人需求 · 退单：空调外机属于物业维修范围，不属于居委会调解", "办理个人需求 · 完成", "重新派单 · 待办");
		assertThat(changes.findByNeedIdOrderByIdAsc(need.getId())).singleElement().satisfies(c -> {
			assertThat(c.getKind()).isEqualTo(StepChange.Kind.RETURN);
			assertThat(c.getLine()).isEqualTo(Line.SELF_GOVERNANCE);
			assertThat(c.getCategory()).isEqualTo(Category.NEIGHBOR_DISPUTE);
			assertThat(c.getRequestedBy()).isEqualTo(SELF_GOVERNANCE.userId());
		});
		assertThat(notificationsAboutNeed(need.getId())).anySatisfy(n -> {
			assertThat(n.getRecipientGroup()).isEqualTo("steward:xingfu");
			assertThat(n.getTitle()).isEqualTo("新任务：重新派单");
		});

		// not back to the line that returned it, and only by a steward of the community
		assertProblem(() -> stepChanges.reroute(need.getId(), RerouteDecision.ANOTHER_LINE, Line.SELF_GOVERNANCE, null, "再试一次",
				STEWARD), HttpStatus.BAD_REQUEST, "problem.reroute.sameLine");
		assertProblem(() -> stepChanges.reroute(need.getId(), RerouteDecision.ANOTHER_LINE, Line.MANAGER, null, "交街道",
				STEWARD), HttpStatus.BAD_REQUEST, "problem.reroute.badLine");
		assertProblem(() -> stepChanges.reroute(need.getId(), RerouteDecision.ANOTHER_LINE, Line.PARTY, null, "改派",
				OTHER_STEWARD), HttpStatus.FORBIDDEN, "problem.need.stewardOnly");
		assertThat(instance).isWaitingAtExactly(REROUTE);

		stepChanges.reroute(need.getId(), RerouteDecision.ANOTHER_LINE, Line.PARTY, null, "由双报到党员协调物业维修", STEWARD);

		assertThat(instance).hasPassed("gateway_rerouteDecision", "gateway_enterResolution").isWaitingAtExactly(RESOLVE);
		assertThat(task(RESOLVE, instance)).hasCandidateGroup("party:xingfu");
		assertThat(need(need.getId()).getLine()).isEqualTo(Line.PARTY);
		assertThat(historyOf(need.getId())).contains("重新派单：改派基层党组织线：由双报到党员协调物业维修");

		needService.resolve(need.getId(), new Resolve("党员联系物业，已维修空调外机"), PARTY);
		assertThat(instance).isWaitingAtExactly(CONFIRM);
		assertThat(need(need.getId()).getResolutionNote()).isEqualTo("党员联系物业，已维修空调外机");
	}

	@Test
	void aReturnedNeedIsReclassifiedAndRoutedByItsNewCategory() {
		Need need = individualNeed("邻居家空调滴水噪音扰民", "5号楼空调外机滴水并有噪音，希望社区调解。", Category.NEIGHBOR_DISPUTE);
		ProcessInstance instance = instanceOf(need);

		assertProblem(() -> stepChanges.returnTask(need.getId(), " ", SELF_GOVERNANCE), HttpStatus.BAD_REQUEST,
				"problem.field.required");
		assertThat(instance).isWaitingAtExactly(RESOLVE);
		assertThat(changes.findByNeedIdOrderByIdAsc(need.getId())).isEmpty();

		stepChanges.returnTask(need.getId(), "当事人生活困难，需要救助而非调解", SELF_GOVERNANCE);
		stepChanges.reroute(need.getId(), RerouteDecision.RECLASSIFY, null, null, "按困难救助重新分类", STEWARD);

		assertThat(instance).hasPassed("gateway_toClassification").isWaitingAtExactly(CLASSIFY);
		assertThat(historyOf(need.getId())).contains("重新派单：重新分类：按困难救助重新分类");
		needService.classify(need.getId(), new Classify(Category.HARDSHIP_RELIEF, Urgency.NORMAL, Scope.INDIVIDUAL), STEWARD);
		assertThat(instance).isWaitingAtExactly(RESOLVE);
		assertThat(task(RESOLVE, instance)).hasCandidateGroup("party:xingfu");
		assertThat(need(need.getId()).getLine()).isEqualTo(Line.PARTY);
	}

	// ---- transfer (转办) ---------------------------------------------------------------------------

	@Test
	void aStewardTransfersANeedWaitingForVerificationToTheCommunityItBelongsTo() {
		Need need = report("村口路灯不亮", "东山村村口的路灯坏了，晚上很黑。", 1, RESIDENT);
		ProcessInstance instance = instanceOf(need);

		assertProblem(() -> stepChanges.transfer(need.getId(), "nowhere", "地址不在本社区", STEWARD), HttpStatus.BAD_REQUEST,
				"problem.transfer.unknownCommunity");
		assertProblem(() -> stepChanges.transfer(need.getId(), COMMUNITY, "地址不在本社区", STEWARD), HttpStatus.BAD_REQUEST,
				"problem.transfer.sameCommunity");
		assertProblem(() -> stepChanges.transfer(need.getId(), "dongshan", "地址不在本社区", OTHER_STEWARD), HttpStatus.FORBIDDEN,
				"problem.need.stewardOnly");
		assertThat(instance).isWaitingAtExactly(VERIFY);
		assertThat(need(need.getId()).getCommunityCode()).isEqualTo(COMMUNITY);

		stepChanges.transfer(need.getId(), "dongshan", "地址在东山村村口，属东山村辖区", STEWARD);

		assertThat(instance).hasPassedInOrder("boundary_transferAtVerification", "gateway_joinTransfer",
				"serviceTask_transferNeed", "gateway_enterVerification").isWaitingAtExactly(VERIFY);
		assertThat(task(VERIFY, instance)).hasCandidateGroup("steward:dongshan");
		assertThat(instance).variables().containsEntry("communityCode", "dongshan");
		Need moved = need(need.getId());
		assertThat(moved.getCommunityCode()).isEqualTo("dongshan");
		assertThat(moved.getGridCode()).isNull();
		assertThat(historyOf(need.getId())).containsSubsequence("上报民需", "核实民需 · 待办",
				"转办：由幸福社区转至东山村：地址在东山村村口，属东山村辖区", "核实民需 · 待办");
		assertThat(notificationsAboutNeed(need.getId())).filteredOn(n -> n.getTitle().contains("转办"))
			.extracting(Notification::getRecipientGroup).containsExactlyInAnyOrder("steward:xingfu", "steward:dongshan");
		assertThat(changes.findByNeedIdOrderByIdAsc(need.getId())).singleElement().satisfies(c -> {
			assertThat(c.getKind()).isEqualTo(StepChange.Kind.TRANSFER);
			assertThat(c.getCommunityCode()).isEqualTo(COMMUNITY);
			assertThat(c.getTargetCommunity()).isEqualTo("dongshan");
		});
		// the old community's steward has no part in it any more; the new one verifies it
		assertProblem(() -> needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "属实"), STEWARD),
				HttpStatus.FORBIDDEN, null);
		needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "东山村已核实"), OTHER_STEWARD);
		assertThat(instance).isWaitingAtExactly(CLASSIFY);
	}

	@Test
	void aNeedIsTransferredWhileWaitingForClassificationOrWhenTheStewardReroutesIt() {
		Need atClassification = reportAndVerify("村口路灯不亮", "东山村村口的路灯坏了。", 1, RESIDENT);
		stepChanges.transfer(atClassification.getId(), "dongshan", "核实时发现地址属东山村", STEWARD);
		assertThat(instanceOf(atClassification)).hasPassed("boundary_transferAtClassification", "serviceTask_transferNeed")
			.isWaitingAtExactly(VERIFY);
		assertThat(task(VERIFY, instanceOf(atClassification))).hasCandidateGroup("steward:dongshan");

		Need returned = individualNeed("邻居家空调滴水噪音扰民", "空调外机滴水。", Category.NEIGHBOR_DISPUTE);
		ProcessInstance instance = instanceOf(returned);
		assertProblem(() -> stepChanges.transfer(returned.getId(), "dongshan", "地址不符", SELF_GOVERNANCE),
				HttpStatus.FORBIDDEN, "problem.need.stewardOnly");
		assertProblem(() -> stepChanges.transfer(returned.getId(), "dongshan", "地址不符", STEWARD), HttpStatus.CONFLICT,
				"problem.transfer.notAtStep");
		stepChanges.returnTask(returned.getId(), "地址在东山村，不是本社区居民", SELF_GOVERNANCE);
		assertProblem(() -> stepChanges.reroute(returned.getId(), RerouteDecision.TRANSFER, null, "nowhere", "转办", STEWARD),
				HttpStatus.BAD_REQUEST, "problem.transfer.unknownCommunity");
		assertThat(instance).isWaitingAtExactly(REROUTE);

		stepChanges.transfer(returned.getId(), "dongshan", "地址在东山村", STEWARD);

		assertThat(instance).hasPassedInOrder(REROUTE, "gateway_rerouteDecision", "gateway_joinTransfer",
				"serviceTask_transferNeed").isWaitingAtExactly(VERIFY);
		assertThat(task(VERIFY, instance)).hasCandidateGroup("steward:dongshan");
		assertThat(historyOf(returned.getId())).contains("转办：由幸福社区转至东山村：地址在东山村");
	}

	// ---- extension (延期) ---------------------------------------------------------------------------

	@Test
	void anExtensionGrantedMovesTheDueDateTheReminderAndTheEscalation() {
		Need need = report("楼道路灯坏了", "3号楼2单元楼道路灯不亮。", 1, RESIDENT);
		ProcessInstance instance = instanceOf(need);
		Task verify = openTask(instance, VERIFY);
		java.time.Instant due = verify.getDueDate().toInstant();
		java.time.Instant asked = due.plus(Duration.ofDays(1));

		StepChange request = stepChanges.requestExtension(need.getId(), null, asked, "需等待物业提供监控记录后才能核实", STEWARD);

		assertThat(instance).isWaitingAt(VERIFY, DECIDE_EXTENSION);
		assertThat(instance).hasPassed("startEvent_extensionRequested");
		assertThat(task(DECIDE_EXTENSION, instance)).as("幸福社区 has a stewards' lead").hasCandidateGroup("steward-lead:xingfu");
		assertThat(request.getTaskId()).isEqualTo(verify.getId());
		assertThat(request.getDueBefore()).isEqualTo(due);
		assertThat(need(need.getId()).getPhase()).as("the need stays at its step").isEqualTo(Phase.DISCOVER);
		assertThat(need(need.getId()).getLine()).isEqualTo(Line.STEWARD);
		assertThat(historyOf(need.getId())).contains("核实民需 · 申请延期至 2026-03-04 09:00：需等待物业提供监控记录后才能核实",
				"审批延期 · 待办");
		assertProblem(() -> stepChanges.requestExtension(need.getId(), verify.getId(), asked, "再申请一次", STEWARD),
				HttpStatus.CONFLICT, "problem.extension.notAllowed");

		assertProblem(() -> stepChanges.decideExtension(need.getId(), true, "同意", MANAGER), HttpStatus.FORBIDDEN,
				"problem.task.notYours");
		stepChanges.decideExtension(need.getId(), true, "同意", LEAD);

		assertThat(instance).hasPassedInOrder(DECIDE_EXTENSION, "gateway_extensionDecision", "serviceTask_extendStep",
				"endEvent_extended").isWaitingAtExactly(VERIFY);
		Task extended = openTask(instance, VERIFY);
		assertThat(extended.getId()).as("the same task, still held").isEqualTo(verify.getId());
		assertThat(extended.getDueDate().toInstant()).isEqualTo(asked);
		List<Job> timers = taskTimers(extended);
		assertThat(timers).hasSize(2);
		assertThat(timers.get(0).getDuedate().toInstant()).as("the reminder").isEqualTo(asked);
		assertThat(timers.get(1).getDuedate().toInstant()).as("the escalation").isEqualTo(asked.plus(Duration.ofDays(1)));
		assertThat(changes.findById(request.getId()).orElseThrow()).satisfies(c -> {
			assertThat(c.getStatus()).isEqualTo(StepChange.Status.GRANTED);
			assertThat(c.getDecidedBy()).isEqualTo(LEAD.userId());
		});
		assertThat(historyOf(need.getId())).contains("核实民需 · 延期已批准，截止时间改为 2026-03-04 09:00");
		assertThat(notificationsAboutNeed(need.getId())).anySatisfy(n -> {
			assertThat(n.getRecipientUser()).isEqualTo(STEWARD.userId());
			assertThat(n.getTitle()).isEqualTo("延期已批准：核实民需");
		});

		// the reminder now comes at the new due date, not the old one
		fire(timers.get(0));
		assertThat(notificationsAboutNeed(need.getId())).filteredOn(n -> n.getTitle().startsWith("催办"))
			.singleElement().satisfies(n -> assertThat(n.getCreatedAt()).isAfter(asked));
	}

	@Test
	void anExtensionRefusedLeavesTheTimesAsTheyWereAndTellsTheLineWhy() {
		Need need = individualNeed("邻居家空调滴水噪音扰民", "5号楼空调外机滴水并有噪音。", Category.NEIGHBOR_DISPUTE);
		ProcessInstance instance = instanceOf(need);
		Task resolve = openTask(instance, RESOLVE);
		java.time.Instant due = resolve.getDueDate().toInstant();

		assertProblem(() -> stepChanges.requestExtension(need.getId(), resolve.getId(), due.minus(Duration.ofHours(1)), "理由",
				SELF_GOVERNANCE), HttpStatus.BAD_REQUEST, "problem.extension.dueNotLater");
		assertProblem(() -> stepChanges.requestExtension(need.getId(), resolve.getId(), due.plus(Duration.ofDays(8)), "理由",
				SELF_GOVERNANCE), HttpStatus.BAD_REQUEST, "problem.extension.tooLong");
		assertProblem(() -> stepChanges.requestExtension(need.getId(), resolve.getId(), due.plus(Duration.ofDays(2)), "",
				SELF_GOVERNANCE), HttpStatus.BAD_REQUEST, "problem.field.required");
		// the party line holds no step of this need: a stranger to it, refused as on its page
		assertProblem(() -> stepChanges.requestExtension(need.getId(), resolve.getId(), due.plus(Duration.ofDays(2)), "理由",
				PARTY), HttpStatus.FORBIDDEN, "problem.need.notYours");
		assertThat(instance).isWaitingAtExactly(RESOLVE);

		stepChanges.requestExtension(need.getId(), resolve.getId(), due.plus(Duration.ofDays(7)), "双方当事人外出，下周才能调解",
				SELF_GOVERNANCE);
		assertProblem(() -> stepChanges.decideExtension(need.getId(), false, null, LEAD), HttpStatus.BAD_REQUEST,
				"problem.field.required");
		assertProblem(() -> stepChanges.decideExtension(need.getId(), true, null, STEWARD), HttpStatus.FORBIDDEN,
				"problem.task.notYours");
		stepChanges.decideExtension(need.getId(), false, "调解可电话先行，不予延期", LEAD);

		assertThat(instance).hasPassed("endEvent_extensionRefused").hasNotPassed("serviceTask_extendStep")
			.isWaitingAtExactly(RESOLVE);
		assertThat(openTask(instance, RESOLVE).getDueDate().toInstant()).isEqualTo(due);
		assertThat(taskTimers(resolve).get(0).getDuedate().toInstant()).isEqualTo(due);
		assertThat(historyOf(need.getId())).contains("办理个人需求 · 延期未获批准：调解可电话先行，不予延期");
		assertThat(notificationsAboutNeed(need.getId())).anySatisfy(n -> {
			assertThat(n.getRecipientUser()).isEqualTo(SELF_GOVERNANCE.userId());
			assertThat(n.getTitle()).isEqualTo("延期未获批准：办理个人需求");
			assertThat(n.getBody()).isEqualTo("调解可电话先行，不予延期");
		});
		assertProblem(() -> stepChanges.requestExtension(need.getId(), resolve.getId(), due.plus(Duration.ofDays(2)), "再申请",
				SELF_GOVERNANCE), HttpStatus.CONFLICT, "problem.extension.notAllowed");
	}

	@Test
	void anExtensionGrantedAfterTheStepWasDoneMovesNothing() {
		Need need = report("楼道路灯坏了", "3号楼2单元楼道路灯不亮。", 1, RESIDENT);
		ProcessInstance instance = instanceOf(need);
		java.time.Instant asked = openTask(instance, VERIFY).getDueDate().toInstant().plus(Duration.ofHours(12));
		stepChanges.requestExtension(need.getId(), null, asked, "需再次上门", STEWARD);
		assertProblem(() -> stepChanges.requestExtension(need.getId(), null, asked, "需再次上门", STEWARD), HttpStatus.CONFLICT,
				"problem.extension.notAllowed");

		needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "已上门核实"), STEWARD);
		stepChanges.decideExtension(need.getId(), true, null, LEAD);

		assertThat(instance).hasPassed("endEvent_extended").isWaitingAtExactly(CLASSIFY);
		assertThat(historyOf(need.getId())).contains("核实民需 · 延期至 2026-03-03 21:00 已批准，但该步骤已办结");
	}

	@Test
	void inACommunityWithoutAStewardsLeadTheManagerDecidesTheExtension() {
		Need need = needService.report(new cn.needsloop.intake.NeedRequests.ReportNeed("dongshan", "dongshan-01",
				cn.needsloop.shared.Channel.ONLINE, "村口路灯坏了", "村口的路灯不亮。", "马大山", "13700000002", 1), RESIDENT);
		ProcessInstance instance = instanceOf(need);
		java.time.Instant asked = openTask(instance, VERIFY).getDueDate().toInstant().plus(Duration.ofDays(1));

		stepChanges.requestExtension(need.getId(), null, asked, "村里修路，明天才能进村", OTHER_STEWARD);

		assertThat(task(DECIDE_EXTENSION, instance)).hasCandidateGroup("manager");
		assertThat(taskService.getVariableLocal(task(DECIDE_EXTENSION, instance).getId(), "line")).isEqualTo("MANAGER");
		assertProblem(() -> stepChanges.decideExtension(need.getId(), true, null, LEAD), HttpStatus.FORBIDDEN, null);
		stepChanges.decideExtension(need.getId(), true, "同意", MANAGER);
		assertThat(openTask(instance, VERIFY).getDueDate().toInstant()).isEqualTo(asked);
		assertThat(historyEntriesOf(need.getId())).anySatisfy(e -> {
			assertThat(e.getActivity()).isEqualTo("核实民需 · 延期已批准，截止时间改为 " + StepChangeService.format(asked));
			assertThat(e.getLine()).isEqualTo(Line.MANAGER);
		});
	}

	@Test
	void anExtensionGrantedAfterTheStepWasRemindedAndEscalatedSetsBothTimersAgainFromTheNewDueDate() {
		Need need = report("楼道路灯坏了", "3号楼2单元楼道路灯不亮。", 1, RESIDENT);
		ProcessInstance instance = instanceOf(need);
		Task verify = openTask(instance, VERIFY);
		java.time.Instant due = verify.getDueDate().toInstant();
		fire(taskTimers(verify).get(0));
		fire(taskTimers(verify).get(0));
		assertThat(taskTimers(verify)).as("both fired").isEmpty();
		Task supervision = taskService.createTaskQuery().taskVariableValueEquals("escalatedTaskId", verify.getId())
			.singleResult();
		assertThat(supervision).as("escalated to the manager").isNotNull();
		java.time.Instant asked = due.plus(Duration.ofDays(2));
		assertProblem(() -> stepChanges.requestExtension(need.getId(), null, now().minus(Duration.ofHours(1)), "理由", STEWARD),
				HttpStatus.BAD_REQUEST, "problem.extension.dueNotLater");

		stepChanges.requestExtension(need.getId(), null, asked, "居民外出，后天才能上门核实", STEWARD);
		stepChanges.decideExtension(need.getId(), true, "同意", LEAD);

		assertThat(openTask(instance, VERIFY).getDueDate().toInstant()).isEqualTo(asked);
		List<Job> timers = taskTimers(verify);
		assertThat(timers).as("the reminder and the escalation, set again").hasSize(2);
		assertThat(timers.get(0).getDuedate().toInstant()).as("the reminder").isEqualTo(asked);
		assertThat(timers.get(1).getDuedate().toInstant()).as("the escalation").isEqualTo(asked.plus(Duration.ofDays(1)));
		assertThat(taskService.createTaskQuery().taskId(supervision.getId()).count()).as("supervision withdrawn").isZero();
		assertThat(historyService.createHistoricTaskInstanceQuery().taskId(supervision.getId()).singleResult()
			.getDeleteReason()).isEqualTo("原任务已批准延期，不再逾期");

		// nothing fires before the new due date; then the reminder, then the escalation, as for the first one
		clockAt(asked.minus(Duration.ofMinutes(1)));
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().executable().count())
			.isZero();
		int reminders = (int) notificationsAboutNeed(need.getId()).stream().filter(n -> n.getTitle().startsWith("催办")).count();
		fire(timers.get(0));
		assertThat(notificationsAboutNeed(need.getId())).filteredOn(n -> n.getTitle().startsWith("催办")).hasSize(reminders + 1);
		fire(timers.get(1));
		assertThat(taskService.createTaskQuery().taskVariableValueEquals("escalatedTaskId", verify.getId()).count())
			.as("escalated again, a day after the new due date").isEqualTo(1);
		assertThat(instance).isWaitingAtExactly(VERIFY);
	}

	// ---- reminders and escalation --------------------------------------------------------------

	@Test
	void overdueTaskRemindsTheGroupItIsOfferedTo() {
		Need need = report("楼道路灯坏了", "3号楼2单元楼道路灯不亮。", 1, RESIDENT);
		ProcessInstance instance = instanceOf(need);
		Task verify = openTask(instance, VERIFY);
		List<Job> timers = taskTimers(verify);
		assertThat(timers).hasSize(2);
		Job reminder = timers.get(0);
		assertThat(reminder.getDuedate()).isEqualTo(verify.getDueDate());

		fire(reminder);

		assertThat(notificationsAboutNeed(need.getId())).filteredOn(n -> n.getTitle().startsWith("催办"))
			.singleElement().satisfies(n -> {
				assertThat(n.getRecipientGroup()).isEqualTo("steward:xingfu");
				assertThat(n.getTitle()).isEqualTo("催办：核实民需 已到期");
				assertThat(n.getTaskId()).isEqualTo(verify.getId());
				assertThat(n.getCreatedAt()).isAfter(verify.getDueDate().toInstant());
			});
		assertThat(historyOf(need.getId())).contains("核实民需 · 到期催办");
		assertThat(instance).isWaitingAtExactly(VERIFY);
		assertThat(openTask(instance, VERIFY).getId()).as("the reminder does not interrupt").isEqualTo(verify.getId());
		assertThat(taskTimers(verify)).as("only the escalation is left").hasSize(1);
	}

	@Test
	void taskStillOpenADayAfterItsDueDateIsEscalatedToTheManagerUntilItIsDone() {
		Need need = report("楼道路灯坏了", "3号楼2单元楼道路灯不亮。", 1, RESIDENT);
		ProcessInstance instance = instanceOf(need);
		Task verify = openTask(instance, VERIFY);
		Job escalation = taskTimers(verify).get(1);
		assertThat(escalation.getDuedate().toInstant())
			.isEqualTo(verify.getDueDate().toInstant().plus(Duration.ofDays(1)));

		fire(escalation);

		Task supervision = taskService.createTaskQuery().taskCandidateGroup("manager")
			.taskVariableValueEquals("escalatedTaskId", verify.getId()).singleResult();
		assertThat(supervision).isNotNull();
		assertThat(supervision.getProcessInstanceId()).as("a standalone task").isNull();
		assertThat(supervision.getName()).isEqualTo("督办：核实民需（民需 #" + need.getId() + "）");
		assertThat(taskService.getVariableLocal(supervision.getId(), "escalatedTaskId")).isEqualTo(verify.getId());
		assertThat(taskService.getVariableLocal(supervision.getId(), "needId")).isEqualTo(need.getId());
		assertThat(notificationsAboutNeed(need.getId())).anySatisfy(n -> {
			assertThat(n.getRecipientGroup()).isEqualTo("manager");
			assertThat(n.getTitle()).isEqualTo("逾期督办：核实民需");
			assertThat(n.getTaskId()).isEqualTo(supervision.getId());
		});
		assertThat(historyOf(need.getId())).contains("核实民需 · 逾期，转街道督办");
		assertThat(instance).isWaitingAtExactly(VERIFY);

		needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "已核实"), STEWARD);

		assertThat(taskService.createTaskQuery().taskId(supervision.getId()).count()).as("supervision closed").isZero();
		assertThat(historyService.createHistoricTaskInstanceQuery().taskId(supervision.getId()).singleResult()
			.getDeleteReason()).isEqualTo("原任务已办结");
		assertThat(instance).isWaitingAtExactly(CLASSIFY);
	}

	// ---- urgency read from the text -------------------------------------------------------------

	@Test
	void aNeedWhoseTextShowsDangerToLifeReachesTheStewardAtOnceWithAShortLimitAndEscalatesAnHourLater() {
		Need need = report("最近心里很难受", "这几天老想着从楼上跳下去算了，活着太累了。", 1, RESIDENT);
		ProcessInstance instance = instanceOf(need);

		Need reported = need(need.getId());
		assertThat(reported.isTextUrgent()).isTrue();
		assertThat(reported.isReportedUrgent()).isFalse();
		assertThat(reported.getProposedCategory()).isEqualTo(Category.MENTAL_HEALTH);
		assertThat(reported.getProposedUrgency()).isEqualTo(Urgency.URGENT);
		assertThat(reported.getUrgencyWords()).isNotEmpty();
		assertThat(reported.getDecisiveWords()).isNotEmpty();
		assertThat(reported.getUnderstandingModel()).isEqualTo(cn.needsloop.understanding.TextModels.SHIPPED_VERSION);
		assertThat(instance).variables().containsEntry("urgent", true);
		assertThat((String) runtimeService.getVariable(instance.getId(), "textReading")).startsWith("建议类别：心理关怀")
			.contains("紧急：是");

		// at once: the steward line is told, marked urgent, and the verification is due within the hour
		Task verify = openTask(instance, VERIFY);
		assertThat(verify.getDueDate().toInstant()).isEqualTo(START.plus(Duration.ofHours(1)));
		assertThat(reported.getVerificationDueAt()).isEqualTo(START.plus(Duration.ofHours(1)));
		assertThat(notificationsAboutNeed(need.getId())).singleElement().satisfies(n -> {
			assertThat(n.getRecipientGroup()).isEqualTo("steward:xingfu");
			assertThat(n.getTitle()).isEqualTo("【紧急】新任务：核实民需");
			assertThat(n.getCreatedAt()).isEqualTo(START);
		});

		// an hour after it is due (not a day), the manager is asked to supervise
		List<Job> timers = taskTimers(verify);
		assertThat(timers.get(0).getDuedate().toInstant()).isEqualTo(START.plus(Duration.ofHours(1)));
		assertThat(timers.get(1).getDuedate().toInstant()).isEqualTo(START.plus(Duration.ofHours(2)));
		fire(timers.get(1));
		assertThat(notificationsAboutNeed(need.getId())).anySatisfy(n -> {
			assertThat(n.getRecipientGroup()).isEqualTo("manager");
			assertThat(n.getTitle()).isEqualTo("逾期督办：核实民需");
		});

		// the classification proposal keeps it URGENT whatever its category, and is due within two hours
		java.time.Instant verifiedAt = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
		needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "已电话联系本人和家属"), STEWARD);
		assertThat(instance).isWaitingAtExactly(CLASSIFY);
		assertThat(instance).variables().containsEntry("category", "MENTAL_HEALTH").containsEntry("urgency", "URGENT")
			.containsEntry("stewardLook", false);
		assertThat(openTask(instance, CLASSIFY).getDueDate().toInstant()).isEqualTo(verifiedAt.plus(Duration.ofHours(2)));
		assertThat(notificationsAboutNeed(need.getId())).anySatisfy(
				n -> assertThat(n.getTitle()).isEqualTo("【紧急】新任务：分类汇总"));
	}

	@Test
	void anOrdinaryNeedKeepsTheOrdinaryLimitsAndTheStewardSeesTheWordsThatDecided() {
		Need need = report("楼上太吵", "楼上天天半夜蹦跶，说了好几次都不听。", 1, RESIDENT);
		ProcessInstance instance = instanceOf(need);

		assertThat(instance).variables().containsEntry("urgent", false);
		assertThat(openTask(instance, VERIFY).getDueDate().toInstant()).isEqualTo(START.plus(Duration.ofHours(24)));
		Need reported = need(need.getId());
		assertThat(reported.getProposedCategory()).isEqualTo(Category.NEIGHBOR_DISPUTE);
		assertThat(reported.getProposedUrgency()).isNull();
		assertThat(reported.getDecisiveWords()).isNotEmpty()
			.allSatisfy(w -> assertThat("楼上太吵。楼上天天半夜蹦跶，说了好几次都不听。").contains(w));
		assertThat((String) runtimeService.getVariable(instance.getId(), "textReading")).startsWith("建议类别：邻里纠纷")
			.contains("依据：" + reported.getDecisiveWords().get(0)).endsWith("紧急：否");

		needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "已上门核实"), STEWARD);
		assertThat(instance).variables().containsEntry("category", "NEIGHBOR_DISPUTE").containsEntry("urgency", "NORMAL");
	}

	@Test
	void aReportersOwnUrgentIsNeverLowered() {
		Need need = needService.report(new cn.needsloop.intake.NeedRequests.ReportNeed(COMMUNITY, "xingfu-01",
				cn.needsloop.shared.Channel.ONLINE, "想问问办事时间", "社区周六有人上班吗？我有急事要办。", "刘秀英", "13800000001", 1,
				true), RESIDENT);
		ProcessInstance instance = instanceOf(need);
		assertThat(need(need.getId()).isReportedUrgent()).isTrue();
		assertThat(instance).variables().containsEntry("urgent", true);
		assertThat(openTask(instance, VERIFY).getDueDate().toInstant()).isEqualTo(START.plus(Duration.ofHours(1)));

		needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "已核实"), STEWARD);
		assertThat(instance).variables().containsEntry("urgency", "URGENT");
		needService.classify(need.getId(), new Classify(Category.OTHER, Urgency.LOW, Scope.INDIVIDUAL), STEWARD);
		assertThat(need(need.getId()).getUrgency()).isEqualTo(Urgency.URGENT);
	}

	// ---- settled on the spot (就地办结) ------------------------------------------------------------

	static final String SETTLE = "userTask_settleOnSpot";

	static final Actor GRID1 = new Actor("grid1", List.of("grid:xingfu-01"));

	static final Actor GRID2 = new Actor("grid2", List.of("grid:xingfu-02"));

	@org.springframework.beans.factory.annotation.Autowired
	cn.needsloop.field.PatrolService patrolService;

	@org.springframework.beans.factory.annotation.Autowired
	cn.needsloop.field.SpotSettlements spotSettlements;

	@org.springframework.beans.factory.annotation.Autowired
	cn.needsloop.evidence.Evidence evidence;

	@org.springframework.beans.factory.annotation.Autowired
	org.camunda.bpm.engine.IdentityService identityService;

	/** grid1's patrol of the test's Monday (planned once). */
	private Long gridPatrol() {
		patrolService.plan(java.time.LocalDate.of(2026, 3, 2));
		return patrolService.open(GRID1).get(0).getId();
	}

	private cn.needsloop.field.PatrolService.Reported spotFinding(Category category, String cost, boolean urgent) {
		return patrolService.report(gridPatrol(), new cn.needsloop.field.PatrolService.Finding(null, "3号楼东侧路灯",
				"路灯不亮", "3号楼东侧路灯不亮，晚上看不清路。", urgent, "王建国", "13900000001", category,
				new java.math.BigDecimal(cost)), GRID1);
	}

	private void afterPhoto(Need need) {
		try {
			evidence.upload(cn.needsloop.evidence.CaseKind.NEED, need.getId(), cn.needsloop.evidence.EvidenceStep.SPOT_SETTLEMENT,
					"after.jpg", cn.needsloop.evidence.TestFiles.jpegWithGps(64, 48, 1), GRID1);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Completes a task in the engine as a person would in Tasklist, without the app's checks in front. */
	private void completeInEngine(Task task, Actor actor, Map<String, Object> variables) {
		identityService.setAuthentication(actor.userId(), actor.groups());
		try {
			taskService.complete(task.getId(), variables);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	@Test
	void aGridWorkersSmallFindingIsSettledOnTheSpotWithAPhotoAndTheResidentStillConfirmsIt() {
		cn.needsloop.field.PatrolService.Reported reported = spotFinding(Category.FACILITIES, "80", false);
		Need need = reported.need();
		ProcessInstance instance = instanceOf(need);
		assertThat(reported.spotSettlement()).isEqualTo("ON_SPOT");
		assertThat(instance).hasPassedInOrder(VERIFY, "serviceTask_proposeClassification", "gateway_spotSettlementAsked",
				"businessRuleTask_decideSpotSettlement", "gateway_spotSettlement").isWaitingAtExactly(SETTLE);
		assertThat(task(SETTLE, instance)).isAssignedTo("grid1");
		assertThat(need(need.getId()).getPhase()).isEqualTo(Phase.IMPLEMENT);

		// no after-photo: refused, the step stays open
		assertProblem(() -> patrolService.settleOnSpot(need.getId(), "更换灯泡，路灯已亮", GRID1), HttpStatus.CONFLICT,
				"problem.evidence.required");
		assertThat(instance).isWaitingAtExactly(SETTLE);
		// another grid's worker may not; nor a steward through Tasklist, where the step's own rule holds
		assertProblem(() -> patrolService.settleOnSpot(need.getId(), "已处理", GRID2), HttpStatus.FORBIDDEN, null);
		afterPhoto(need);
		assertProblem(() -> completeInEngine(openTask(instance, SETTLE), STEWARD, Map.of("resolutionNote", "已处理")),
				HttpStatus.FORBIDDEN, "problem.spot.gridWorkersOnly");
		assertThat(instance).isWaitingAtExactly(SETTLE);

		patrolService.settleOnSpot(need.getId(), "更换灯泡，路灯已亮", GRID1);
		assertThat(instance).hasPassed(SETTLE).hasNotPassed(CLASSIFY, RESOLVE).isWaitingAtExactly(CONFIRM);
		Need settled = need(need.getId());
		assertThat(settled.getCategory()).isEqualTo(Category.FACILITIES);
		assertThat(settled.getScope()).isEqualTo(Scope.INDIVIDUAL);
		assertThat(settled.getResolutionNote()).isEqualTo("更换灯泡，路灯已亮");
		assertThat(settled.getPhase()).isEqualTo(Phase.EVALUATE);
		cn.needsloop.field.SpotSettlement record = spotSettlements.findByNeedId(need.getId()).orElseThrow();
		assertThat(record.getSettledBy()).isEqualTo("grid1");
		assertThat(record.getGridCode()).isEqualTo("xingfu-01");
		assertThat(record.getEstimatedCost()).isEqualByComparingTo("80");
		// the resident's return visit is the steward's, never the settler's own
		assertThat(task(CONFIRM, instance)).hasCandidateGroup("steward:xingfu");
		assertThat(taskService.getIdentityLinksForTask(openTask(instance, CONFIRM).getId()))
			.noneMatch(l -> "grid1".equals(l.getUserId()));
		assertProblem(() -> needService.confirm(need.getId(), new Confirm(5, "好"), GRID1), HttpStatus.FORBIDDEN, null);
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> completeInEngine(openTask(instance, CONFIRM), GRID1, Map.of("needScore", 5)))
			.as("nor in Tasklist: the engine does not let a non-candidate work the task")
			.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);

		needService.confirm(need.getId(), new Confirm(5, "回访：居民说路灯已亮"), STEWARD);
		assertThat(instance).hasPassedInOrder(CONFIRM, "businessRuleTask_decideNeedOutcome", "serviceTask_closeResolved",
				"endEvent_resolved").isEnded();
		assertThat(need(need.getId()).getOutcome()).isEqualTo(Outcome.RESOLVED);
		assertThat(historyOf(need.getId())).contains("就地办结 · 待办", "就地办结 · 完成", "居民确认 · 完成");
	}

	@Test
	void aSpotSettlementTheResidentIsUnhappyWithIsReopenedAndGoesTheStewardsWay() {
		Need need = spotFinding(Category.ENVIRONMENT, "0", false).need();
		ProcessInstance instance = instanceOf(need);
		afterPhoto(need);
		patrolService.settleOnSpot(need.getId(), "清理了楼下堆放的杂物", GRID1);
		needService.confirm(need.getId(), new Confirm(1, "杂物又堆回来了"), STEWARD);
		assertThat(instance).hasPassed("serviceTask_reopenNeed").isWaitingAtExactly(VERIFY);
		assertThat(need(need.getId()).getRound()).isEqualTo(2);

		needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "复核属实"), STEWARD);
		assertThat(instance).as("a reopened need is not settled on the spot again").isWaitingAtExactly(CLASSIFY);
		assertThat(openTasks(instance, SETTLE)).isEmpty();
	}

	@ParameterizedTest(name = "[{index}] {0}, {1} yuan, urgent {2} -> {3}")
	@CsvSource({ "FACILITIES, 80, true, URGENT", "ENVIRONMENT, 800, false, COSTLY", "ELDERLY_CARE, 0, false, NOT_SMALL" })
	void aFindingTheTableRefusesToSettleOnTheSpotGoesToTheStewardsClassification(Category category, String cost,
			boolean urgent, String answer) {
		cn.needsloop.field.PatrolService.Reported reported = spotFinding(category, cost, urgent);
		ProcessInstance instance = instanceOf(reported.need());
		assertThat(reported.spotSettlement()).isEqualTo(answer);
		assertThat(reported.mayBeSettledOnSpot()).isFalse();
		assertThat(instance).hasPassed("businessRuleTask_decideSpotSettlement").isWaitingAtExactly(CLASSIFY);
		assertProblem(() -> patrolService.settleOnSpot(reported.need().getId(), "已处理", GRID1), HttpStatus.CONFLICT,
				"problem.need.notAtStep.settleOnSpot");
	}

	@Test
	void askingToSettleOnTheSpotWithoutACostOrCategoryIsRefusedAndReportsNothing() {
		long before = needs.count();
		Long patrol = gridPatrol();
		assertProblem(() -> patrolService.report(patrol, new cn.needsloop.field.PatrolService.Finding(null, "3号楼",
				"路灯不亮", "路灯不亮", false, null, "13900000001", Category.FACILITIES, null), GRID1),
				HttpStatus.BAD_REQUEST, "estimatedCost");
		assertProblem(() -> patrolService.report(patrol, new cn.needsloop.field.PatrolService.Finding(null, "3号楼",
				"路灯不亮", "路灯不亮", false, null, "13900000001", Category.FACILITIES, new java.math.BigDecimal("-1")), GRID1),
				HttpStatus.BAD_REQUEST, "estimatedCost");
		assertProblem(() -> patrolService.report(patrol, new cn.needsloop.field.PatrolService.Finding(null, "3号楼",
				"路灯不亮", "路灯不亮", false, null, "13900000001", null, java.math.BigDecimal.TEN), GRID1),
				HttpStatus.BAD_REQUEST, "spotCategory");
		assertThat(needs.count()).isEqualTo(before);
	}

	// ---- time limits from the table (time-limits.dmn) ----------------------------------------------

	@org.springframework.beans.factory.annotation.Autowired
	cn.needsloop.process.DecisionTables decisionTables;

	@org.springframework.beans.factory.annotation.Autowired
	cn.needsloop.calendar.WorkingCalendar workingCalendar;

	@Test
	void anUrgentSafetyNeedIsVerifiedWithinTwoHoursAndTheTaskKeepsTheTableVersionThatSaidSo() {
		Need need = needService.report(new cn.needsloop.intake.NeedRequests.ReportNeed(COMMUNITY, "xingfu-01",
				cn.needsloop.shared.Channel.ONLINE, "楼道里有很重的煤气味", "3号楼2单元楼道里煤气味很重，怀疑燃气管道泄漏，怕爆炸。",
				"刘秀英", "13800000001", 1, true), RESIDENT);
		ProcessInstance instance = instanceOf(need);
		assertThat(need(need.getId()).getProposedCategory()).isEqualTo(Category.SAFETY);
		assertThat(instance).variables().containsEntry("urgent", true).containsEntry("proposedCategory", "SAFETY")
			.containsEntry("channel", "ONLINE");

		Task verify = openTask(instance, VERIFY);
		assertThat(verify.getDueDate().toInstant()).isEqualTo(START.plus(Duration.ofHours(2)));
		assertThat(need(need.getId()).getVerificationDueAt()).isEqualTo(START.plus(Duration.ofHours(2)));
		int version = decisionTables.latest(Workflow.Decision.TIME_LIMIT).version();
		assertThat(taskService.getVariableLocal(verify.getId(), "timeLimitVersion")).isEqualTo(version);
		assertThat(taskService.getVariableLocal(verify.getId(), "timeLimit")).isEqualTo("PT2H");
		// the reminder when it is due, the escalation an hour later (the table's urgent escalation)
		List<Job> timers = taskTimers(verify);
		assertThat(timers.get(0).getDuedate().toInstant()).isEqualTo(START.plus(Duration.ofHours(2)));
		assertThat(timers.get(1).getDuedate().toInstant()).isEqualTo(START.plus(Duration.ofHours(3)));
	}

	@Test
	void aHotlineNeedIsVerifiedWithinOneWorkingDay() {
		Need need = needService.report(new cn.needsloop.intake.NeedRequests.ReportNeed(COMMUNITY, "xingfu-01",
				cn.needsloop.shared.Channel.HOTLINE_12345, "12345转办：小区路灯不亮", "市民来电反映小区东门路灯不亮一周。",
				"刘秀英", "13800000001", 1), RESIDENT);
		ProcessInstance instance = instanceOf(need);
		assertThat(instance).variables().containsEntry("urgent", false).containsEntry("channel", "HOTLINE_12345");

		Task verify = openTask(instance, VERIFY);
		java.time.Instant oneWorkingDay = workingCalendar
			.plusWorkingDays(START.atZone(cn.needsloop.shared.ChinaTime.ZONE), 1).toInstant();
		assertThat(verify.getDueDate().toInstant()).isEqualTo(oneWorkingDay);
		assertThat(taskService.getVariableLocal(verify.getId(), "timeLimit")).isEqualTo("1WD");
		assertThat(taskTimers(verify).get(1).getDuedate().toInstant()).isEqualTo(oneWorkingDay.plus(Duration.ofDays(1)));
	}

	@Test
	void everyStepOfTheLoopRecordsTheLimitThatDatedIt() {
		long timeLimitDecisions = historyService.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey(Workflow.Decision.TIME_LIMIT)
			.count();
		Need need = reportAndVerify("楼道路灯坏了", "3号楼2单元楼道路灯不亮。", 1, RESIDENT);
		ProcessInstance instance = instanceOf(need);
		int version = decisionTables.latest(Workflow.Decision.TIME_LIMIT).version();

		Task classify = openTask(instance, CLASSIFY);
		assertThat(classify.getDueDate().toInstant()).isEqualTo(START.plus(Duration.ofDays(2)));
		assertThat(taskService.getVariablesLocal(classify.getId())).containsEntry("timeLimitVersion", version)
			.containsEntry("timeLimit", "P2D");
		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
			.variableName("timeLimitVersion").list()).as("the verification's, kept in history, and the classification's")
			.hasSize(2);
		// the limit is a lookup the task records itself: no decision history row for each of its reads
		assertThat(historyService.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey(Workflow.Decision.TIME_LIMIT)
			.count()).isEqualTo(timeLimitDecisions);
	}
}
