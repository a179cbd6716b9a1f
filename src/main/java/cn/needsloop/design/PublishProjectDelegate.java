package cn.needsloop.design;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/** The approved project goes into the project hall, open for claims until the claim deadline. */
@Component("publishProjectDelegate")
class PublishProjectDelegate implements JavaDelegate {

	private final Projects projects;

	private final TimeLimits timeLimits;

	PublishProjectDelegate(Projects projects, TimeLimits timeLimits) {
		this.projects = projects;
		this.timeLimits = timeLimits;
	}

	@Override
	public void execute(DelegateExecution execution) {
		projects.require(Variables.longValue(execution, Var.PROJECT_ID))
			.published(TimeLimits.nowInstant(), timeLimits.due("claim").toInstant());
	}
}
