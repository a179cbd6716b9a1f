package cn.needsloop.admission;

import cn.needsloop.shared.Wording;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Subject;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.notification.Notifier;

/** A refused item: the department is told the rule (and the manager's note when a contract was rejected). */
@Component("refuseWorkItemDelegate")
class RefuseWorkItemDelegate implements JavaDelegate {

	private final WorkItems workItems;

	private final Notifier notifier;

	RefuseWorkItemDelegate(WorkItems workItems, Notifier notifier) {
		this.workItems = workItems;
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		WorkItem item = workItems.require(Variables.longValue(execution, Var.WORK_ITEM_ID));
		Wording body = item.getContractNote() == null
				? Wording.of("notification.workItem.refused.body", item.subjectTitle(), item.getRuleText())
				: Wording.of("notification.workItem.refused.bodyWithContract", item.subjectTitle(), item.getRuleText(),
						item.getContractNote());
		notifier.notifyUser(item.getSubmittedBy(), Wording.of("notification.workItem.refused", item.getTitle()), body,
				new Subject(null, null));
	}
}
