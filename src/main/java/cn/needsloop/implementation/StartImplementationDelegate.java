package cn.needsloop.implementation;

import cn.needsloop.shared.Wording;
import cn.needsloop.community.Organizations;
import cn.needsloop.community.Organization;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.design.Projects;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.intake.NeedLog;
import cn.needsloop.shared.Phase;
import cn.needsloop.process.Subject;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Line;

/** The implementer is known: its tasks from here on are assigned to its account. */
@Component("startImplementationDelegate")
class StartImplementationDelegate implements JavaDelegate {

	private final Projects projects;

	private final Organizations organizations;

	private final NeedLog log;

	StartImplementationDelegate(Projects projects, Organizations organizations, NeedLog log) {
		this.projects = projects;
		this.organizations = organizations;
		this.log = log;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ServiceProject project = projects.require(Variables.longValue(execution, Var.PROJECT_ID));
		execution.setVariable(Var.IMPLEMENTER_USER, project.getImplementerUser());
		String name = organizations.findById(project.getClaimantCode()).map(Organization::getName)
			.orElse(project.getClaimantCode());
		log.record(new Subject(null, project.getId()), Phase.IMPLEMENT,
				Wording.of(Boolean.TRUE.equals(project.getClaimedInTime()) ? "history.project.claimedBy" : "history.project.assignedTo", name),
				Line.SOCIAL_ORGANIZATION, project.getImplementerUser());
	}
}
