package cn.needsloop;

import cn.needsloop.shared.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.community.Communities;
import cn.needsloop.consultation.ConsultationRequests.ApplyResult;
import cn.needsloop.consultation.ConsultationService;
import cn.needsloop.consultation.ConsultationStatus;
import cn.needsloop.consultation.ConsultationView;
import cn.needsloop.consultation.RoundResult;
import cn.needsloop.consultation.TopicType;
import cn.needsloop.design.ProjectRequests.Approval;
import cn.needsloop.design.ProjectRequests.DesignProject;
import cn.needsloop.design.ProjectRequests.Redesign;
import cn.needsloop.design.ProjectService;
import cn.needsloop.design.ProjectStatus;
import cn.needsloop.design.ProjectView;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Channel;
import cn.needsloop.intake.NeedRequests.Classify;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedRequests.Verify;
import cn.needsloop.intake.NeedService;
import cn.needsloop.intake.Scope;
import cn.needsloop.shared.Urgency;
import cn.needsloop.intake.VerificationVerdict;
import cn.needsloop.kpi.KpiService;
import cn.needsloop.support.ConsultationSteps;
import cn.needsloop.process.AccessBootstrap;
import cn.needsloop.shared.Actor;
import cn.needsloop.process.Workflow;
import cn.needsloop.support.AppContext;
import cn.needsloop.support.ProcessCoverageAtLeast;

/**
 * The consultation path of a service project ({@code service-project.bpmn} with
 * {@code consultationRequired} and the call activity into {@code community-consultation.bpmn}): a
 * project of 80,000 yuan goes to consultation, AGREED continues to party approval, REJECTED returns
 * it to design with the reasons; a small project goes straight to approval. Every element added to the project
 * process for consultation is passed by these tests.
 */
@AppContext
@ProcessCoverageAtLeast(process = Workflow.SERVICE_PROJECT, flowNodes = 0, sequenceFlows = 0,
		reached = { "businessRuleTask_consultationRequired", "gateway_consultationRequired",
				"serviceTask_openConsultation", "callActivity_consultation", "gateway_consultationResult",
				"gateway_readyForApproval", "gateway_toRevision" })
class ProjectConsultationProcessTests {

	static final ZonedDateTime START = ZonedDateTime.of(2026, 9, 7, 9, 0, 0, 0, ChinaTime.ZONE);

	static final Actor STEWARD = new Actor("steward1", List.of("steward:xingfu"));

	static final Actor PARTY = new Actor("party1", List.of("party:xingfu"));

	static final Actor SELFGOV = new Actor("selfgov1", List.of("selfgov:xingfu"));

	static final Actor MANAGER = new Actor("manager1", List.of("manager"));

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	AccessBootstrap access;

	@Autowired
	Communities communities;

	@Autowired
	NeedService needs;

	@Autowired
	ProjectService projects;

	@Autowired
	ConsultationService consultations;

	@Autowired
	KpiService kpis;

	@Autowired
	WorkingCalendar calendar;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		ClockUtil.setCurrentTime(Date.from(START.toInstant()));
		ConsultationSteps.community(communities, identity, access, "selfgov:xingfu", "steward:xingfu", "party:xingfu", "manager");
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void projectOfEightyThousandYuanGoesToConsultationAndOnToApprovalWhenAgreed() {
		ProjectView designed = design(new BigDecimal("80000"), 20, false);

		ProcessInstance project = projectInstance(designed.id());
		assertThat(project).isWaitingAt("callActivity_consultation")
			.hasPassed("businessRuleTask_consultationRequired", "serviceTask_openConsultation");
		ProjectView inConsultation = projects.view(designed.id(), STEWARD);
		assertThat(inConsultation.status()).isEqualTo(ProjectStatus.CONSULTATION);
		assertThat(inConsultation.consultationId()).isNotNull();
		Long consultationId = inConsultation.consultationId();
		ConsultationView consultation = consultations.view(consultationId, SELFGOV);
		assertThat(consultation.projectId()).isEqualTo(designed.id());
		assertThat(consultation.topicType()).isEqualTo(TopicType.SERVICE_PROJECT);
		assertThat(consultation.status()).isEqualTo(ConsultationStatus.PARTICIPANTS);
		// the topic's description is worded for each reader: residents read it in Chinese, a visitor in English
		org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
		try {
			assertThat(consultations.view(consultationId, SELFGOV).description())
				.startsWith("服务项目 #" + designed.id() + "：").contains("预算 80000 元，涉及 20 户。");
			org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
			assertThat(consultations.view(consultationId, SELFGOV).description())
				.startsWith("Service project #" + designed.id() + ": ").contains("Budget 80000 yuan, 20 households.");
		}
		finally {
			org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		}
		assertThat(consultations.list("xingfu", null, designed.id(), 0, 10, SELFGOV).getContent())
			.extracting(ConsultationView::id).containsExactly(consultationId);
		ProcessInstance called = runtime.createProcessInstanceQuery().superProcessInstanceId(project.getId()).singleResult();
		assertThat(called.getBusinessKey()).isEqualTo(String.valueOf(consultationId));
		assertThat(called).isWaitingAt("userTask_fixParticipants");

		consult(consultationId, 9, 7, 1, 1);
		passPublicity(consultationId);
		consultations.applyResult(consultationId, new ApplyResult("协商同意后纳入项目方案，报党组织审批。"), SELFGOV);

		assertThat(called).isEnded();
		assertThat(project).isWaitingAt("userTask_approveProject").hasPassed("gateway_consultationResult",
				"gateway_readyForApproval");
		assertThat(projects.view(designed.id(), STEWARD).status()).isEqualTo(ProjectStatus.APPROVAL);
		org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
		try {
			assertThat(needs.view(designed.needs().get(0).id(), STEWARD).history())
				.anySatisfy(h -> assertThat(h.activity()).contains("提交社区协商"))
				.anySatisfy(h -> assertThat(h.activity()).contains("确定协商主体"));
		}
		finally {
			org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		}

		projects.approve(designed.id(), new Approval(true, "协商同意，准予实施"), PARTY);
		assertThat(projects.view(designed.id(), STEWARD).status()).isEqualTo(ProjectStatus.PUBLISHED);
		assertThat(consultations.view(consultationId, SELFGOV).status()).isEqualTo(ConsultationStatus.APPLIED);

		LocalDate today = START.toLocalDate();
		assertThat(kpis.compute("xingfu", today, today.plusMonths(1), MANAGER).consultationApplicationRate())
			.isNotNull().isPositive();
	}

