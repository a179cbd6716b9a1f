package cn.needsloop.classification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.shared.Category;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.Needs;
import cn.needsloop.intake.Scope;
import cn.needsloop.shared.Urgency;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.understanding.NeedUnderstanding;

/** 分类汇总: the steward's confirmed category, urgency and scope. */
@Component
class ClassifyNeedStep implements TaskStep {

	private final Needs needs;

	private final NeedUnderstanding understanding;

	ClassifyNeedStep(Needs needs, NeedUnderstanding understanding) {
		this.needs = needs;
		this.understanding = understanding;
	}

	@Override
	public String taskKey() {
		return Step.CLASSIFY_NEED;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Need need = needs.require(Variables.longValue(task, Var.NEED_ID));
		Category category = Variables.requiredEnum(task, Var.CATEGORY, Category.class);
		need.categorized(category, Variables.requiredEnum(task, Var.URGENCY, Urgency.class),
				Variables.requiredEnum(task, Var.SCOPE, Scope.class), TimeLimits.nowInstant());
		if (need.getProposedCategory() != null && category != need.getProposedCategory()) {
			// the steward corrected the text model: a new labelled example for the next training
			understanding.recordCorrection(need.getId(), need.getTitle(), need.getDescription(),
					need.getProposedCategory().name(), need.getUnderstandingModel(), category.name(),
					need.getUrgency() == Urgency.URGENT ? "URGENT" : "NORMAL", actor, TimeLimits.nowInstant());
		}
	}
}
