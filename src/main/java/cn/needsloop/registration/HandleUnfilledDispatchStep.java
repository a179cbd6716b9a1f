package cn.needsloop.registration;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TaskStep;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;

/**
 * Every round is over and not enough people accepted: the party line decides whether the service
 * goes ahead with those who accepted or is called off (overdue, it escalates to the manager).
 */
@Component
class HandleUnfilledDispatchStep implements TaskStep {

	private final DispatchRounds dispatches;

	HandleUnfilledDispatchStep(DispatchRounds dispatches) {
		this.dispatches = dispatches;
	}

	@Override
	public String taskKey() {
		return Step.HANDLE_UNFILLED_DISPATCH;
	}

	@Override
	public void entered(DelegateTask task) {
		dispatches.escalated(Variables.longValue(task, Var.DISPATCH_ID));
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		dispatches.resolved(Variables.longValue(task, Var.DISPATCH_ID),
				Variables.requiredEnum(task, Var.UNFILLED_RESOLUTION, Dispatch.Resolution.class),
				Variables.requiredString(task, Var.UNFILLED_NOTE));
	}
}