	@Test
	void projectRejectedInConsultationReturnsToDesignWithTheReasons() {
		ProjectView designed = design(new BigDecimal("30000"), 40, false);
		Long consultationId = projects.view(designed.id(), STEWARD).consultationId();
		assertThat(consultationId).isNotNull();

		consult(consultationId, 9, 1, 7, 1);

		ProcessInstance project = projectInstance(designed.id());
		assertThat(project).isWaitingAt("userTask_reviseDesign").hasPassed("gateway_toRevision");
		ProjectView returned = projects.view(designed.id(), STEWARD);
		assertThat(returned.status()).isEqualTo(ProjectStatus.DESIGN);
		assertThat(returned.consultationNote()).contains("反对票");
		assertThat(runtime.getVariable(project.getId(), "consultationReason")).isEqualTo(returned.consultationNote());
		assertThat(consultations.view(consultationId, SELFGOV).result()).isEqualTo(RoundResult.REJECTED);

		projects.redesign(designed.id(), new Redesign(designed.title(), designed.goal(), "缩小到一栋楼试点", new BigDecimal("20000"),
				12, false, designed.plannedEnd(), "按协商意见缩小范围"), STEWARD);

		assertThat(project).isWaitingAt("userTask_approveProject");
		ProjectView revised = projects.view(designed.id(), STEWARD);
		assertThat(revised.status()).isEqualTo(ProjectStatus.APPROVAL);
		assertThat(revised.consultationId()).isEqualTo(consultationId);
	}

	@Test
	void revisedProjectThatStillNeedsConsultationIsConsultedAgain() {
		ProjectView designed = design(new BigDecimal("30000"), 10, true);
		Long first = projects.view(designed.id(), STEWARD).consultationId();
		consult(first, 9, 0, 9, 0);

		projects.redesign(designed.id(), new Redesign(designed.title(), designed.goal(), "调整方案", new BigDecimal("30000"),
				10, true, designed.plannedEnd(), "调整后再议"), STEWARD);

		ProjectView again = projects.view(designed.id(), STEWARD);
		assertThat(again.status()).isEqualTo(ProjectStatus.CONSULTATION);
		assertThat(again.consultationId()).isNotEqualTo(first);
		assertThat(again.consultationNote()).isNull();
		assertThat(projectInstance(designed.id())).isWaitingAt("callActivity_consultation");
	}

	@Test
	void smallProjectGoesStraightToApproval() {
		ProjectView designed = design(new BigDecimal("30000"), 20, false);

		assertThat(projectInstance(designed.id())).isWaitingAt("userTask_approveProject")
			.hasPassed("businessRuleTask_consultationRequired", "gateway_readyForApproval")
			.hasNotPassed("callActivity_consultation");
		ProjectView view = projects.view(designed.id(), STEWARD);
		assertThat(view.status()).isEqualTo(ProjectStatus.APPROVAL);
		assertThat(view.consultationId()).isNull();
	}

	// --- steps

	ProjectView design(BigDecimal budget, int households, boolean publicAffairs) {
		Long[] pooled = new Long[2];
		for (int i = 0; i < pooled.length; i++) {
			var need = needs.report(new ReportNeed("xingfu", null, Channel.STEWARD_STATION, "老人吃饭难 " + i,
					"高龄老人希望有助餐服务", "居民" + i, "1390000000" + i, 5), STEWARD);
			needs.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "入户核实"), STEWARD);
			needs.classify(need.getId(), new Classify(Category.ELDERLY_CARE, Urgency.HIGH, Scope.COMMON), STEWARD);
			pooled[i] = need.getId();
		}
		var project = projects.design(new DesignProject("xingfu", "老年助餐点", "为高龄老人提供午餐", "开设助餐点，工作日供应午餐",
				Category.ELDERLY_CARE, List.of(pooled), budget, households, publicAffairs, START.toLocalDate().plusMonths(3),
				List.of("场地改造", "试运营")), STEWARD);
		return projects.view(project.getId(), STEWARD);
	}

	void consult(Long consultationId, int attendees, int votesFor, int votesAgainst, int votesAbstain) {
		steps().consult(consultationId, attendees, votesFor, votesAgainst, votesAbstain);
	}

	void passPublicity(Long consultationId) {
		steps().passPublicity(consultationId);
	}

	ConsultationSteps steps() {
		return new ConsultationSteps(consultations, management, calendar);
	}

	ProcessInstance projectInstance(Long projectId) {
		return runtime.createProcessInstanceQuery().processDefinitionKey("serviceProject")
			.processInstanceBusinessKey(String.valueOf(projectId)).singleResult();
	}
}
