package cn.needsloop.evaluation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.Need;
import cn.needsloop.intake.Needs;
import cn.needsloop.shared.ProblemException;
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
		Need need = needs.require(Variables.longValue(task, Var.NEED_ID));
		// a need settled on the spot (first round only) is confirmed by the resident or a steward, never by its settler
		if (need.getRound() == 1 && actor != null && actor.equals(Variables.string(task, Var.SPOT_SETTLED_BY))) {
			throw ProblemException.forbidden("problem.spot.selfConfirm", need.getId());
		}
		need
			.rated(Variables.requiredScore(task, Var.NEED_SCORE), Variables.string(task, Var.CONFIRMATION_COMMENT),
					TimeLimits.nowInstant());
	}
}
