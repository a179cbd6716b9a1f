package cn.needsloop.routing;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.needsloop.system.Actor;
import cn.needsloop.system.CurrentActor;

/**
 * 工作台: my tasks and my line's claimable tasks, by due date, overdue marked. The steward's
 * workbench and the party and self-governance lines' task list are the same page.
 */
@Controller
class TaskPageController {

	private static final int MAX = 500;

	private final TaskList taskList;

	TaskPageController(TaskList taskList) {
		this.taskList = taskList;
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
}
