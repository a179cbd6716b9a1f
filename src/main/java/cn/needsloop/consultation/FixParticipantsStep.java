package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;

/** 确定协商主体: the self-governance line names the participants; each kind the catalog requires must be there. */
@Component
class FixParticipantsStep implements TaskStep {

	private final Consultations consultations;

	FixParticipantsStep(Consultations consultations) {
		this.consultations = consultations;
	}

	@Override
	public String taskKey() {
		return Step.FIX_PARTICIPANTS;
	}

	@Override
	public void entered(DelegateTask task) {
		consultations.require(Variables.longValue(task, Var.CONSULTATION_ID)).waitingFor(ConsultationStatus.PARTICIPANTS);
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Consultation consultation = consultations.require(Variables.longValue(task, Var.CONSULTATION_ID));
		List<ConsultationParticipant> participants = ParticipantList.parse(Variables.string(task, Var.PARTICIPANTS));
		consultation.participantsFixed(participants);
		task.setVariable(Var.PARTICIPANT_COUNT, participants.size());
		consultation.record(Wording.of("consultation.history.participantsFixed", participants.size()), actor, TimeLimits.nowInstant());
	}
}
