package cn.needsloop.routing;

import cn.needsloop.shared.Wording;
import cn.needsloop.notification.Notifier;
import cn.needsloop.shared.Line;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.NeedLog;
import cn.needsloop.shared.Phase;
import cn.needsloop.process.Candidate;
import cn.needsloop.process.Subject;
import cn.needsloop.process.Workflow;
import cn.needsloop.notification.Recipient;

/** 催办: when a task falls due, its assignee or candidate groups get a reminder. */
@Component("taskReminderListener")
class TaskReminderListener implements TaskListener {

	private final Notifier notifier;

	private final NeedLog log;

	TaskReminderListener(Notifier notifier, NeedLog log) {
		this.notifier = notifier;
		this.log = log;
	}

	@Override
	public void notify(DelegateTask task) {
		Subject subject = Subject.of(task);
		notifier.notify(recipientsOf(task),
				Wording.of("notification.task.reminder", Wording.step(task.getTaskDefinitionKey(), task.getName())),
				TaskRoutingListener.describe(task, subject), subject, task.getId());
		Object line = task.getVariableLocal(Workflow.Var.LINE);
		log.record(subject, Phase.valueOf(TaskRoutingListener.property(task, "phase", null)),
				Wording.of("history.step.reminded", TaskRoutingListener.named(task)), line == null ? null : Line.valueOf(line.toString()), "system");
	}

	static List<Recipient> recipientsOf(DelegateTask task) {
		List<Recipient> recipients = new ArrayList<>();
		if (task.getAssignee() != null) {
			recipients.add(Recipient.user(task.getAssignee()));
		}
		for (Candidate candidate : Candidate.of(task)) {
			recipients.add(candidate.group() != null ? Recipient.group(candidate.group()) : Recipient.user(candidate.user()));
		}
		return recipients;
	}
}
