package cn.needsloop.implementation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.Needs;
import cn.needsloop.evidence.CaseKind;
import cn.needsloop.evidence.Evidence;
import cn.needsloop.evidence.EvidenceStep;
import cn.needsloop.intake.Need;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;

/** An individual need settled directly by the line it was routed to (一窗受理、全科服务). */
@Component
class ResolveNeedStep implements TaskStep {

	private final Needs needs;

	private final Evidence evidence;

	ResolveNeedStep(Needs needs, Evidence evidence) {
		this.needs = needs;
		this.evidence = evidence;
	}

	@Override
	public String taskKey() {
		return Step.RESOLVE_NEED;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Need need = needs.require(Variables.longValue(task, Var.NEED_ID));
		evidence.requireFor(CaseKind.NEED, need.getId(), EvidenceStep.RESOLUTION_BEFORE, need.getCategory(),
				task.getId());
		evidence.requireFor(CaseKind.NEED, need.getId(), EvidenceStep.RESOLUTION_AFTER, need.getCategory(),
				task.getId());
		need.resolvedBy(Variables.requiredString(task, Var.RESOLUTION_NOTE));
	}
}
