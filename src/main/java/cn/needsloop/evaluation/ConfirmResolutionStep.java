package cn.needsloop.evaluation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.Needs;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;

/** The reporter's rating of an individual need (or the steward's, on a return visit 回访). */
@Component
class ConfirmResolutionStep implements TaskStep {

	private final Needs needs;

	ConfirmResolutionStep(Needs needs) {
		this.needs = needs;
	}

	@Override
	public String taskKey() {
		return Step.CONFIRM_RESOLUTION;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		needs.require(Variables.longValue(task, Var.NEED_ID))
			.rated(Variables.requiredScore(task, Var.NEED_SCORE), Variables.string(task, Var.CONFIRMATION_COMMENT),
					TimeLimits.nowInstant());
	}
}
