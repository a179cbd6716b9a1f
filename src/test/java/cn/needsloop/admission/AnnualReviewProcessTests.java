package cn.needsloop.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.admission.WorkItemRequests.ContractReview;
import cn.needsloop.admission.WorkItemRequests.SubmitWorkItem;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.Workflow;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.support.AppContext;
import cn.needsloop.support.ProcessCoverageAtLeast;

/**
 * {@code work-item-annual-review.bpmn}: the January timer starts the review of last year's items.
 * Time moves with {@link ClockUtil}; the timer job is executed by the test, nothing sleeps.
 */
@AppContext
@ProcessCoverageAtLeast(process = Workflow.WORK_ITEM_ANNUAL_REVIEW)
class AnnualReviewProcessTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final Actor MANAGER = new Actor("manager1", List.of("manager"));

	@Autowired
	ProcessEngine engine;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	WorkItemService workItemService;

	@Autowired
	AdmissionReviews reviews;

	@Autowired
	ProcessGateway process;

	@BeforeEach
	void initAssertions() {
		AbstractAssertions.init(engine);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void firstReviewIsDueOnJanuaryFirstAtNineBeijingTime() {
		Job timer = annualTimer();
		ZonedDateTime due = timer.getDuedate().toInstant().atZone(BEIJING);
		assertThat(due.getMonthValue()).isEqualTo(1);
		assertThat(due.getDayOfMonth()).isEqualTo(1);
		assertThat(due.getHour()).isEqualTo(9);
		assertThat(due.getYear()).isGreaterThanOrEqualTo(2027);
	}

	@Test
	void januaryTimerStartsTheReviewOfLastYearsItemsForTheManager() {
		// last year (2030, a year no other test uses): one item admitted, one refused, one purchased service, one refused after review
		moveClockTo("2030-03-15T10:00:00+08:00");
		submit("居民最低生活保障申请受理", "MIN_LIVING_ALLOWANCE", false, null);
		submit("统计辖区企业经营数据", null, false, null);
		submit("统计辖区企业经营数据", null, false, null);
		WorkItem purchased = submit("老旧小区改造意见征集", null, true, new BigDecimal("20000"));
		workItemService.reviewContract(purchased.getId(), new ContractReview(true, "同意"), MANAGER);
		moveClockTo("2030-12-31T23:59:00+08:00");
		WorkItem lateRefusal = submit("旅游景区客流统计", null, true, new BigDecimal("1000"));
		workItemService.reviewContract(lateRefusal.getId(), new ContractReview(false, "与社区职责无关"), MANAGER);

		Job timer = annualTimer();
		moveClockTo("2031-01-01T09:00:00+08:00");
		management.executeJob(timer.getId());

		ProcessInstance review = runtime.createProcessInstanceQuery()
			.processDefinitionKey(Workflow.WORK_ITEM_ANNUAL_REVIEW)
			.singleResult();
		BpmnAwareTests.assertThat(review).hasPassed("timer_annualReview", "serviceTask_summarizeYear")
			.isWaitingAt("userTask_reviseAdmissionList");
		BpmnAwareTests.assertThat(task(review)).hasCandidateGroup("manager");
		BpmnAwareTests.assertThat(review).variables()
			.containsEntry(Var.REVIEW_YEAR, 2030)
			.containsEntry(Var.REQUESTED_COUNT, 5)
			.containsEntry(Var.ADMITTED_COUNT, 1)
			.containsEntry(Var.PURCHASED_SERVICE_COUNT, 1)
			.containsEntry(Var.REFUSED_COUNT, 3)
			.containsEntry(Var.REFUSED_SUMMARY, "统计辖区企业经营数据（市直部门）×2；旅游景区客流统计（市直部门）×1");

		Job next = annualTimer();
		assertThat(next.getDuedate().toInstant()).as("next January, 09:00 Beijing time")
			.isEqualTo(java.time.OffsetDateTime.parse("2032-01-01T09:00:00+08:00").toInstant());

		process.complete(process.task(task(review).getId()).orElseThrow(), java.util.Map.of(Var.LIST_REVISION_NOTE, "新增：垃圾分类宣传（市城管局）；退出：无"),
				MANAGER);

		BpmnAwareTests.assertThat(review).hasPassed("userTask_reviseAdmissionList", "endEvent_listReviewed").isEnded();
		AdmissionReview done = reviews.findByProcessInstanceId(review.getId()).orElseThrow();
		assertThat(done.getReviewYear()).isEqualTo(2030);
		assertThat(done.getRevisionNote()).startsWith("新增：垃圾分类宣传");
		assertThat(done.getReviewedBy()).isEqualTo("manager1");
	}

	private WorkItem submit(String title, String itemType, boolean purchasedService, BigDecimal funding) {
		return workItemService.submit(new SubmitWorkItem("市直部门", title, "部门通知", itemType, List.of("xingfu"),
				purchasedService, funding), MANAGER);
	}

	private Job annualTimer() {
		// the start timer is the one job of the definition without an instance (task reminders have one)
		List<Job> startTimers = management.createJobQuery().processDefinitionKey(Workflow.WORK_ITEM_ANNUAL_REVIEW).timers()
			.list().stream().filter(job -> job.getProcessInstanceId() == null).toList();
		assertThat(startTimers).hasSize(1);
		return startTimers.get(0);
	}

	private static void moveClockTo(String isoDateTime) {
		ClockUtil.setCurrentTime(Date.from(Instant.from(java.time.OffsetDateTime.parse(isoDateTime))));
	}
}
