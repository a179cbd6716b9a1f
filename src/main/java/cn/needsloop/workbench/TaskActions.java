package cn.needsloop.workbench;

import cn.needsloop.process.OpenTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.intake.NeedRequests.Verify;
import cn.needsloop.intake.NeedService;
import cn.needsloop.intake.VerificationVerdict;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TaskSteps;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;

/**
 * What a user can do to one task from their task list without opening it: claim it, give it back to
 * their line, or (a steward) record a verification as genuine. Each call is one transaction and asks
 * the same questions as the single step does ({@link ProcessGateway#mayWork}, {@link NeedService#verify});
 * a refusal is a {@link ProblemException} with the reason.
 */
@Service
@Transactional
public class TaskActions {

	private final ProcessGateway process;

	private final NeedService needs;

	private final TaskSteps steps;

	TaskActions(ProcessGateway process, NeedService needs, TaskSteps steps) {
		this.process = process;
		this.needs = needs;
		this.steps = steps;
	}

	/**
	 * Takes an offered task onto the user's own list, if the rules of its step let them do it (an organisation
	 * claims a project's claim task only if it is qualified); a task already theirs stays theirs.
	 */
	public void claim(String taskId, Actor actor) {
		OpenTask task = open(taskId);
		if (actor.userId().equals(task.getAssignee())) {
			return;
		}
		requireNotHeldByOther(task, actor);
		process.requireMayWork(task, actor);
		steps.forKey(task.getTaskDefinitionKey()).ifPresent(step -> step.claiming(task.getId(), actor));
		process.claim(task, actor);
	}

	/** Gives a task the user claimed back to the line it is offered to. */
	public void unclaim(String taskId, Actor actor) {
		OpenTask task = open(taskId);
		if (!actor.userId().equals(task.getAssignee())) {
			throw ProblemException.conflict("problem.task.notClaimedByYou");
		}
		if (!process.offeredTo(task, actor)) {
			// assigned to this user by the process itself (an implementer, a registered party member): nobody else could take it
			throw ProblemException.conflict("problem.task.assignedToYou");
		}
		process.unclaim(task, actor);
	}

	/** Records "genuine" with the note for the need a verification task is about, as the need's page does. */
	public void verifyGenuine(String taskId, String note, Actor actor) {
		OpenTask task = open(taskId);
		if (!Step.VERIFY_NEED.equals(task.getTaskDefinitionKey())) {
			throw ProblemException.conflict("problem.task.notVerification");
		}
		requireNotHeldByOther(task, actor);
		Object needId = process.taskVariable(task.getId(), Var.NEED_ID);
		if (!(needId instanceof Number id)) {
			throw ProblemException.conflict("problem.task.notVerification");
		}
		try {
			needs.verify(id.longValue(), new Verify(VerificationVerdict.GENUINE, null, note), actor);
		}
		catch (RuntimeException ex) {
			if (ProcessGateway.concurrentChange(ex)) {
				throw ProblemException.conflict("problem.concurrentChange");
			}
			throw ex;
		}
	}

	private OpenTask open(String taskId) {
		return process.task(taskId).orElseThrow(() -> ProblemException.notFound("task", taskId));
	}

	private static void requireNotHeldByOther(OpenTask task, Actor actor) {
		if (task.getAssignee() != null && !actor.userId().equals(task.getAssignee())) {
			throw ProblemException.conflict("problem.task.claimedByOther");
		}
	}
}
