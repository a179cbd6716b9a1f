package cn.needsloop.routing;

import cn.needsloop.shared.CommunityGroup;
import cn.needsloop.notification.Recipient;

import cn.needsloop.shared.Line;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Routes tasks to 民需管家服务站 (steward station) of the community. */
@Component
class StewardStationLine implements ServiceLine {

	@Override
	public Line line() {
		return Line.STEWARD;
	}

	@Override
	public List<Recipient> route(DelegateTask task, String communityCode) {
		String group = CommunityGroup.STEWARD.of(communityCode);
		task.addCandidateGroup(group);
		return List.of(Recipient.group(group));
	}
}
