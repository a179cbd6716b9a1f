package cn.needsloop.admission;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;

/**
 * 动态调整: the manager records how the list is revised for the new year. The revised table itself is
 * published through {@code POST /api/work-items/admission-list} (a new DMN version).
 */
@Component
class ReviseAdmissionListStep implements TaskStep {

	private final AdmissionReviews reviews;

	ReviseAdmissionListStep(AdmissionReviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public String taskKey() {
		return Step.REVISE_ADMISSION_LIST;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		reviews.require(Variables.longValue(task, Var.REVIEW_ID))
			.reviewed(Variables.requiredString(task, Var.LIST_REVISION_NOTE), actor, TimeLimits.nowInstant());
	}
}
