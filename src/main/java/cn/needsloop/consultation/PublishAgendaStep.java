package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import cn.needsloop.shared.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.system.DateBounds;
import cn.needsloop.shared.ProblemException;

/**
 * 发布议程: the agenda of the round and the meeting time, announced now. The meeting day must be at
 * least the catalog's notice days (working days) after today; the process then waits until the meeting.
 */
@Component
class PublishAgendaStep implements TaskStep {

	private final Consultations consultations;

	private final WorkingCalendar calendar;

	private final ConsultationNotices notices;

	PublishAgendaStep(Consultations consultations, WorkingCalendar calendar, ConsultationNotices notices) {
		this.consultations = consultations;
		this.calendar = calendar;
		this.notices = notices;
	}

	@Override
	public String taskKey() {
		return Step.PUBLISH_AGENDA;
	}

	@Override
	public void entered(DelegateTask task) {
		consultations.require(Variables.longValue(task, Var.CONSULTATION_ID)).waitingFor(ConsultationStatus.AGENDA);
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Consultation consultation = consultations.require(Variables.longValue(task, Var.CONSULTATION_ID));
		String agenda = Variables.requiredString(task, Var.AGENDA_ITEMS).lines().map(String::strip)
			.filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
		if (agenda.length() > 4000) {
			throw ProblemException.badField(Var.AGENDA_ITEMS, "problem.consultation.agendaTooLong", 4000);
		}
		Instant meetingAt = meetingTime(Variables.requiredString(task, Var.MEETING_AT));
		Instant now = TimeLimits.nowInstant();
		int noticeDays = consultation.getNoticeDays() == null ? 0 : consultation.getNoticeDays();
		LocalDate earliest = calendar.plusWorkingDays(now.atZone(ChinaTime.ZONE), noticeDays).toLocalDate();
		if (!meetingAt.isAfter(now) || meetingAt.atZone(ChinaTime.ZONE).toLocalDate().isBefore(earliest)) {
			throw ProblemException.badField(Var.MEETING_AT, "problem.consultation.meetingTooEarly", noticeDays, earliest);
		}
		consultation.agendaPublished(agenda, meetingAt, actor, now);
		task.setVariable(Var.MEETING_TIME, Date.from(meetingAt));
		String when = meetingAt.atZone(ChinaTime.ZONE).toLocalDateTime().toString().replace('T', ' ');
		consultation.record(Wording.of("consultation.history.agendaPublished", consultation.getRound(), when), actor, now);
		notices.toEveryone(consultation, Wording.of("notification.consultation.agenda"),
				Wording.of("notification.consultation.agenda.body", when, agenda));
	}

	/**
	 * An ISO date-time with an offset, or without one in Beijing time (as Tasklist's date-time field sends it),
	 * within {@link DateBounds} (the database keeps no year 999999999).
	 */
	static Instant meetingTime(String value) {
		Instant at;
		try {
			at = OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				at = LocalDateTime.parse(value.strip()).atZone(ChinaTime.ZONE).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw ProblemException.badField(Var.MEETING_AT, "problem.field.badValue", value);
			}
		}
		if (!DateBounds.within(at)) {
			throw ProblemException.badField(Var.MEETING_AT, "problem.field.badValue", value);
		}
		return at;
	}
}
