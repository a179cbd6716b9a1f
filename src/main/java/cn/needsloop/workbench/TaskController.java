package cn.needsloop.workbench;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.workbench.BulkJobs.Action;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Idempotent;
import cn.needsloop.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "tasks", description = "我的待办 (my tasks)")
class TaskController {

	private final TaskList taskList;

	private final TaskActions actions;

	private final BulkJobs bulk;

	TaskController(TaskList taskList, TaskActions actions, BulkJobs bulk) {
		this.taskList = taskList;
		this.actions = actions;
		this.bulk = bulk;
	}

	/** A bulk action on tasks of the caller's list; {@code note} is required for VERIFY_GENUINE. */
	record BulkRequest(@NotNull Action action, @NotEmpty @Size(max = BulkJobs.MAX_ITEMS) List<String> taskIds,
			@Size(max = 1000) String note) {
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

	@PostMapping("/bulk-actions")
	@Idempotent
	@Operation(summary = "批量办理（后台执行，返回进度）Start a bulk action (CLAIM, UNCLAIM, VERIFY_GENUINE) on tasks; poll its progress")
	ResponseEntity<Map<String, Object>> startBulk(@Valid @RequestBody BulkRequest request) {
		Actor me = CurrentActor.get();
		BulkJobs.Job job = bulk.start(me, request.action(), request.taskIds(), request.note(),
				LocaleContextHolder.getLocale());
		return ResponseEntity.accepted().location(URI.create("/api/tasks/bulk-actions/" + job.id())).body(job.status());
	}

	@GetMapping("/bulk-actions/{jobId}")
	@Operation(summary = "批量办理进度与结果 Progress and outcome of a bulk action")
	Map<String, Object> bulkStatus(@PathVariable String jobId) {
		return bulk.find(jobId, CurrentActor.get().userId())
			.orElseThrow(() -> ProblemException.notFound("bulkJob", jobId))
			.status();
	}
}
