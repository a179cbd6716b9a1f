package cn.needsloop.routing;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.needsloop.notification.Notifier;
import cn.needsloop.notification.Recipient;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Line;
import cn.needsloop.shared.Wording;

/**
 * 顺延时限: an extension was granted. The held step falls due at the time asked for; its reminder and escalation move by
 * as much, and are set again if they had already fired (an escalation that fired before the grant opened a supervision
 * task, which is withdrawn: the step is no longer late). The case's history says so and the asking line is told. A
 * step done while the request waited moves nothing. The same for a need's, a project's and a consultation's step.
 */
@Component("extendStepDelegate")
class ExtendStepDelegate implements JavaDelegate {

	private final StepChanges changes;

	private final ProcessGateway process;

	private final StepChangeService service;

	private final Notifier notifier;

	private final MessageSource messages;

	ExtendStepDelegate(StepChanges changes, ProcessGateway process, StepChangeService service, Notifier notifier,
			MessageSource messages) {
		this.changes = changes;
		this.process = process;
		this.service = service;
		this.notifier = notifier;
		this.messages = messages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		StepChange request = changes.findById(Variables.longValue(execution, Var.EXTENSION_REQUEST_ID)).orElseThrow();
		ExtensionCases cases = service.casesOf(request.getCaseKind());
		ExtensionCase of = cases.find(request.getCaseId());
		Wording step = Wording.step(request.getStep(), Variables.string(execution, Var.EXTENSION_STEP_NAME));
		List<Recipient> recipients = new ArrayList<>();
		recipients.add(Recipient.user(request.getRequestedBy()));
		boolean moved = process.moveDue(request.getTaskId(), Date.from(request.getDueAsked())).isPresent();
		if (moved) {
			process.candidateGroups(request.getTaskId()).forEach(group -> recipients.add(Recipient.group(group)));
			// Tasklist and Cockpit show the delete reason as it is: in Chinese
			process.closeSupervisionsOf(request.getTaskId(),
					Wording.of("task.supervision.extended").render(messages, java.util.Locale.SIMPLIFIED_CHINESE));
		}
		String due = StepChangeService.format(request.getDueAsked());
		String decidedBy = Variables.string(execution, Var.EXTENSION_DECIDED_BY_LINE);
		cases.record(of, DecideExtensionStep.phase(Variables.string(execution, Var.EXTENSION_PHASE)),
				Wording.of(moved ? "history.extension.granted" : "history.extension.moot", step, due),
				decidedBy == null ? Line.MANAGER : Line.valueOf(decidedBy), request.getDecidedBy());
		notifier.notify(recipients.stream().distinct().toList(), Wording.of("notification.extension.granted", step),
				Wording.of("notification.extension.grantedBody", due), of.subject(), moved ? request.getTaskId() : null);
	}
}
