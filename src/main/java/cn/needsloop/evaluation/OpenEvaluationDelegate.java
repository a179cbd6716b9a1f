package cn.needsloop.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.design.Projects;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/** Opens a round of two-way evaluation (the first, or the one after a rectification). */
@Component("openEvaluationDelegate")
class OpenEvaluationDelegate implements JavaDelegate {

	private final Projects projects;

	OpenEvaluationDelegate(Projects projects) {
		this.projects = projects;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int round = projects.require(Variables.longValue(execution, Var.PROJECT_ID)).evaluationOpened();
		execution.setVariable(Var.EVALUATION_ROUND, round);
	}
}
