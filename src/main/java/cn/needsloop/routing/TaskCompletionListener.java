package cn.needsloop.routing;

import java.util.Locale;

import cn.needsloop.shared.Wording;
import cn.needsloop.shared.Line;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.NeedLog;
import cn.needsloop.shared.Phase;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.Subject;
import cn.needsloop.process.TaskSteps;
import cn.needsloop.process.Workflow;

/**
 * When a user task is completed, through the API or in Tasklist alike: the feature's step writes
 * the domain, the history records who did it, and a supervision task opened for it is closed.
 */
@Component("taskCompletionListener")
class TaskCompletionListener implements TaskListener {

	private final TaskSteps steps;

	private final NeedLog log;

	private final ProcessGateway process;

	private final MessageSource messages;

	TaskCompletionListener(TaskSteps steps, NeedLog log, ProcessGateway process, MessageSource messages) {
		this.process = process;
		this.messages = messages;
		this.steps = steps;
		this.log = log;
	}

	@Override
	public void notify(DelegateTask task) {
		String actor = process.actingUser();
		steps.forKey(task.getTaskDefinitionKey()).ifPresent(step -> step.completed(task, actor));
		Object line = task.getVariableLocal(Workflow.Var.LINE);
		log.record(Subject.of(task), Phase.valueOf(TaskRoutingListener.property(task, "phase", null)),
				Wording.of("history.step.done", TaskRoutingListener.named(task)), line == null ? null : Line.valueOf(line.toString()), actor);
		// the engine keeps the delete reason as it is (Cockpit shows it): in the deployment's language
		process.closeSupervisionsOf(task.getId(),
				Wording.of("supervision.closedReason").render(messages, Locale.SIMPLIFIED_CHINESE));
	}
}
