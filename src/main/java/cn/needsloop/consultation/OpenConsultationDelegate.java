package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.design.Projects;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.intake.NeedLog;
import cn.needsloop.shared.Phase;
import cn.needsloop.process.Subject;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Line;

/**
 * A project that needs consultation becomes its topic (type SERVICE_PROJECT): the consultation is
 * registered here, the project waits in CONSULTATION, and the call activity runs the consultation
 * with the new consultation's id as business key.
 */
@Component("openConsultationDelegate")
class OpenConsultationDelegate implements JavaDelegate {

	private final Projects projects;

	private final Consultations consultations;

	private final NeedLog log;

	OpenConsultationDelegate(Projects projects, Consultations consultations, NeedLog log) {
		this.projects = projects;
		this.consultations = consultations;
		this.log = log;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ServiceProject project = projects.require(Variables.longValue(execution, Var.PROJECT_ID));
		String description = "服务项目 #" + project.getId() + "：" + project.getGoal() + "\n方案：" + project.getPlan()
				+ "\n预算 " + project.getBudgetYuan().toPlainString() + " 元，涉及 " + project.getHouseholdCount() + " 户"
				+ (project.isPublicAffairs() ? "，涉及居民公共事务" : "") + "。";
		Consultation consultation = consultations.save(new Consultation(project.getCommunityCode(), project.getTitle(),
				TopicType.SERVICE_PROJECT, description.length() > 2000 ? description.substring(0, 2000) : description,
				project.getId(), project.getCreatedBy(), TimeLimits.nowInstant()));
		project.inConsultation(consultation.getId());
		execution.setVariable(Var.CONSULTATION_ID, consultation.getId());
		log.record(new Subject(null, project.getId()), Phase.DESIGN, Wording.of("history.project.toConsultation", consultation.getId()),
				Line.SELF_GOVERNANCE, "system");
	}
}
