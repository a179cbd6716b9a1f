package cn.needsloop.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import cn.needsloop.certificate.CertificateRequests.Decision;
import cn.needsloop.certificate.CertificateRequests.RequestCertificate;
import cn.needsloop.process.Workflow;
import cn.needsloop.notification.Notifications;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.support.AppContext;
import cn.needsloop.support.ProcessCoverageAtLeast;

/** Every path of {@code certificate-request.bpmn}, and the unlisted kind that starts no process. */
@AppContext
@ProcessCoverageAtLeast(process = Workflow.CERTIFICATE_REQUEST)
class CertificateProcessTests {

	static final Actor RESIDENT = new Actor("resident1", List.of("resident"));

	static final Actor STEWARD = new Actor("steward1", List.of("steward:xingfu"));

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService taskService;

	@Autowired
	CertificateService service;

	@Autowired
	Certificates certificates;

	@Autowired
	Notifications notifications;

	@BeforeEach
	void initAssertions() {
		AbstractAssertions.init(engine);
	}

	@Test
	void listedKindBecomesATaskForTheStewardOfTheCommunityWhoIssuesIt() {
		Certificate certificate = service.request(request("RESIDENCE"), RESIDENT);

		ProcessInstance pi = instance(certificate);
		BpmnAwareTests.assertThat(pi).isWaitingAt("userTask_issueCertificate");
		BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("steward:xingfu").hasName("开具证明");
		assertThat(certificates.require(certificate.getId()).getStatus()).isEqualTo(CertificateStatus.PENDING);

		service.decide(certificate.getId(), new Decision(true, null), STEWARD);

		BpmnAwareTests.assertThat(pi).hasPassed("gateway_certificateDecision", "endEvent_certificateIssued").isEnded();
		Certificate issued = certificates.require(certificate.getId());
		assertThat(issued.getStatus()).isEqualTo(CertificateStatus.ISSUED);
		assertThat(issued.getDecidedBy()).isEqualTo("steward1");
		assertThat(issued.getKindName()).isEqualTo("居住证明");
		assertThat(notifications.findFor("resident1", List.of("-none-"), PageRequest.of(0, 50)).getContent())
			.anySatisfy(n -> assertThat(n.getTitle()).isEqualTo("证明已开具：居住证明"));
	}

	@Test
	void stewardDeclinesAListedKindWithAReason() {
		Certificate certificate = service.request(request("FAMILY_ECONOMIC_HARDSHIP"), RESIDENT);
		ProcessInstance pi = instance(certificate);

		service.decide(certificate.getId(), new Decision(false, "入户核实家庭收入高于困难标准"), STEWARD);

		BpmnAwareTests.assertThat(pi).hasPassed("endEvent_certificateDeclined").hasNotPassed("endEvent_certificateIssued")
			.isEnded();
		Certificate declined = certificates.require(certificate.getId());
		assertThat(declined.getStatus()).isEqualTo(CertificateStatus.DECLINED);
		assertThat(declined.getDeclineReason()).isEqualTo("入户核实家庭收入高于困难标准");
	}

	@Test
	void declineInTasklistWithoutReasonKeepsTheTaskOpen() {
		Certificate certificate = service.request(request("SURVIVAL"), RESIDENT);
		ProcessInstance pi = instance(certificate);

		assertThatThrownBy(() -> taskService.complete(task(pi).getId(),
				Variables.createVariables().putValue(Workflow.Var.CERTIFICATE_DECISION, "DECLINED")))
			.satisfies(ex -> assertThat(ProblemException.find(ex).fieldProblems())
				.anySatisfy(f -> assertThat(f.field()).isEqualTo(Workflow.Var.DECLINE_REASON)));
		BpmnAwareTests.assertThat(pi).isWaitingAt("userTask_issueCertificate");
	}

	@Test
	void unlistedKindIsAnsweredAtOnceWithTheRuleAndWhereToGoAndStartsNoProcess() {
		long instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(Workflow.CERTIFICATE_REQUEST).count();

		Certificate certificate = service.request(request("CRIMINAL_RECORD"), RESIDENT);

		Certificate answered = certificates.require(certificate.getId());
		assertThat(answered.getStatus()).isEqualTo(CertificateStatus.NOT_ISSUED_BY_COMMUNITY);
		assertThat(answered.getProcessInstanceId()).isNull();
		assertThat(answered.getRuleText()).contains("不在社区证明材料清单（15项）内");
		assertThat(answered.getReferTo()).contains("公安派出所");
		assertThat(answered.getDecisionVersion()).isPositive();
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(Workflow.CERTIFICATE_REQUEST).count())
			.isEqualTo(instancesBefore);
	}

	private static RequestCertificate request(String kind) {
		return new RequestCertificate("xingfu", kind, "刘秀英", "13800000001", "办理养老保险资格认证");
	}

	private ProcessInstance instance(Certificate certificate) {
		return runtime.createProcessInstanceQuery()
			.processInstanceId(certificates.require(certificate.getId()).getProcessInstanceId())
			.singleResult();
	}
}
