package cn.needsloop.routing;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.system.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "tasks", description = "我的待办 (my tasks)")
class TaskController {

	private final TaskList taskList;

	private final TaskActions actions;

	TaskController(TaskList taskList, TaskActions actions) {
		this.taskList = taskList;
		this.actions = actions;
	}

	@GetMapping
	@Operation(summary = "我的任务与可认领任务（按期限排序）My assigned and claimable tasks, by due date")
	List<TaskView> tasks(@RequestParam(defaultValue = "200") @Min(1) @Max(1000) int max) {
		return taskList.of(CurrentActor.get(), max);
	}

	@PostMapping("/{id}/claim")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "认领任务 Claim a task offered to me or my line (409 when someone else holds it)")
	void claim(@PathVariable String id) {
		actions.claim(id, CurrentActor.get());
	}

	@PostMapping("/{id}/unclaim")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "退回条线 Give a task I claimed back to my line")
	void unclaim(@PathVariable String id) {
		actions.unclaim(id, CurrentActor.get());
	}
}
