package cn.needsloop.implementation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.design.Projects;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.system.ProblemException;

/**
 * A qualified social organisation claims a published project. Of two organisations claiming at
 * once, exactly one wins: the conditional update holds the project row until the winner commits.
 */
@Component
class ClaimProjectStep implements TaskStep {

	private final Projects projects;

	private final Organizations organizations;

	ClaimProjectStep(Projects projects, Organizations organizations) {
		this.projects = projects;
		this.organizations = organizations;
	}

	@Override
	public String taskKey() {
		return Step.CLAIM_PROJECT;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Long projectId = Variables.longValue(task, Var.PROJECT_ID);
		Organization organization = organizations.findByAccountUser(actor)
			.orElseThrow(() -> ProblemException.forbidden("problem.claim.notAnOrganization"));
		ServiceProject project = projects.require(projectId);
		if (!organization.isQualifiedFor(project.getCategory())) {
			throw ProblemException.forbidden("problem.claim.notQualified", organization.getName(),
					ProblemException.label(project.getCategory()));
		}
		if (projects.takeForClaim(projectId, organization.getCode(), TimeLimits.nowInstant()) == 0) {
			throw ProblemException.conflict("problem.claim.taken", projectId);
		}
		projects.require(projectId).implementedBy(organization.getCode(), actor, true, TimeLimits.nowInstant());
		task.setVariable(Var.ORGANIZATION_CODE, organization.getCode());
	}
}
