package cn.needsloop.evaluation;

import cn.needsloop.design.Verdict;
import cn.needsloop.shared.Wording;
import cn.needsloop.process.DecisionTables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.design.Projects;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedLog;
import cn.needsloop.intake.Needs;
import cn.needsloop.shared.Phase;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow;
import cn.needsloop.process.Workflow.Decision;
import cn.needsloop.process.Workflow.Var;

/**
 * The project's verdict goes back to each of its needs. SATISFIED resolves them, except a need its
 * own resident rated poorly ({@code needOutcome} in the DMN), which is reopened; FAILED reopens all.
 */
@Component("concludeProjectDelegate")
class ConcludeProjectDelegate implements JavaDelegate {

	private final Projects projects;

	private final Needs needs;

	private final Evaluations evaluations;

	private final DecisionTables decisions;

	private final ProcessGateway process;

	private final NeedLog log;

	ConcludeProjectDelegate(Projects projects, Needs needs, Evaluations evaluations, DecisionTables decisions,
			ProcessGateway process, NeedLog log) {
		this.projects = projects;
		this.needs = needs;
		this.evaluations = evaluations;
		this.decisions = decisions;
		this.process = process;
		this.log = log;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ServiceProject project = projects.require(Variables.longValue(execution, Var.PROJECT_ID));
		Verdict verdict = Variables.requiredEnum(execution, Var.VERDICT, Verdict.class);
		boolean failed = verdict == Verdict.FAILED;
		project.concluded(verdict, TimeLimits.nowInstant());
		List<Evaluation> round = evaluations.findByProjectIdAndRound(project.getId(), project.getEvaluationRound());
		for (Need need : needs.findByProjectId(project.getId())) {
			Evaluation own = round.stream()
				.filter(e -> e.getPerspective() == Perspective.RESIDENT && need.getId().equals(e.getNeedId()))
				.reduce((a, b) -> b).orElse(null);
			need.rated(own == null ? null : own.getScore(), own == null ? null : own.getComment(), TimeLimits.nowInstant());
			NeedOutcome outcome = failed ? NeedOutcome.REOPEN : needOutcome(own == null ? null : own.getScore());
			log.record(need, Phase.EVALUATE, Wording.of("history.project.concluded." + (failed ? "failed" : "satisfied")
					+ (outcome == NeedOutcome.REOPEN ? ".needUnmet" : "")), null, "system");
			Map<String, Object> variables = new HashMap<>();
			variables.put(Var.NEED_OUTCOME, outcome.name());
			variables.put(Var.PROJECT_VERDICT, verdict.name());
			process.correlate(Workflow.MESSAGE_PROJECT_CONCLUDED, String.valueOf(need.getId()), variables);
		}
	}

	private NeedOutcome needOutcome(Integer score) {
		Map<String, Object> input = new HashMap<>();
		input.put(Var.NEED_SCORE, score);
		return NeedOutcome.valueOf(decisions.<String>decide(Decision.NEED_OUTCOME, input));
	}
}
