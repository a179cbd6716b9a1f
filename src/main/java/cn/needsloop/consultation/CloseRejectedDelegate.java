package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.design.Projects;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/**
 * The consultation did not agree: the proposer and the lines are told why; a project that asked for
 * this consultation goes back to design with the reasons.
 */
@Component("closeRejectedDelegate")
class CloseRejectedDelegate implements JavaDelegate {

	private final Consultations consultations;

	private final ConsultationNotices notices;

	private final Projects projects;

	CloseRejectedDelegate(Consultations consultations, ConsultationNotices notices, Projects projects) {
		this.consultations = consultations;
		this.notices = notices;
		this.projects = projects;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Consultation consultation = consultations.require(Variables.longValue(execution, Var.CONSULTATION_ID));
		notices.toEveryone(consultation, Wording.of("notification.consultation.rejected"),
				Wording.of("text", consultation.getResultReason()));
		if (consultation.getProjectId() != null) {
			projects.findById(consultation.getProjectId())
				.filter(project -> consultation.getId().equals(project.getConsultationId()))
				.ifPresent(project -> project.consultationRejected(consultation.getResultReason()));
		}
	}
}
