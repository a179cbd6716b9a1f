package cn.needsloop.routing;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

	TaskController(TaskList taskList) {
		this.taskList = taskList;
	}

	@GetMapping
	@Operation(summary = "我的任务与可认领任务（按期限排序）My assigned and claimable tasks, by due date")
	List<TaskView> tasks(@RequestParam(defaultValue = "200") @Min(1) @Max(1000) int max) {
		return taskList.of(CurrentActor.get(), max);
	}
}
