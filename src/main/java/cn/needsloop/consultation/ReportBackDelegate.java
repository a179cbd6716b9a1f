package cn.needsloop.consultation;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/** 反馈: how the result was applied goes back to the proposer and every participant, and on the public board. */
@Component("reportBackDelegate")
class ReportBackDelegate implements JavaDelegate {

	private final Consultations consultations;

	private final ConsultationNotices notices;

	ReportBackDelegate(Consultations consultations, ConsultationNotices notices) {
		this.consultations = consultations;
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Consultation consultation = consultations.require(Variables.longValue(execution, Var.CONSULTATION_ID));
		consultation.reportedBack(TimeLimits.nowInstant());
		String names = consultation.getParticipants().stream().map(ConsultationParticipant::getName)
			.collect(Collectors.joining("、"));
		consultation.record("向协商主体反馈成果运用情况：" + names, "system", TimeLimits.nowInstant());
		notices.toEveryone(consultation, "协商成果运用反馈",
				"成果运用情况：" + consultation.getApplicationReport() + "\n请居委会转告协商主体：" + names);
	}
}
