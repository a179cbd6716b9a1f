package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.MessageSource;
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

	private final MessageSource messages;

	OpenConsultationDelegate(Projects projects, Consultations consultations, NeedLog log, MessageSource messages) {
		this.messages = messages;
		this.projects = projects;
		this.consultations = consultations;
		this.log = log;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ServiceProject project = projects.require(Variables.longValue(execution, Var.PROJECT_ID));
		// written for residents in their language; the plan is cut to what the description keeps
		String plan = project.getPlan().length() > 2000 ? project.getPlan().substring(0, 2000) : project.getPlan();
		Wording description = Wording.of(
				project.isPublicAffairs() ? "consultation.projectTopic.publicAffairs" : "consultation.projectTopic",
				project.getId(), project.getGoal(), plan, project.getBudgetYuan().toPlainString(),
				project.getHouseholdCount());
		Consultation consultation = consultations.save(new Consultation(project.getCommunityCode(), project.getTitle(),
				TopicType.SERVICE_PROJECT, description, description.render(messages, Locale.SIMPLIFIED_CHINESE),
				project.getId(), project.getCreatedBy(), TimeLimits.nowInstant()));
		project.inConsultation(consultation.getId());
		execution.setVariable(Var.CONSULTATION_ID, consultation.getId());
		log.record(new Subject(null, project.getId()), Phase.DESIGN, Wording.of("history.project.toConsultation", consultation.getId()),
				Line.SELF_GOVERNANCE, "system");
	}
}
