package cn.needsloop.routing;

import cn.needsloop.notification.Recipient;

import cn.needsloop.shared.Line;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Workflow;

/**
 * Routes tasks to social organisations (社会组织线): offered to all of them until a project has an
 * implementer, then assigned to the implementer's account.
 */
@Component
class SocialOrganizationLine implements ServiceLine {

	static final String GROUP = "socialorg";

	@Override
	public Line line() {
		return Line.SOCIAL_ORGANIZATION;
	}

	@Override
	public List<Recipient> route(DelegateTask task, String communityCode) {
		Object implementer = task.getVariable(Workflow.Var.IMPLEMENTER_USER);
		if (implementer != null) {
			task.setAssignee(implementer.toString());
			return List.of(Recipient.user(implementer.toString()));
		}
		task.addCandidateGroup(GROUP);
		return List.of(Recipient.group(GROUP));
	}
}
