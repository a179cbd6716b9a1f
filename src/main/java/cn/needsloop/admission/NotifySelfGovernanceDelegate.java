package cn.needsloop.admission;

import cn.needsloop.shared.Wording;
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
		Wording how = item.getStatus() == WorkItemStatus.PURCHASED_SERVICE
				? Wording.of("notification.workItem.purchased", item.getFundingYuan().toPlainString())
				: Wording.of("notification.workItem.listed");
		Wording body = Wording.of("notification.workItem.admitted.body", item.subjectTitle(), how, item.getRuleText());
		List<Recipient> lines = item.getCommunityCodes().stream().map(code -> Recipient.group(CommunityGroup.SELF_GOVERNANCE.of(code))).toList();
		notifier.notify(lines, Wording.of("notification.workItem.new", item.getTitle()), body, NO_NEED, null);
		notifier.notifyUser(item.getSubmittedBy(), Wording.of("notification.workItem.admitted", item.getTitle()), body, NO_NEED);
	}
}
