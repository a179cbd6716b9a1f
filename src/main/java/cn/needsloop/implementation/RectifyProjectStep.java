package cn.needsloop.implementation;

import cn.needsloop.design.Verdict;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.design.Projects;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.evidence.CaseKind;
import cn.needsloop.evidence.Evidence;
import cn.needsloop.evidence.EvidenceStep;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;

/** An unsatisfactory project is rectified once, then evaluated again. */
@Component
class RectifyProjectStep implements TaskStep {

	private final Projects projects;

	private final Evidence evidence;

	RectifyProjectStep(Projects projects, Evidence evidence) {
		this.projects = projects;
		this.evidence = evidence;
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
		ServiceProject project = projects.require(Variables.longValue(task, Var.PROJECT_ID));
		evidence.requireFor(CaseKind.PROJECT, project.getId(), EvidenceStep.RECTIFICATION, project.getCategory(),
				task.getId());
		project.rectified(Variables.requiredString(task, Var.RECTIFICATION_REPORT));
	}
}
