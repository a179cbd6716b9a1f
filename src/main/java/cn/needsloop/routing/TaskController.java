package cn.needsloop.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.system.Actor;
import cn.needsloop.system.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "tasks", description = "我的待办 (my tasks)")
class TaskController {

	/** A task on the caller's list: assigned to them, or claimable by them or one of their groups. */
	record TaskView(String id, String name, String taskKey, String phase, String line, Long needId, Long projectId,
			String assignee, boolean assignedToMe, Instant created, Instant due, boolean overdue,
			String processInstanceId) {
	}

	private final ProcessGateway process;

	TaskController(ProcessGateway process) {
		this.process = process;
	}

	@GetMapping
	@Operation(summary = "我的任务与可认领任务（按期限排序）My assigned and claimable tasks, by due date")
	List<TaskView> tasks(@RequestParam(defaultValue = "200") @Min(1) @Max(1000) int max) {
		Actor actor = CurrentActor.get();
		List<Task> tasks = process.tasksFor(actor, max);
		Map<String, Map<String, Object>> locals = process.localVariables(tasks.stream().map(Task::getId).toList(),
				Var.PHASE, Var.LINE, Var.NEED_ID, Var.PROJECT_ID);
		Instant now = TimeLimits.nowInstant();
		return tasks.stream().map(t -> {
			Map<String, Object> v = locals.getOrDefault(t.getId(), Map.of());
			Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
			return new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), (String) v.get(Var.PHASE),
					(String) v.get(Var.LINE), asLong(v.get(Var.NEED_ID)), asLong(v.get(Var.PROJECT_ID)), t.getAssignee(),
					actor.userId().equals(t.getAssignee()), t.getCreateTime().toInstant(), due,
					due != null && due.isBefore(now), t.getProcessInstanceId());
		}).toList();
	}

	private static Long asLong(Object value) {
		return value instanceof Number n ? n.longValue() : null;
	}
}
