package cn.needsloop.admission;

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
		String body = item.subjectTitle() + "：" + item.getRuleText()
				+ (item.getContractNote() == null ? "" : "；购买服务合同审核意见：" + item.getContractNote());
		notifier.notifyUser(item.getSubmittedBy(), "工作事项不予准入：" + item.getTitle(), body, new Subject(null, null));
	}
}
