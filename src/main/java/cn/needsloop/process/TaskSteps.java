package cn.needsloop.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** All {@link TaskStep} beans by task definition key. */
@Component
public class TaskSteps {

	private final Map<String, TaskStep> byKey = new HashMap<>();

	TaskSteps(List<TaskStep> steps) {
		for (TaskStep step : steps) {
			TaskStep previous = byKey.put(step.taskKey(), step);
			if (previous != null) {
				throw new IllegalStateException("Two steps for " + step.taskKey() + ": " + previous + ", " + step);
			}
		}
	}

	public Optional<TaskStep> forKey(String taskKey) {
		return Optional.ofNullable(byKey.get(taskKey));
	}
}
