package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/** 再议: the next round starts with a new agenda; objections of the last round are dealt with. */
@Component("openNextRoundDelegate")
class OpenNextRoundDelegate implements JavaDelegate {

	private final Consultations consultations;

	private final ConsultationNotices notices;

	OpenNextRoundDelegate(Consultations consultations, ConsultationNotices notices) {
		this.consultations = consultations;
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Consultation consultation = consultations.require(Variables.longValue(execution, Var.CONSULTATION_ID));
		consultation.nextRound();
		execution.setVariable(Var.CONSULTATION_ROUND, consultation.getRound());
		execution.setVariable(Var.OBJECTED, false);
		consultation.record(Wording.of("consultation.history.nextRound", consultation.getRound()), "system", TimeLimits.nowInstant());
		notices.toEveryone(consultation, Wording.of("notification.consultation.nextRound"),
				Wording.of("notification.consultation.nextRound.body", Variables.string(execution, Var.CONSULTATION_REASON),
						consultation.getRound()));
	}
}
