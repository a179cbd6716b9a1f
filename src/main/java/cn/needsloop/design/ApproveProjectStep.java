package cn.needsloop.design;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TaskStep;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.ProblemException;

/** 党建引领: the community party organisation approves the design or returns it. */
@Component
class ApproveProjectStep implements TaskStep {

	private final Projects projects;

	ApproveProjectStep(Projects projects) {
		this.projects = projects;
	}

	@Override
	public String taskKey() {
		return Step.APPROVE_PROJECT;
	}

	@Override
	public void entered(DelegateTask task) {
		projects.require(Variables.longValue(task, Var.PROJECT_ID)).submittedForApproval();
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		ServiceProject project = projects.require(Variables.longValue(task, Var.PROJECT_ID));
		ApprovalDecision decision = Variables.requiredEnum(task, Var.APPROVAL_DECISION, ApprovalDecision.class);
		String note = Variables.requiredString(task, Var.APPROVAL_NOTE);
		switch (decision) {
			case APPROVED -> project.approved(note);
			case RETURNED -> project.returnedToDesign(note);
		}
	}
}
