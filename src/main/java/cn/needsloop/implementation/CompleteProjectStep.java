package cn.needsloop.implementation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.design.Projects;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.evidence.CaseKind;
import cn.needsloop.evidence.Evidence;
import cn.needsloop.evidence.EvidenceStep;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;

/** The implementer reports the project done; evaluation opens next. */
@Component
class CompleteProjectStep implements TaskStep {

	private final Projects projects;

	private final Evidence evidence;

	CompleteProjectStep(Projects projects, Evidence evidence) {
		this.projects = projects;
		this.evidence = evidence;
	}

	@Override
	public String taskKey() {
		return Step.COMPLETE_PROJECT;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		ServiceProject project = projects.require(Variables.longValue(task, Var.PROJECT_ID));
		evidence.requireFor(CaseKind.PROJECT, project.getId(), EvidenceStep.COMPLETION, project.getCategory(),
				task.getId());
		project.completed(Variables.requiredString(task, Var.COMPLETION_REPORT), TimeLimits.nowInstant());
	}
}
