package cn.needsloop.implementation;

import cn.needsloop.community.Organizations;
import cn.needsloop.community.Organization;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.needsloop.process.OpenTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.design.Projects;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.process.ConflictRetry;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;

/** 联动实施: claiming, assigning, milestone reports and completion of a project. */
@Service
@Transactional
public class ImplementationService {

	private final Projects projects;

	private final Organizations organizations;

	private final ProcessGateway process;

	private final ConflictRetry retry;

	ImplementationService(Projects projects, Organizations organizations, ProcessGateway process,
			ConflictRetry retry) {
		this.projects = projects;
		this.organizations = organizations;
		this.process = process;
		this.retry = retry;
	}

	public void claim(Long id, Actor actor) {
		ServiceProject project = projects.require(id);
		Organization organization = organizations.findByAccountUser(actor.userId())
			.orElseThrow(() -> ProblemException.forbidden("problem.claim.notAnOrganization"));
		if (!organization.isQualifiedFor(project.getCategory())) {
			throw ProblemException.forbidden("problem.claim.notQualified", organization.getName(),
					ProblemException.label(project.getCategory()));
		}
		if (project.getClaimantCode() != null) {
			throw ProblemException.conflict("problem.claim.taken", id);
		}
		OpenTask task = process.taskToWork(project.getProcessInstanceId(), Step.CLAIM_PROJECT, actor,
				"problem.project.notAtStep.claim", id);
		process.complete(task, Map.of(Var.CLAIM_CONFIRMED, true), actor);
	}

	public void assign(Long id, String organizationCode, String note, Actor actor) {
		ServiceProject project = projects.require(id);
		OpenTask task = process.taskToWork(project.getProcessInstanceId(), Step.ASSIGN_PROJECT, actor,
				"problem.project.notAtStep.assignment", id);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.ORGANIZATION_CODE, organizationCode);
		variables.put(Var.ASSIGNMENT_NOTE, note);
		process.complete(task, variables, actor);
	}

	/**
	 * Reports one milestone. A project's milestone reports run side by side and join before the completion, and
	 * each writes the project's milestones, so reports sent at the same moment race; the one that loses is run
	 * again in a fresh transaction ({@link ConflictRetry}), and every report succeeds.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public void reportMilestone(Long id, int index, String note, int socialWorkers, int volunteers, Actor actor) {
		retry.inTransaction("reportMilestone",
				() -> reportMilestoneOnce(id, index, note, socialWorkers, volunteers, actor));
	}

	private void reportMilestoneOnce(Long id, int index, String note, int socialWorkers, int volunteers,
			Actor actor) {
		ServiceProject project = projects.require(id);
		project.milestone(index);
		OpenTask task = process.findTask(project.getProcessInstanceId(), Step.REPORT_MILESTONE, Var.MILESTONE_INDEX, index)
			.orElseThrow(() -> ProblemException.conflict("problem.project.notAtStep.milestone", id, index));
		process.requireMayWork(task, actor);
		process.complete(task,
				Map.of(Var.MILESTONE_NOTE, note, Var.SOCIAL_WORKERS, socialWorkers, Var.VOLUNTEERS, volunteers), actor);
	}

	/** Finishes the implementation, or the rectification if the project is being rectified. */
	public void complete(Long id, String report, Actor actor) {
		ServiceProject project = projects.require(id);
		Optional<OpenTask> completion = process.findTask(project.getProcessInstanceId(), Step.COMPLETE_PROJECT);
		OpenTask task = completion.or(() -> process.findTask(project.getProcessInstanceId(), Step.RECTIFY_PROJECT))
			.orElseThrow(() -> ProblemException.conflict("problem.project.notAtStep.completion", id));
		process.requireMayWork(task, actor);
		process.complete(task, Map.of(completion.isPresent() ? Var.COMPLETION_REPORT : Var.RECTIFICATION_REPORT, report),
				actor);
	}
}
