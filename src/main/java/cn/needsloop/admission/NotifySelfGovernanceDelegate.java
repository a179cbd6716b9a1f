package cn.needsloop.admission;

import cn.needsloop.shared.CommunityGroup;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Subject;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.notification.Notifier;
import cn.needsloop.notification.Recipient;

/**
 * An admitted item (on the list, or under a purchased-service contract) is handed to the
 * self-governance line of each of its communities; the department is told.
 */
@Component("notifySelfGovernanceDelegate")
class NotifySelfGovernanceDelegate implements JavaDelegate {

	private static final Subject NO_NEED = new Subject(null, null);

	private final WorkItems workItems;

	private final Notifier notifier;

	NotifySelfGovernanceDelegate(WorkItems workItems, Notifier notifier) {
		this.workItems = workItems;
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		WorkItem item = workItems.require(Variables.longValue(execution, Var.WORK_ITEM_ID));
		String how = item.getStatus() == WorkItemStatus.PURCHASED_SERVICE
				? "以购买服务方式委托（经费 " + item.getFundingYuan().toPlainString() + " 元）" : "列入准入清单";
		String body = item.subjectTitle() + "：" + how + "。依据：" + item.getRuleText();
		List<Recipient> lines = item.getCommunityCodes().stream().map(code -> Recipient.group(CommunityGroup.SELF_GOVERNANCE.of(code))).toList();
		notifier.notify(lines, "新准入工作事项：" + item.getTitle(), body, NO_NEED, null);
		notifier.notifyUser(item.getSubmittedBy(), "工作事项已准入：" + item.getTitle(), body, NO_NEED);
	}
}
