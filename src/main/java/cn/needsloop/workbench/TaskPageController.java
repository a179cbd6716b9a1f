package cn.needsloop.workbench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.needsloop.workbench.BulkJobs.Action;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.shared.ProblemException;

/**
 * 工作台: my tasks and my line's claimable tasks, by due date, overdue marked. The steward's
 * workbench and the party and self-governance lines' task list are the same page. Tasks can be
 * ticked and claimed, given back or (stewards) verified as genuine in one go: the page's script
 * starts a {@link BulkJobs} job and shows its progress; without JavaScript the form does the job at
 * once and comes back with the summary.
 */
@Controller
class TaskPageController {

	private static final int MAX = 500;

	private final TaskList taskList;

	private final BulkJobs bulk;

	private final MessageSource messages;

	TaskPageController(TaskList taskList, BulkJobs bulk, MessageSource messages) {
		this.taskList = taskList;
		this.bulk = bulk;
		this.messages = messages;
	}

	@GetMapping({ "/steward", "/tasks" })
	String workbench(Model model) {
		Actor me = CurrentActor.get();
		List<TaskView> tasks = taskList.of(me, MAX);
		model.addAttribute("mine", tasks.stream().filter(TaskView::assignedToMe).toList());
		model.addAttribute("claimable", tasks.stream().filter(t -> !t.assignedToMe()).toList());
		model.addAttribute("overdue", tasks.stream().filter(TaskView::overdue).count());
		return "tasks/workbench";
	}

	/** The bulk form posted without JavaScript: does the whole job now, then shows its summary on the workbench. */
	@PostMapping("/tasks/bulk")
	String bulk(@RequestParam(required = false) Action action,
			@RequestParam(name = "taskIds", required = false) List<String> taskIds,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		Actor me = CurrentActor.get();
		BulkJobs.Job job = bulk.runNow(me, action, taskIds, note, LocaleContextHolder.getLocale());
		flash.addFlashAttribute("bulk", job.summary());
		return "redirect:" + (me.isSteward() ? "/steward" : "/tasks");
	}

	/** The page's script starts a bulk job: its progress as JSON, or a problem (nothing ticked, no note). */
	@PostMapping(path = "/tasks/bulk/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Object> startBulk(@RequestParam(required = false) Action action,
			@RequestParam(name = "taskIds", required = false) List<String> taskIds,
			@RequestParam(required = false) String note) {
		try {
			return ResponseEntity.accepted()
				.body(bulk.start(CurrentActor.get(), action, taskIds, note, LocaleContextHolder.getLocale()).status());
		}
		catch (ProblemException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), text(ex));
			return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
	}

	@GetMapping(path = "/tasks/bulk/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> bulkStatus(@PathVariable String id) {
		return job(id).status();
	}

	/** The summary of a job as a piece of the workbench, for the script to show when the job is done. */
	@GetMapping("/tasks/bulk/jobs/{id}/summary")
	String bulkSummary(@PathVariable String id, Model model) {
		model.addAttribute("bulk", job(id).summary());
		return "tasks/parts :: bulkSummary(summary=${bulk})";
	}

	private BulkJobs.Job job(String id) {
		return bulk.find(id, CurrentActor.get().userId()).orElseThrow(() -> ProblemException.notFound("bulkJob", id));
	}

	private String text(ProblemException ex) {
		if (ex.fieldProblems().isEmpty()) {
			return messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), LocaleContextHolder.getLocale());
		}
		return ex.fieldProblems().stream()
			.map(p -> messages.getMessage(p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale()))
			.collect(Collectors.joining(" "));
	}
}
