package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
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
		// the history is open to everyone signed in: it counts the participants; only the lines that relay the
		// feedback (self-governance, steward station) are told their names
		consultation.record(Wording.of("consultation.history.reportedBack", consultation.getParticipants().size()), "system",
				TimeLimits.nowInstant());
		notices.toLines(consultation, Wording.of("notification.consultation.reportedBack"),
				Wording.of("notification.consultation.reportedBack.lines", consultation.getApplicationReport(), names));
		notices.toProposer(consultation, Wording.of("notification.consultation.reportedBack"),
				Wording.of("notification.consultation.reportedBack.proposer", consultation.getApplicationReport()));
	}
}
