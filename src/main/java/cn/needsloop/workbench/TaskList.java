package cn.needsloop.workbench;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.needsloop.process.OpenTask;
import org.springframework.stereotype.Service;

import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;

/** A user's tasks (assigned and claimable), by due date, with what each is about and whether it is overdue. */
@Service
public class TaskList {

	private final ProcessGateway process;

	TaskList(ProcessGateway process) {
		this.process = process;
	}

	public List<TaskView> of(Actor actor, int max) {
		return views(process.tasksFor(actor, max), actor);
	}

	/** These tasks (the open ones among the ids), whoever they are offered to, as the actor would see them listed. */
	public List<TaskView> byIds(Collection<String> taskIds, Actor actor) {
		return views(process.tasks(taskIds), actor);
	}

	private List<TaskView> views(List<OpenTask> tasks, Actor actor) {
		Map<String, Map<String, Object>> locals = process.localVariables(tasks.stream().map(OpenTask::getId).toList(),
				Var.PHASE, Var.LINE, Var.NEED_ID, Var.PROJECT_ID, Var.TIME_LIMIT, Var.TIME_LIMIT_VERSION);
		// a consultation's or a certificate request's instance has the id of its record as business key
		Map<String, String> records = process.businessKeys(tasks.stream()
			.filter(t -> runs(t, Workflow.COMMUNITY_CONSULTATION) || runs(t, Workflow.CERTIFICATE_REQUEST))
			.map(OpenTask::getProcessInstanceId)
			.toList());
		// the title of the need or project a task is about; for tasks about neither, the work item or dispatch their
		// instance is about
		Map<String, Map<String, Object>> subjects = process.instanceVariables(tasks.stream()
			.map(OpenTask::getProcessInstanceId)
			.distinct()
			.toList(), Var.WORK_ITEM_ID, Var.DISPATCH_ID, Var.NEED_TITLE, Var.PROJECT_TITLE);
		Instant now = TimeLimits.nowInstant();
		return tasks.stream().map(t -> {
			Map<String, Object> v = locals.getOrDefault(t.getId(), Map.of());
			Map<String, Object> s = subjects.getOrDefault(t.getProcessInstanceId(), Map.of());
			Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
			Long record = asLong(records.get(t.getProcessInstanceId()));
			Long needId = asLong(v.get(Var.NEED_ID));
			Long projectId = asLong(v.get(Var.PROJECT_ID));
			boolean neither = needId == null && projectId == null;
			Object title = needId != null ? s.get(Var.NEED_TITLE) : projectId != null ? s.get(Var.PROJECT_TITLE) : null;
			return new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), (String) v.get(Var.PHASE),
					(String) v.get(Var.LINE), needId, projectId, t.getAssignee(),
					actor.userId().equals(t.getAssignee()), t.getCreateTime().toInstant(), due,
					due != null && due.isBefore(now), t.getProcessInstanceId(),
					runs(t, Workflow.COMMUNITY_CONSULTATION) ? record : null,
					runs(t, Workflow.CERTIFICATE_REQUEST) ? record : null, neither ? asLong(s.get(Var.WORK_ITEM_ID)) : null,
					neither ? asLong(s.get(Var.DISPATCH_ID)) : null, title instanceof String text ? text : null,
					v.get(Var.TIME_LIMIT) instanceof String limit ? limit : null,
					v.get(Var.TIME_LIMIT_VERSION) instanceof Number version ? version.intValue() : null);
		}).toList();
	}

	private static boolean runs(OpenTask task, String processKey) {
		return task.getProcessDefinitionId() != null && task.getProcessDefinitionId().startsWith(processKey + ":");
	}

	private static Long asLong(Object value) {
		if (value instanceof Number n) {
			return n.longValue();
		}
		if (value instanceof String s && s.matches("\\d{1,18}")) {
			return Long.valueOf(s);
		}
		return null;
	}
}
