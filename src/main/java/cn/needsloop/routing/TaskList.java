package cn.needsloop.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.system.Actor;

/** A user's tasks (assigned and claimable), by due date, with what each is about and whether it is overdue. */
@Service
public class TaskList {

	private final ProcessGateway process;

	TaskList(ProcessGateway process) {
		this.process = process;
	}

	public List<TaskView> of(Actor actor, int max) {
		List<Task> tasks = process.tasksFor(actor, max);
		Map<String, Map<String, Object>> locals = process.localVariables(tasks.stream().map(Task::getId).toList(),
				Var.PHASE, Var.LINE, Var.NEED_ID, Var.PROJECT_ID);
		// tasks about neither a need nor a project: the work item or dispatch their instance is about
		Map<String, Map<String, Object>> subjects = process.instanceVariables(tasks.stream()
			.filter(t -> {
				Map<String, Object> v = locals.getOrDefault(t.getId(), Map.of());
				return v.get(Var.NEED_ID) == null && v.get(Var.PROJECT_ID) == null;
			})
			.map(Task::getProcessInstanceId)
			.toList(), Var.WORK_ITEM_ID, Var.DISPATCH_ID);
		Instant now = TimeLimits.nowInstant();
		return tasks.stream().map(t -> {
			Map<String, Object> v = locals.getOrDefault(t.getId(), Map.of());
			Map<String, Object> s = subjects.getOrDefault(t.getProcessInstanceId(), Map.of());
			Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
			return new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), (String) v.get(Var.PHASE),
					(String) v.get(Var.LINE), asLong(v.get(Var.NEED_ID)), asLong(v.get(Var.PROJECT_ID)), t.getAssignee(),
					actor.userId().equals(t.getAssignee()), t.getCreateTime().toInstant(), due,
					due != null && due.isBefore(now), t.getProcessInstanceId(), asLong(s.get(Var.WORK_ITEM_ID)),
					asLong(s.get(Var.DISPATCH_ID)));
		}).toList();
	}

	private static Long asLong(Object value) {
		return value instanceof Number n ? n.longValue() : null;
	}
}
