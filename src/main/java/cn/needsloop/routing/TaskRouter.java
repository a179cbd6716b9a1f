package cn.needsloop.routing;

import cn.needsloop.process.DecisionTables;
import cn.needsloop.shared.Line;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.needsloop.shared.Category;
import cn.needsloop.shared.Phase;
import cn.needsloop.process.Workflow;

/** Asks {@code task-routing.dmn} which line a step belongs to. */
@Component
public class TaskRouter {

	private final DecisionTables decisions;

	TaskRouter(DecisionTables decisions) {
		this.decisions = decisions;
	}

	public Line lineFor(Phase phase, String step, Category category) {
		Map<String, Object> input = new HashMap<>();
		input.put("phase", phase.name());
		input.put("step", step);
		input.put("category", category == null ? null : category.name());
		String line = decisions.decide(Workflow.Decision.TASK_ROUTING, input);
		return Line.valueOf(line);
	}
}
