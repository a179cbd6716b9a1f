package cn.needsloop.routing;

import java.time.Instant;

/**
 * A task on a user's list: assigned to them, or claimable by them or one of their groups. What it is
 * about: a need, a project, a work item or a volunteer dispatch (the ids of the others are null).
 */
public record TaskView(String id, String name, String taskKey, String phase, String line, Long needId, Long projectId,
		String assignee, boolean assignedToMe, Instant created, Instant due, boolean overdue,
		String processInstanceId, Long workItemId, Long dispatchId) {
}
