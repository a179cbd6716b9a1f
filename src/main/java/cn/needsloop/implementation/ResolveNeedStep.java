package cn.needsloop.implementation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.Needs;
import cn.needsloop.evidence.CaseKind;
import cn.needsloop.evidence.Evidence;
import cn.needsloop.evidence.EvidenceStep;
import cn.needsloop.intake.Need;
import cn.needsloop.process.TaskStep;
import cn.needsloop.routing.StepChangeService;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;

/**
 * An individual need settled directly by the line it was routed to (一窗受理、全科服务), or returned by it (退单) as
 * not its own, with a reason.
 */
@Component
class ResolveNeedStep implements TaskStep {

	private final Needs needs;

	private final Evidence evidence;

	private final StepChangeService changes;

	ResolveNeedStep(Needs needs, Evidence evidence, StepChangeService changes) {
		this.needs = needs;
		this.evidence = evidence;
		this.changes = changes;
	}

	/** Each time the step is offered to a line, it is not returned yet (a re-routed need comes back here). */
	@Override
	public void entered(DelegateTask task) {
		task.setVariable(Var.RETURNED, false);
	}

	@Override
	public String taskKey() {
		return Step.RESOLVE_NEED;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Need need = needs.require(Variables.longValue(task, Var.NEED_ID));
		if (Boolean.TRUE.equals(task.getVariable(Var.RETURNED))) {
			// 退单: not this line's need; the steward re-routes it
			changes.returned(task, need, actor);
			return;
		}
		evidence.requireFor(CaseKind.NEED, need.getId(), EvidenceStep.RESOLUTION_BEFORE, need.getCategory(),
				task.getId());
		evidence.requireFor(CaseKind.NEED, need.getId(), EvidenceStep.RESOLUTION_AFTER, need.getCategory(),
				task.getId());
		need.resolvedBy(Variables.requiredString(task, Var.RESOLUTION_NOTE));
	}
}
