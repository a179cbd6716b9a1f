package cn.needsloop.evaluation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;

/** Records a rating given in one of the three evaluation tasks. */
abstract class RatingStep implements TaskStep {

	private final Evaluations evaluations;

	private final Perspective perspective;

	RatingStep(Evaluations evaluations, Perspective perspective) {
		this.evaluations = evaluations;
		this.perspective = perspective;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Long needId = perspective == Perspective.RESIDENT ? Variables.longValue(task, Var.RATED_NEED_ID) : null;
		evaluations.save(new Evaluation(Variables.longValue(task, Var.PROJECT_ID), needId, perspective,
				Variables.intValue(task, Var.EVALUATION_ROUND), Variables.requiredScore(task, Var.RATING_SCORE),
				Variables.string(task, Var.RATING_COMMENT), actor, TimeLimits.nowInstant()));
	}

	@Component
	static class Resident extends RatingStep {
		Resident(Evaluations evaluations) {
			super(evaluations, Perspective.RESIDENT);
		}

		@Override
		public String taskKey() {
			return Step.RATE_AS_RESIDENT;
		}
	}

	@Component
	static class Community extends RatingStep {
		Community(Evaluations evaluations) {
			super(evaluations, Perspective.COMMUNITY);
		}

		@Override
		public String taskKey() {
			return Step.RATE_AS_COMMUNITY;
		}
	}

	@Component
	static class Implementer extends RatingStep {
		Implementer(Evaluations evaluations) {
			super(evaluations, Perspective.IMPLEMENTER);
		}

		@Override
		public String taskKey() {
			return Step.RATE_AS_IMPLEMENTER;
		}
	}
}
