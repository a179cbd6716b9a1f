package cn.needsloop.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import cn.needsloop.admission.WorkItemRequests.ContractReview;
import cn.needsloop.admission.WorkItemRequests.SubmitWorkItem;
import cn.needsloop.process.Workflow;
import cn.needsloop.notification.Notification;
import cn.needsloop.notification.Notifications;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.support.AppContext;
import cn.needsloop.support.ProcessCoverageAtLeast;

/** Every path of {@code work-item-admission.bpmn}. */
@AppContext
@ProcessCoverageAtLeast(process = Workflow.WORK_ITEM_ADMISSION)
class WorkItemAdmissionProcessTests {

	static final Actor MANAGER = new Actor("manager1", List.of("manager"));

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identity;

	@Autowired
	WorkItemService service;

	@Autowired
	WorkItems workItems;

	@Autowired
	Notifications notifications;

	@BeforeEach
	void initAssertions() {
		AbstractAssertions.init(engine);
	}

	@Test
	void admitsItemOnTheListAndTellsEachCommunitysSelfGovernanceLine() {
		WorkItem item = service.submit(new SubmitWorkItem("烟台市芝罘区民政局", "居民最低生活保障申请受理与入户调查",
				"《社会救助暂行办法》第十一条", "MIN_LIVING_ALLOWANCE", List.of("xingfu", "dongshan"), false, null), MANAGER);

		assertThat(passed(item)).containsExactly("startEvent_workItemSubmitted", "businessRuleTask_checkAdmissionList",
				"serviceTask_recordAdmissionDecision", "gateway_onAdmissionList", "gateway_toCommunities",
				"serviceTask_notifySelfGovernance", "endEvent_handedToCommunities");
		WorkItem admitted = workItems.require(item.getId());
		assertThat(admitted.getStatus()).isEqualTo(WorkItemStatus.ADMITTED);
		assertThat(admitted.getAdmitted()).isTrue();
		assertThat(admitted.getRuleId()).isEqualTo("ZR-01");
		assertThat(admitted.getRuleText()).startsWith("《社区工作事项准入清单》第1项");
		assertThat(groupNotifications("selfgov:xingfu")).anySatisfy(n -> assertThat(n.getBody()).contains("#" + item.getId()));
		assertThat(groupNotifications("selfgov:dongshan")).anySatisfy(n -> assertThat(n.getBody()).contains("#" + item.getId()));
	}

	@Test
	void keepsTheVersionOfTheListThatDecidedAndTheDecisionInHistory() {
		WorkItem item = service.submit(new SubmitWorkItem("市退役军人事务局", "优抚对象信息采集", "《退役军人保障法》",
				"VETERAN_SERVICE", List.of("xingfu"), false, null), MANAGER);

		WorkItem decided = workItems.require(item.getId());
		HistoricDecisionInstance decision = history.createHistoricDecisionInstanceQuery()
			.processInstanceId(decided.getProcessInstanceId())
			.singleResult();
		assertThat(decided.getDecisionDefinitionKey()).isEqualTo(Workflow.Decision.WORK_ITEM_ADMISSION);
		assertThat(decided.getDecisionDefinitionId()).isEqualTo(decision.getDecisionDefinitionId());
		assertThat(decided.getDecisionVersion()).isPositive();
		assertThat(decided.getRuleId()).isEqualTo("ZR-06");
	}

	@Test
	void refusesUnlistedItemWithTheRuleAndTellsTheDepartment() {
		WorkItem item = service.submit(new SubmitWorkItem("市统计局", "统计辖区企业经营数据", "市统计局年度统计调查通知", null,
				List.of("xingfu"), false, null), MANAGER);

		assertThat(passed(item)).containsExactly("startEvent_workItemSubmitted", "businessRuleTask_checkAdmissionList",
				"serviceTask_recordAdmissionDecision", "gateway_onAdmissionList", "gateway_purchaseOffered",
				"gateway_toRefusal", "serviceTask_refuseWorkItem", "endEvent_refused");
		WorkItem refused = workItems.require(item.getId());
		assertThat(refused.getStatus()).isEqualTo(WorkItemStatus.REFUSED);
		assertThat(refused.getRuleId()).isEqualTo("WLR");
		assertThat(refused.getRuleText()).contains("未列入《社区工作事项准入清单》");
		assertThat(userNotifications("manager1")).anySatisfy(n -> {
			assertThat(n.getTitle()).startsWith("工作事项不予准入");
			assertThat(n.getBody()).contains("未列入《社区工作事项准入清单》");
		});
	}

