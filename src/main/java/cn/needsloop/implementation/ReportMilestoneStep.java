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
import cn.needsloop.shared.ProblemException;

/** A milestone report, with the social workers and volunteers staffed on it (四社联动). */
@Component
class ReportMilestoneStep implements TaskStep {

	private final Projects projects;

	private final Evidence evidence;

	ReportMilestoneStep(Projects projects, Evidence evidence) {
		this.projects = projects;
		this.evidence = evidence;
	}

	@Override
	public String taskKey() {
		return Step.REPORT_MILESTONE;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Integer socialWorkers = Variables.intValue(task, Var.SOCIAL_WORKERS);
		Integer volunteers = Variables.intValue(task, Var.VOLUNTEERS);
		if (socialWorkers == null || socialWorkers < 0) {
			throw ProblemException.badField(Var.SOCIAL_WORKERS, "problem.field.nonNegative");
		}
		if (volunteers == null || volunteers < 0) {
			throw ProblemException.badField(Var.VOLUNTEERS, "problem.field.nonNegative");
		}
		ServiceProject project = projects.require(Variables.longValue(task, Var.PROJECT_ID));
		evidence.requireFor(CaseKind.PROJECT, project.getId(), EvidenceStep.MILESTONE, project.getCategory(),
				task.getId());
		project.milestoneReported(Variables.intValue(task, Var.MILESTONE_INDEX),
					Variables.requiredString(task, Var.MILESTONE_NOTE), socialWorkers, volunteers, actor,
					TimeLimits.nowInstant());
	}
}
