package cn.needsloop.workbench;

import java.time.Instant;

/**
 * A task on a user's list: assigned to them, or claimable by them or one of their groups. A task of a community
 * consultation or a certificate request names its record ({@code consultationId}, {@code certificateId}), so that
 * the list can link to its page; so does a task of a work item or a volunteer dispatch ({@code workItemId},
 * {@code dispatchId}). {@code subjectTitle} is the title of the need or project the task is about.
 * {@code timeLimit} is the limit that set the due date ({@code PT2H}, {@code 1WD}) and {@code timeLimitVersion} the
 * version of the time-limits table it came from (null when configuration gave it, or for a task from before).
 */
public record TaskView(String id, String name, String taskKey, String phase, String line, Long needId, Long projectId,
		String assignee, boolean assignedToMe, Instant created, Instant due, boolean overdue,
		String processInstanceId, Long consultationId, Long certificateId, Long workItemId, Long dispatchId,
		String subjectTitle, String timeLimit, Integer timeLimitVersion) {
}
