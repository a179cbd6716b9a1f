package cn.needsloop.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/** The consultation did not agree: the proposer and the lines are told why. */
@Component("closeRejectedDelegate")
class CloseRejectedDelegate implements JavaDelegate {

	private final Consultations consultations;

	private final ConsultationNotices notices;

	CloseRejectedDelegate(Consultations consultations, ConsultationNotices notices) {
		this.consultations = consultations;
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Consultation consultation = consultations.require(Variables.longValue(execution, Var.CONSULTATION_ID));
		notices.toEveryone(consultation, "协商未通过", consultation.getResultReason());
	}
}
