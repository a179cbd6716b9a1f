package cn.needsloop.intake;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.evidence.CaseKind;
import cn.needsloop.evidence.Evidence;
import cn.needsloop.evidence.EvidenceStep;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.ProblemException;

/** 核实: records the steward's verdict. A duplicate must point at another open need of the community. */
@Component
class VerifyNeedStep implements TaskStep {

	private final Needs needs;

	private final Evidence evidence;

	VerifyNeedStep(Needs needs, Evidence evidence) {
		this.needs = needs;
		this.evidence = evidence;
	}

	@Override
	public String taskKey() {
		return Step.VERIFY_NEED;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Need need = needs.require(Variables.longValue(task, Var.NEED_ID));
		VerificationVerdict verdict = Variables.requiredEnum(task, Var.VERIFICATION_VERDICT, VerificationVerdict.class);
		String note = Variables.requiredString(task, Var.VERIFICATION_NOTE);
		Long duplicateOf = Variables.longValue(task, Var.DUPLICATE_OF_ID);
		if (verdict == VerificationVerdict.DUPLICATE) {
			if (duplicateOf == null) {
				throw ProblemException.badField("duplicateOfId", "problem.need.duplicateOfRequired");
			}
			Need original = needs.findById(duplicateOf)
				.orElseThrow(() -> ProblemException.badField("duplicateOfId", "problem.need.duplicateOfUnknown", duplicateOf));
			if (original.getId().equals(need.getId()) || !original.getCommunityCode().equals(need.getCommunityCode())) {
				throw ProblemException.badField("duplicateOfId", "problem.need.duplicateOfInvalid", duplicateOf);
			}
		}
		evidence.requireFor(CaseKind.NEED, need.getId(), EvidenceStep.VERIFICATION, need.getCategory(), task.getId());
		need.verified(verdict, duplicateOf, note, TimeLimits.nowInstant());
	}
}
