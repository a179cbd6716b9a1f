package cn.needsloop.routing;

import org.springframework.context.MessageSource;
import java.util.Locale;
import cn.needsloop.shared.Wording;
import cn.needsloop.notification.Notifier;
import cn.needsloop.shared.Line;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.NeedLog;
import cn.needsloop.shared.Phase;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.Subject;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow;
import cn.needsloop.notification.Recipient;

/**
 * 督办: a task still open a day after it fell due becomes a supervision task for the manager. The
 * supervision task closes by itself once the overdue task is done.
 */
@Component("taskEscalationListener")
class TaskEscalationListener implements TaskListener {

	private final Notifier notifier;

	private final NeedLog log;

	private final TimeLimits timeLimits;

	private final ProcessGateway process;

	private final MessageSource messages;

	TaskEscalationListener(Notifier notifier, NeedLog log, TimeLimits timeLimits, ProcessGateway process,
			MessageSource messages) {
		this.messages = messages;
		this.process = process;
		this.notifier = notifier;
		this.log = log;
		this.timeLimits = timeLimits;
	}

	@Override
	public void notify(DelegateTask task) {
		Subject subject = Subject.of(task);
		Map<String, Object> locals = new HashMap<>();
		locals.put(Workflow.Var.ESCALATED_TASK_ID, task.getId());
		locals.put(Workflow.Var.LINE, Line.MANAGER.name());
		locals.put(Workflow.Var.PHASE, TaskRoutingListener.property(task, "phase", null));
		if (subject.isNeed()) {
			locals.put(Workflow.Var.NEED_ID, subject.needId());
		}
		else {
			locals.put(Workflow.Var.PROJECT_ID, subject.projectId());
		}
		Wording step = Wording.step(task.getTaskDefinitionKey(), task.getName());
		// the supervision task is the engine's: Tasklist shows its name and description as they are, in Chinese
		Locale chinese = Locale.SIMPLIFIED_CHINESE;
		String supervision = process.openSupervision(
				Wording.of("task.supervision", step, TaskRoutingListener.label(task, subject)).render(messages, chinese),
				TaskRoutingListener.describe(task, subject).render(messages, chinese), timeLimits.due("supervision"),
				task.getTenantId(), ManagerLine.GROUP, locals);
		notifier.notify(List.of(Recipient.group(ManagerLine.GROUP)), Wording.of("notification.task.escalated", step),
				TaskRoutingListener.describe(task, subject), subject, supervision);
		log.record(subject, Phase.valueOf(TaskRoutingListener.property(task, "phase", null)),
				Wording.of("history.step.escalated", TaskRoutingListener.named(task)), Line.MANAGER, "system");
	}
}
