package cn.needsloop.routing;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.notification.Notifier;
import cn.needsloop.notification.Recipient;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Line;
import cn.needsloop.shared.Phase;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Wording;

/**
 * 审批延期: the community's stewards' lead (or the manager where it has none) grants or refuses an extension of a
 * need's, a project's or a consultation's step, in the app or in Tasklist alike. A refusal needs a reason, which the
 * asking line reads; a granted extension moves the step's times in {@link ExtendStepDelegate}.
 */
@Component
class DecideExtensionStep implements TaskStep {

	enum Decision {
		GRANTED, REFUSED
	}

	private final StepChanges changes;

	private final StepChangeService service;

	private final Notifier notifier;

	DecideExtensionStep(StepChanges changes, StepChangeService service, Notifier notifier) {
		this.changes = changes;
		this.service = service;
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
		Object deciding = task.getVariableLocal(Var.LINE);
		Line line = deciding == null ? Line.MANAGER : Line.valueOf(deciding.toString());
		task.setVariable(Var.EXTENSION_DECIDED_BY_LINE, line.name());
		if (decision == Decision.REFUSED) {
			ExtensionCases cases = service.casesOf(request.getCaseKind());
			ExtensionCase of = cases.find(request.getCaseId());
			Wording step = Wording.step(request.getStep(), Variables.string(task, Var.EXTENSION_STEP_NAME));
			cases.record(of, phase(Variables.string(task, Var.EXTENSION_PHASE)), Wording.of("history.extension.refused", step,
					note), line, actor);
			notifier.notify(List.of(Recipient.user(request.getRequestedBy())), Wording.of("notification.extension.refused", step),
					Wording.of("text", note), of.subject(), request.getTaskId());
		}
	}

	static Phase phase(String name) {
		return name == null ? null : Phase.valueOf(name);
	}
}
