package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.ProblemException;

/** 记录协商会议: attendance, opinions and the votes of the round's meeting. */
@Component
class RecordMeetingStep implements TaskStep {

	private final Consultations consultations;

	RecordMeetingStep(Consultations consultations) {
		this.consultations = consultations;
	}

	@Override
	public String taskKey() {
		return Step.RECORD_MEETING;
	}

	@Override
	public void entered(DelegateTask task) {
		consultations.require(Variables.longValue(task, Var.CONSULTATION_ID)).waitingFor(ConsultationStatus.MEETING);
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Consultation consultation = consultations.require(Variables.longValue(task, Var.CONSULTATION_ID));
		int attendees = count(task, Var.ATTENDEES);
		int votesFor = count(task, Var.VOTES_FOR);
		int votesAgainst = count(task, Var.VOTES_AGAINST);
		int votesAbstain = count(task, Var.VOTES_ABSTAIN);
		String opinions = Variables.requiredString(task, Var.OPINIONS);
		int participants = consultation.getParticipants().size();
		if (attendees > participants) {
			throw ProblemException.badField(Var.ATTENDEES, "problem.consultation.attendeesExceedParticipants",
					attendees, participants);
		}
		if (votesFor + votesAgainst + votesAbstain > attendees) {
			throw ProblemException.badField(Var.VOTES_FOR, "problem.consultation.votesExceedAttendees",
					votesFor + votesAgainst + votesAbstain, attendees);
		}
		consultation.meetingRecorded(attendees, opinions, votesFor, votesAgainst, votesAbstain, actor,
				TimeLimits.nowInstant());
		consultation.record(Wording.of("consultation.history.meetingRecorded", consultation.getRound(), attendees, votesFor,
				votesAgainst, votesAbstain), actor, TimeLimits.nowInstant());
	}

	private static int count(DelegateTask task, String name) {
		Integer value = Variables.intValue(task, name);
		if (value == null) {
			throw ProblemException.badField(name, "problem.field.required");
		}
		if (value < 0) {
			throw ProblemException.badField(name, "problem.field.nonNegative");
		}
		return value;
	}
}
