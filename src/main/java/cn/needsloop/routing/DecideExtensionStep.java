package cn.needsloop.routing;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedLog;
import cn.needsloop.intake.Needs;
import cn.needsloop.notification.Notifier;
import cn.needsloop.notification.Recipient;
import cn.needsloop.process.Subject;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Line;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Wording;

/**
 * 审批延期: the manager grants or refuses an extension, in the app or in Tasklist alike. A refusal needs a reason, which
 * the asking line reads; a granted extension moves the step's times in {@link ExtendStepDelegate}.
 */
@Component
class DecideExtensionStep implements TaskStep {

	enum Decision {
		GRANTED, REFUSED
	}

	private final StepChanges changes;

	private final Needs needs;

	private final NeedLog log;

	private final Notifier notifier;

	DecideExtensionStep(StepChanges changes, Needs needs, NeedLog log, Notifier notifier) {
		this.changes = changes;
		this.needs = needs;
		this.log = log;
		this.notifier = notifier;
	}

	@Override
	public String taskKey() {
		return Step.DECIDE_EXTENSION;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Decision decision = Variables.requiredEnum(task, Var.EXTENSION_DECISION, Decision.class);
		String note = Variables.string(task, Var.EXTENSION_DECISION_NOTE);
		if (decision == Decision.REFUSED) {
			note = Variables.requiredString(task, Var.EXTENSION_DECISION_NOTE);
		}
		if (note != null && note.length() > StepChangeService.MAX_TEXT) {
			throw ProblemException.badField(Var.EXTENSION_DECISION_NOTE, "problem.field.maxLength", StepChangeService.MAX_TEXT);
		}
		StepChange request = changes.findById(Variables.longValue(task, Var.EXTENSION_REQUEST_ID)).orElseThrow();
		request.decided(decision == Decision.GRANTED, actor, note, TimeLimits.nowInstant());
		if (decision == Decision.REFUSED) {
			Need need = needs.require(request.getNeedId());
			Wording step = Wording.step(request.getStep(), Variables.string(task, Var.EXTENSION_STEP_NAME));
			log.record(need, need.getPhase(), Wording.of("history.extension.refused", step, note), Line.MANAGER, actor);
			notifier.notify(List.of(Recipient.user(request.getRequestedBy())), Wording.of("notification.extension.refused", step),
					Wording.of("text", note), new Subject(need.getId(), null), request.getTaskId());
		}
	}
}
