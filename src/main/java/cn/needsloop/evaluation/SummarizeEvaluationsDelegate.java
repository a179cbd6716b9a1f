package cn.needsloop.evaluation;

import java.util.List;
import java.util.OptionalDouble;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/**
 * Sums up the ratings of the round for {@code evaluation-verdict.dmn}. A rating nobody gave stays
 * empty (null): the decision table says what missing ratings mean.
 */
@Component("summarizeEvaluationsDelegate")
class SummarizeEvaluationsDelegate implements JavaDelegate {

	private final Evaluations evaluations;

	SummarizeEvaluationsDelegate(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		List<Evaluation> round = evaluations.findByProjectIdAndRound(Variables.longValue(execution, Var.PROJECT_ID),
				Variables.intValue(execution, Var.EVALUATION_ROUND));
		OptionalDouble residents = round.stream().filter(e -> e.getPerspective() == Perspective.RESIDENT)
			.mapToInt(Evaluation::getScore).average();
		execution.setVariable(Var.RESIDENT_AVERAGE, residents.isPresent() ? residents.getAsDouble() : null);
		execution.setVariable(Var.COMMUNITY_SCORE, scoreOf(round, Perspective.COMMUNITY));
		execution.setVariable(Var.IMPLEMENTER_SCORE, scoreOf(round, Perspective.IMPLEMENTER));
	}

	private static Integer scoreOf(List<Evaluation> round, Perspective perspective) {
		return round.stream().filter(e -> e.getPerspective() == perspective).map(Evaluation::getScore)
			.reduce((a, b) -> b).orElse(null);
	}
}