	@Test
	void sendsUnlistedPurchasedServiceToTheManagerWhoApprovesTheContract() {
		WorkItem item = service.submit(new SubmitWorkItem("市住建局", "老旧小区改造居民意见征集", "市住建局老旧小区改造实施方案",
				null, List.of("xingfu"), true, new BigDecimal("50000")), MANAGER);

		ProcessInstance pi = instance(item);
		BpmnAwareTests.assertThat(pi).isWaitingAt("userTask_reviewServiceContract");
		BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("manager");
		assertThat(workItems.require(item.getId()).getStatus()).isEqualTo(WorkItemStatus.CONTRACT_REVIEW);

		service.reviewContract(item.getId(), new ContractReview(true, "服务内容明确，经费已落实，同意签订合同"), MANAGER);

		BpmnAwareTests.assertThat(pi).hasPassedInOrder("userTask_reviewServiceContract", "gateway_contractApproved",
				"gateway_toCommunities", "serviceTask_notifySelfGovernance", "endEvent_handedToCommunities").isEnded();
		WorkItem purchased = workItems.require(item.getId());
		assertThat(purchased.getStatus()).isEqualTo(WorkItemStatus.PURCHASED_SERVICE);
		assertThat(purchased.getContractReviewedBy()).isEqualTo("manager1");
		assertThat(groupNotifications("selfgov:xingfu")).anySatisfy(n -> assertThat(n.getBody()).contains("以购买服务方式委托"));
	}

	@Test
	void refusesPurchasedServiceWhoseContractTheManagerRejectsInTasklist() {
		WorkItem item = service.submit(new SubmitWorkItem("市文旅局", "旅游景区客流统计", "市文旅局工作安排", null,
				List.of("dongshan"), true, new BigDecimal("8000")), MANAGER);
		ProcessInstance pi = instance(item);

		identity.setAuthentication("manager1", List.of("manager"));
		try {
			taskService.complete(task(pi).getId(),
					org.camunda.bpm.engine.variable.Variables.createVariables()
						.putValue(Workflow.Var.CONTRACT_DECISION, "REJECTED")
						.putValue(Workflow.Var.CONTRACT_NOTE, "与社区职责无关，经费不足以覆盖"));
		}
		finally {
			identity.clearAuthentication();
		}

		BpmnAwareTests.assertThat(pi).hasPassedInOrder("gateway_contractApproved", "gateway_toRefusal",
				"serviceTask_refuseWorkItem", "endEvent_refused").isEnded();
		WorkItem refused = workItems.require(item.getId());
		assertThat(refused.getStatus()).isEqualTo(WorkItemStatus.REFUSED);
		assertThat(refused.getContractNote()).isEqualTo("与社区职责无关，经费不足以覆盖");
		assertThat(userNotifications("manager1")).anySatisfy(n -> assertThat(n.getBody()).contains("购买服务合同审核意见"));
	}

	@Test
	void keepsTheContractReviewOpenWhenTasklistLeavesOutTheNote() {
		WorkItem item = service.submit(new SubmitWorkItem("市文旅局", "非遗项目普查", "市文旅局通知", null,
				List.of("xingfu"), true, new BigDecimal("3000")), MANAGER);
		ProcessInstance pi = instance(item);

		assertThatThrownBy(() -> taskService.complete(task(pi).getId(),
				org.camunda.bpm.engine.variable.Variables.createVariables()
					.putValue(Workflow.Var.CONTRACT_DECISION, "APPROVED")))
			.satisfies(ex -> assertThat(ProblemException.find(ex).fieldProblems())
				.anySatisfy(f -> assertThat(f.field()).isEqualTo(Workflow.Var.CONTRACT_NOTE)));
		BpmnAwareTests.assertThat(pi).isWaitingAt("userTask_reviewServiceContract");
	}

	private ProcessInstance instance(WorkItem item) {
		return runtime.createProcessInstanceQuery()
			.processInstanceId(workItems.require(item.getId()).getProcessInstanceId())
			.singleResult();
	}

	private List<String> passed(WorkItem item) {
		String pid = workItems.require(item.getId()).getProcessInstanceId();
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).completed().count())
			.as("process instance ended").isEqualTo(1);
		return history.createHistoricActivityInstanceQuery()
			.processInstanceId(pid)
			.orderPartiallyByOccurrence()
			.asc()
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.toList();
	}

	private List<Notification> groupNotifications(String group) {
		return notifications.findFor("-nobody-", List.of(group), PageRequest.of(0, 200)).getContent();
	}

	private List<Notification> userNotifications(String user) {
		return notifications.findFor(user, List.of("-none-"), PageRequest.of(0, 200)).getContent();
	}
}
