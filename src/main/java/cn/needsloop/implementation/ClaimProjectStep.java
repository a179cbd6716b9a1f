package cn.needsloop.implementation;

import cn.needsloop.community.Organizations;
import cn.needsloop.community.Organization;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.design.Projects;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;

/**
 * A qualified social organisation claims a published project. Of two organisations claiming at
 * once, exactly one wins: the conditional update holds the project row until the winner commits.
 */
@Component
class ClaimProjectStep implements TaskStep {

	private final Projects projects;

	private final Organizations organizations;

	private final ProcessGateway process;

	ClaimProjectStep(Projects projects, Organizations organizations, ProcessGateway process) {
		this.projects = projects;
		this.organizations = organizations;
		this.process = process;
	}

	@Override
	public String taskKey() {
		return Step.CLAIM_PROJECT;
	}

	/** Only an organisation that may claim the project may take its claim task onto its list. */
	@Override
	public void claiming(String taskId, Actor actor) {
		if (process.taskVariable(taskId, Var.PROJECT_ID) instanceof Number projectId) {
			qualifiedOrganization(actor.userId(), projects.require(projectId.longValue()));
		}
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Long projectId = Variables.longValue(task, Var.PROJECT_ID);
		Organization organization = qualifiedOrganization(actor, projects.require(projectId));
		if (projects.takeForClaim(projectId, organization.getCode(), TimeLimits.nowInstant()) == 0) {
			throw ProblemException.conflict("problem.claim.taken", projectId);
		}
		projects.require(projectId).implementedBy(organization.getCode(), actor, true, TimeLimits.nowInstant());
		task.setVariable(Var.ORGANIZATION_CODE, organization.getCode());
	}

	/** The organisation the user acts for, if it is qualified for the project's category; 403 otherwise. */
	private Organization qualifiedOrganization(String user, ServiceProject project) {
		Organization organization = organizations.findByAccountUser(user)
			.orElseThrow(() -> ProblemException.forbidden("problem.claim.notAnOrganization"));
		if (!organization.isQualifiedFor(project.getCategory())) {
			throw ProblemException.forbidden("problem.claim.notQualified", organization.getName(),
					ProblemException.label(project.getCategory()));
		}
		return organization;
	}
}
