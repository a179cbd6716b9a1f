package cn.needsloop.routing;

import cn.needsloop.shared.Line;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import cn.needsloop.shared.Category;
import cn.needsloop.shared.Phase;
import cn.needsloop.process.Workflow;

/** Asks {@code task-routing.dmn} which line a step belongs to. */
@Component
public class TaskRouter {

	private final DecisionService decisions;

	TaskRouter(DecisionService decisions) {
		this.decisions = decisions;
	}

	public Line lineFor(Phase phase, String step, Category category) {
		Map<String, Object> input = new HashMap<>();
		input.put("phase", phase.name());
		input.put("step", step);
		input.put("category", category == null ? null : category.name());
		String line = decisions.evaluateDecisionTableByKey(Workflow.Decision.TASK_ROUTING, input)
			.getSingleResult()
			.getSingleEntry();
		return Line.valueOf(line);
	}
}
