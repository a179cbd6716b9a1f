package cn.needsloop.classification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.Category;
import cn.needsloop.intake.Needs;
import cn.needsloop.intake.Scope;
import cn.needsloop.intake.Urgency;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;

/** 分类汇总: the steward's confirmed category, urgency and scope. */
@Component
class ClassifyNeedStep implements TaskStep {

	private final Needs needs;

	ClassifyNeedStep(Needs needs) {
		this.needs = needs;
	}

	@Override
	public String taskKey() {
		return Step.CLASSIFY_NEED;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		needs.require(Variables.longValue(task, Var.NEED_ID))
			.categorized(Variables.requiredEnum(task, Var.CATEGORY, Category.class),
					Variables.requiredEnum(task, Var.URGENCY, Urgency.class),
					Variables.requiredEnum(task, Var.SCOPE, Scope.class), TimeLimits.nowInstant());
	}
}
