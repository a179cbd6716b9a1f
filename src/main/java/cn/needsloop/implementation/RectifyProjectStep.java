package cn.needsloop.implementation;

import cn.needsloop.design.Verdict;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.design.Projects;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;

/** An unsatisfactory project is rectified once, then evaluated again. */
@Component
class RectifyProjectStep implements TaskStep {

	private final Projects projects;

	RectifyProjectStep(Projects projects) {
		this.projects = projects;
	}

	@Override
	public String taskKey() {
		return Step.RECTIFY_PROJECT;
	}

	@Override
	public void entered(DelegateTask task) {
		projects.require(Variables.longValue(task, Var.PROJECT_ID))
			.sentToRectification(Variables.requiredEnum(task, Var.VERDICT, Verdict.class));
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		projects.require(Variables.longValue(task, Var.PROJECT_ID))
			.rectified(Variables.requiredString(task, Var.RECTIFICATION_REPORT));
	}
}
