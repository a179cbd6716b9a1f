package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import cn.needsloop.shared.ChinaTime;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/** 结果公示: the agreed result is on the public board for the catalog's publicity days (working days). */
@Component("publicizeResultDelegate")
class PublicizeResultDelegate implements JavaDelegate {

	private final Consultations consultations;

	private final TimeLimits timeLimits;

	private final ConsultationNotices notices;

	PublicizeResultDelegate(Consultations consultations, TimeLimits timeLimits, ConsultationNotices notices) {
		this.consultations = consultations;
		this.timeLimits = timeLimits;
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Consultation consultation = consultations.require(Variables.longValue(execution, Var.CONSULTATION_ID));
		int days = consultation.getPublicityDays() == null ? 0 : consultation.getPublicityDays();
		Date endsAt = timeLimits.plus(TimeLimits.now(), days + "WD");
		Instant end = endsAt.toInstant();
		consultation.publicised(end);
		execution.setVariable(Var.PUBLICITY_ENDS_AT, endsAt);
		String until = end.atZone(ChinaTime.ZONE).toLocalDateTime().toString().replace('T', ' ');
		consultation.record(Wording.of("consultation.history.publicized", until), "system", TimeLimits.nowInstant());
		notices.toEveryone(consultation, Wording.of("notification.consultation.publicized"),
				Wording.of("notification.consultation.publicized.body", Variables.string(execution, Var.CONSULTATION_REASON), until));
	}
}
