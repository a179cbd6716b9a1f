package cn.needsloop.registration;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TaskStep;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.ProblemException;

/**
 * One invited registrant's answer. Routing offers the task to the party line of the community; a
 * registrant with an account gets it assigned, and the party line may still answer for them
 * through the API. An acceptance raises {@code acceptedCount}, which ends the round early once
 * enough people accepted.
 */
@Component
class AnswerDispatchStep implements TaskStep {

	private final DispatchRounds dispatches;

	AnswerDispatchStep(DispatchRounds dispatches) {
		this.dispatches = dispatches;
	}

	@Override
	public String taskKey() {
		return Step.ANSWER_DISPATCH;
	}

	@Override
	public void entered(DelegateTask task) {
		Long registrationId = Variables.longValue(task, Var.REGISTRATION_ID);
		task.setVariableLocal(Var.REGISTRATION_ID, registrationId);
		task.setVariableLocal(Var.DISPATCH_ID, Variables.longValue(task, Var.DISPATCH_ID));
		PartyRegistration registrant = dispatches.registration(registrationId);
		task.setDescription(registrant.getName() + "（" + registrant.getUnit() + "）");
		if (registrant.getUsername() != null) {
			task.setAssignee(registrant.getUsername());
		}
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		DispatchOffer.Status answer = Variables.requiredEnum(task, Var.DISPATCH_ANSWER, DispatchOffer.Status.class);
		if (answer != DispatchOffer.Status.ACCEPTED && answer != DispatchOffer.Status.DECLINED) {
			throw ProblemException.badField(Var.DISPATCH_ANSWER, "problem.field.badValue", answer);
		}
		int accepted = dispatches.answered(Variables.longValue(task, Var.DISPATCH_ID),
				Variables.longValue(task, Var.REGISTRATION_ID), answer == DispatchOffer.Status.ACCEPTED,
				Variables.string(task, Var.ANSWER_NOTE), actor);
		task.getExecution().getProcessInstance().setVariable(Var.ACCEPTED_COUNT, accepted);
	}
}
