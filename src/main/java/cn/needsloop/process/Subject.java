package cn.needsloop.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** What a task or execution is about: one need, or one service project. */
public record Subject(Long needId, Long projectId) {

	public static Subject of(DelegateTask task) {
		return of(task.getProcessDefinitionId(), task);
	}

	public static Subject of(String processDefinitionId, VariableScope scope) {
		if (processDefinitionId != null && processDefinitionId.startsWith(Workflow.NEEDS_LOOP + ":")) {
			return new Subject(Variables.longValue(scope, Workflow.Var.NEED_ID), null);
		}
		return new Subject(null, Variables.longValue(scope, Workflow.Var.PROJECT_ID));
	}

	public boolean isNeed() {
		return needId != null;
	}
}
