package cn.needsloop.routing;

import cn.needsloop.shared.CommunityGroup;
import cn.needsloop.notification.Recipient;

import cn.needsloop.shared.Line;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Routes tasks to the community party organisation (基层党组织线). */
@Component
class PartyLine implements ServiceLine {

	@Override
	public Line line() {
		return Line.PARTY;
	}

	@Override
	public List<Recipient> route(DelegateTask task, String communityCode) {
		String group = CommunityGroup.PARTY.of(communityCode);
		task.addCandidateGroup(group);
		return List.of(Recipient.group(group));
	}
}
