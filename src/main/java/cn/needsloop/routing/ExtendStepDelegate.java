package cn.needsloop.routing;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedLog;
import cn.needsloop.intake.Needs;
import cn.needsloop.notification.Notifier;
import cn.needsloop.notification.Recipient;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.Subject;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Line;
import cn.needsloop.shared.Wording;

/**
 * 顺延时限: an extension was granted. The held step falls due at the time asked for; its reminder and escalation move by
 * as much; the need's history says so and the asking line is told. A step done while the request waited moves nothing.
 */
@Component("extendStepDelegate")
class ExtendStepDelegate implements JavaDelegate {

	private final StepChanges changes;

	private final ProcessGateway process;

	private final Needs needs;

	private final NeedLog log;

	private final Notifier notifier;

	ExtendStepDelegate(StepChanges changes, ProcessGateway process, Needs needs, NeedLog log, Notifier notifier) {
		this.changes = changes;
		this.process = process;
		this.needs = needs;
		this.log = log;
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		StepChange request = changes.findById(Variables.longValue(execution, Var.EXTENSION_REQUEST_ID)).orElseThrow();
		Need need = needs.require(request.getNeedId());
		Wording step = Wording.step(request.getStep(), Variables.string(execution, Var.EXTENSION_STEP_NAME));
		List<Recipient> recipients = new ArrayList<>();
		recipients.add(Recipient.user(request.getRequestedBy()));
		boolean moved = process.moveDue(request.getTaskId(), Date.from(request.getDueAsked())).isPresent();
		if (moved) {
			process.candidateGroups(request.getTaskId()).forEach(group -> recipients.add(Recipient.group(group)));
		}
		String due = StepChangeService.format(request.getDueAsked());
		log.record(need, need.getPhase(),
				Wording.of(moved ? "history.extension.granted" : "history.extension.moot", step, due), Line.MANAGER,
				request.getDecidedBy());
		notifier.notify(recipients.stream().distinct().toList(), Wording.of("notification.extension.granted", step),
				Wording.of("notification.extension.grantedBody", due), new Subject(need.getId(), null),
				moved ? request.getTaskId() : null);
	}
}
