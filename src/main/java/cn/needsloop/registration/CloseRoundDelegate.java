package cn.needsloop.registration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/**
 * A round of invitations is over (all answered, enough accepted, or the answer limit passed):
 * open invitations expire, and {@code moreMatches} tells whether anyone is left to invite.
 */
@Component("closeRoundDelegate")
class CloseRoundDelegate implements JavaDelegate {

	private final DispatchRounds dispatches;

	CloseRoundDelegate(DispatchRounds dispatches) {
		this.dispatches = dispatches;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(Var.MORE_MATCHES,
				dispatches.closeRound(Variables.longValue(execution, Var.DISPATCH_ID)));
	}
}
