package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/** The topic enters its process: the consultation knows its instance, the process knows the topic. */
@Component("registerTopicDelegate")
class RegisterTopicDelegate implements JavaDelegate {

	private final Consultations consultations;

	RegisterTopicDelegate(Consultations consultations) {
		this.consultations = consultations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Consultation consultation = consultations.require(Variables.longValue(execution, Var.CONSULTATION_ID));
		consultation.startedAs(execution.getProcessInstanceId());
		execution.setVariable(Var.CONSULTATION_TOPIC, consultation.getTopic());
		execution.setVariable(Var.TOPIC_TYPE, consultation.getTopicType().name());
		execution.setVariable(Var.CONSULTATION_ROUND, consultation.getRound());
		execution.setVariable(Var.OBJECTED, false);
		consultation.record(Wording.of("consultation.history.registered"), "system", TimeLimits.nowInstant());
	}
}
