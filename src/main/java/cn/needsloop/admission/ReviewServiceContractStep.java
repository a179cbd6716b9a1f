package cn.needsloop.admission;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.ProblemException;

/** 权随责走、费随事转: the manager approves the purchased-service contract or rejects it. */
@Component
class ReviewServiceContractStep implements TaskStep {

	private final WorkItems workItems;

	ReviewServiceContractStep(WorkItems workItems) {
		this.workItems = workItems;
	}

	@Override
	public String taskKey() {
		return Step.REVIEW_SERVICE_CONTRACT;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		WorkItem item = workItems.require(Variables.longValue(task, Var.WORK_ITEM_ID));
		ContractDecision decision = Variables.requiredEnum(task, Var.CONTRACT_DECISION, ContractDecision.class);
		String note = Variables.requiredString(task, Var.CONTRACT_NOTE);
		switch (decision) {
			case APPROVED -> item.contractApproved(note, actor, TimeLimits.nowInstant());
			case REJECTED -> item.contractRejected(note, actor, TimeLimits.nowInstant());
		}
	}
}
