package cn.needsloop.registration;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/** Invites the next batch of matching registrants; each gets an answer task. */
@Component("inviteRegistrantsDelegate")
class InviteRegistrantsDelegate implements JavaDelegate {

	private final DispatchRounds dispatches;

	InviteRegistrantsDelegate(DispatchRounds dispatches) {
		this.dispatches = dispatches;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Long dispatchId = Variables.longValue(execution, Var.DISPATCH_ID);
		List<Long> invited = new ArrayList<>(dispatches.inviteNextBatch(dispatchId));
		execution.setVariable(Var.INVITED_REGISTRATION_IDS, invited);
		execution.setVariable(Var.DISPATCH_ROUND, Variables.intValue(execution, Var.DISPATCH_ROUND) + 1);
	}
}
