package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/**
 * Writes the round's result ({@code consultationOutcome}, the single result of {@code consultationResult})
 * into the consultation and into {@code consultationResult} / {@code consultationReason} for the gateway
 * and for a calling project.
 */
@Component("recordResultDelegate")
class RecordResultDelegate implements JavaDelegate {

	private final Consultations consultations;

	RecordResultDelegate(Consultations consultations) {
		this.consultations = consultations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Consultation consultation = consultations.require(Variables.longValue(execution, Var.CONSULTATION_ID));
		Map<?, ?> outcome = execution.getVariable(Var.CONSULTATION_OUTCOME) instanceof Map<?, ?> map ? map : Map.of();
		RoundResult result = outcome.get("result") == null ? RoundResult.REJECTED
				: RoundResult.valueOf(outcome.get("result").toString());
		String reason = outcome.get("reason") == null ? "" : outcome.get("reason").toString();
		consultation.roundDecided(result, reason, TimeLimits.nowInstant());
		execution.removeVariable(Var.CONSULTATION_OUTCOME);
		execution.setVariable(Var.CONSULTATION_RESULT, result.name());
		execution.setVariable(Var.CONSULTATION_REASON, reason);
		consultation.record(Wording.of("consultation.history.result", consultation.getRound(),
				Wording.of("consultation.history.result." + result.name()), reason), "system",
				TimeLimits.nowInstant());
	}
}
