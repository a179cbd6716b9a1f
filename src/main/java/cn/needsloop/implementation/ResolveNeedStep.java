package cn.needsloop.implementation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.Needs;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;

/** An individual need settled directly by the line it was routed to (一窗受理、全科服务). */
@Component
class ResolveNeedStep implements TaskStep {

	private final Needs needs;

	ResolveNeedStep(Needs needs) {
		this.needs = needs;
	}

	@Override
	public String taskKey() {
		return Step.RESOLVE_NEED;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		needs.require(Variables.longValue(task, Var.NEED_ID))
			.resolvedBy(Variables.requiredString(task, Var.RESOLUTION_NOTE));
	}
}
