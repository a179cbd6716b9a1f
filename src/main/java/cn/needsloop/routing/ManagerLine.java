package cn.needsloop.routing;

import cn.needsloop.notification.Recipient;

import cn.needsloop.shared.Line;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Routes tasks to the street or district manager (街道 / 区民政局), who handles escalations. */
@Component
class ManagerLine implements ServiceLine {

	static final String GROUP = "manager";

	@Override
	public Line line() {
		return Line.MANAGER;
	}

	@Override
	public List<Recipient> route(DelegateTask task, String communityCode) {
		task.addCandidateGroup(GROUP);
		return List.of(Recipient.group(GROUP));
	}
}
