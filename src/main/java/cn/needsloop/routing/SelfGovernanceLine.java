package cn.needsloop.routing;

import cn.needsloop.shared.CommunityGroup;
import cn.needsloop.notification.Recipient;

import cn.needsloop.shared.Line;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Routes tasks to the residents' committee and self-governance organisations (群众自治组织线). */
@Component
class SelfGovernanceLine implements ServiceLine {

	@Override
	public Line line() {
		return Line.SELF_GOVERNANCE;
	}

	@Override
	public List<Recipient> route(DelegateTask task, String communityCode) {
		String group = CommunityGroup.SELF_GOVERNANCE.of(communityCode);
		task.addCandidateGroup(group);
		return List.of(Recipient.group(group));
	}
}
