package cn.needsloop.evaluation;

import java.util.HashMap;
import java.util.Map;

import cn.needsloop.process.OpenTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.design.Projects;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.intake.Needs;
import cn.needsloop.process.ConflictRetry;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;

/** 双向评估: records one rating of a project's evaluation by completing the matching task. */
@Service
@Transactional
public class EvaluationService {

	private final Projects projects;

	private final Needs needs;

	private final ProcessGateway process;

	private final ConflictRetry retry;

	EvaluationService(Projects projects, Needs needs, ProcessGateway process, ConflictRetry retry) {
		this.projects = projects;
		this.needs = needs;
		this.process = process;
		this.retry = retry;
	}

	/**
	 * Records one rating. The ratings of an evaluation run side by side and join at its end, so ratings sent at
	 * the same moment race for that join; the one that loses is run again in a fresh transaction
	 * ({@link ConflictRetry}), and every rating succeeds.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public void rate(Long projectId, Perspective perspective, Long needId, int score, String comment, Actor actor) {
		retry.inTransaction("rate", () -> rateOnce(projectId, perspective, needId, score, comment, actor));
	}

	private void rateOnce(Long projectId, Perspective perspective, Long needId, int score, String comment,
			Actor actor) {
		ServiceProject project = projects.require(projectId);
		OpenTask task = switch (perspective) {
			case RESIDENT -> {
				if (needId == null) {
					throw ProblemException.badField("needId", "problem.evaluation.needRequired");
				}
				if (!projectId.equals(needs.require(needId).getProjectId())) {
					throw ProblemException.badField("needId", "problem.evaluation.needNotInProject", needId, projectId);
				}
				yield process.findTask(project.getProcessInstanceId(), Step.RATE_AS_RESIDENT, Var.RATED_NEED_ID, needId)
					.orElseThrow(() -> ProblemException.conflict("problem.evaluation.notOpen", projectId));
			}
			case COMMUNITY -> process.currentTask(project.getProcessInstanceId(), Step.RATE_AS_COMMUNITY,
					"problem.evaluation.notOpen", projectId);
			case IMPLEMENTER -> process.currentTask(project.getProcessInstanceId(), Step.RATE_AS_IMPLEMENTER,
					"problem.evaluation.notOpen", projectId);
		};
		process.requireMayWork(task, actor);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.RATING_SCORE, score);
		variables.put(Var.RATING_COMMENT, comment);
		process.complete(task, variables, actor);
	}
}
