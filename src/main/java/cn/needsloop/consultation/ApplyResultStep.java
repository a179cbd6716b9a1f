package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;

/**
 * 成果运用: the public notice passed without objection, so the result stands (AGREED); the
 * self-governance line applies it and reports how.
 */
@Component
class ApplyResultStep implements TaskStep {

	private final Consultations consultations;

	ApplyResultStep(Consultations consultations) {
		this.consultations = consultations;
	}

	@Override
	public String taskKey() {
		return Step.APPLY_RESULT;
	}

	@Override
	public void entered(DelegateTask task) {
		Consultation consultation = consultations.require(Variables.longValue(task, Var.CONSULTATION_ID));
		consultation.agreed(Variables.string(task, Var.CONSULTATION_REASON), TimeLimits.nowInstant());
		consultation.record(Wording.of("consultation.history.effective"), "system", TimeLimits.nowInstant());
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Consultation consultation = consultations.require(Variables.longValue(task, Var.CONSULTATION_ID));
		String report = Variables.requiredString(task, Var.APPLICATION_REPORT);
		consultation.applied(report, actor, TimeLimits.nowInstant());
		consultation.record(Wording.of("consultation.history.applicationReported"), actor, TimeLimits.nowInstant());
	}
}
