package cn.needsloop.implementation;

import cn.needsloop.community.Organizations;
import cn.needsloop.community.Organization;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.design.Projects;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.ProblemException;

/**
 * Nobody claimed the project in time: the manager hands it to a qualified social organisation or
 * to a party-member volunteer team (双报到).
 */
@Component
class AssignProjectStep implements TaskStep {

	private final Projects projects;

	private final Organizations organizations;

	AssignProjectStep(Projects projects, Organizations organizations) {
		this.projects = projects;
		this.organizations = organizations;
	}

	@Override
	public String taskKey() {
		return Step.ASSIGN_PROJECT;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		String code = Variables.requiredString(task, Var.ORGANIZATION_CODE);
		Organization organization = organizations.findById(code)
			.orElseThrow(() -> ProblemException.badField("organizationCode", "problem.organization.unknown", code));
		ServiceProject project = projects.require(Variables.longValue(task, Var.PROJECT_ID));
		if (!organization.isQualifiedFor(project.getCategory())) {
			throw ProblemException.badField("organizationCode", "problem.organization.notQualified", code,
					ProblemException.label(project.getCategory()));
		}
		project.implementedBy(organization.getCode(), organization.getAccountUser(), false, TimeLimits.nowInstant());
	}
}
