package cn.needsloop.registration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/** Enough registrants accepted: the dispatch is filled (组织党员随到). */
@Component("fillDispatchDelegate")
class FillDispatchDelegate implements JavaDelegate {

	private final DispatchRounds dispatches;

	FillDispatchDelegate(DispatchRounds dispatches) {
		this.dispatches = dispatches;
	}

	@Override
	public void execute(DelegateExecution execution) {
		dispatches.filled(Variables.longValue(execution, Var.DISPATCH_ID));
	}
}
