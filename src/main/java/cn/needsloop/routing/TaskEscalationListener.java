package cn.needsloop.routing;

import cn.needsloop.notification.Notifier;
import cn.needsloop.shared.Line;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.NeedLog;
import cn.needsloop.shared.Phase;
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

	TaskEscalationListener(Notifier notifier, NeedLog log, TimeLimits timeLimits) {
		this.notifier = notifier;
		this.log = log;
		this.timeLimits = timeLimits;
	}

	@Override
	public void notify(DelegateTask task) {
		Subject subject = Subject.of(task);
		TaskService tasks = task.getProcessEngineServices().getTaskService();
		Task supervision = tasks.newTask();
		supervision.setName("督办：" + task.getName() + "（" + TaskRoutingListener.label(task, subject) + "）");
		supervision.setDescription(TaskRoutingListener.describe(task, subject));
		supervision.setDueDate(timeLimits.due("supervision"));
		supervision.setPriority(80);
		supervision.setTenantId(task.getTenantId());
		tasks.saveTask(supervision);
		tasks.addCandidateGroup(supervision.getId(), ManagerLine.GROUP);
		tasks.setVariableLocal(supervision.getId(), Workflow.Var.ESCALATED_TASK_ID, task.getId());
		tasks.setVariableLocal(supervision.getId(), Workflow.Var.LINE, Line.MANAGER.name());
		tasks.setVariableLocal(supervision.getId(), Workflow.Var.PHASE, TaskRoutingListener.property(task, "phase", null));
		if (subject.isNeed()) {
			tasks.setVariableLocal(supervision.getId(), Workflow.Var.NEED_ID, subject.needId());
		}
		else {
			tasks.setVariableLocal(supervision.getId(), Workflow.Var.PROJECT_ID, subject.projectId());
		}
		notifier.notify(List.of(Recipient.group(ManagerLine.GROUP)), "逾期督办：" + task.getName(),
				TaskRoutingListener.describe(task, subject), subject, supervision.getId());
		log.record(subject, Phase.valueOf(TaskRoutingListener.property(task, "phase", null)),
				TaskRoutingListener.named(task) + " · 逾期，转街道督办", Line.MANAGER, "system");
	}
}
