package cn.needsloop.routing;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.notification.Recipient;
import cn.needsloop.shared.CommunityGroup;
import cn.needsloop.shared.Line;

/**
 * Routes tasks to the stewards' lead of the community (民需管家站长, {@code steward-lead:xingfu}): the extensions asked
 * there. {@code task-routing.dmn} sends a task here only when the community has a lead, else to the manager.
 */
@Component
class StewardLeadLine implements ServiceLine {

	@Override
	public Line line() {
		return Line.STEWARD_LEAD;
	}

	@Override
	public List<Recipient> route(DelegateTask task, String communityCode) {
		String group = CommunityGroup.STEWARD_LEAD.of(communityCode);
		task.addCandidateGroup(group);
		return List.of(Recipient.group(group));
	}
}
