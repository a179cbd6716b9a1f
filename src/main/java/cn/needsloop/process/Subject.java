package cn.needsloop.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a task or execution is about: one need, or one service project. A volunteer dispatch is
 * about neither (its steps do not enter the history of any need): both ids are null.
 */
public record Subject(Long needId, Long projectId) {

	public static Subject of(DelegateTask task) {
		return of(task.getProcessDefinitionId(), task);
	}

	public static Subject of(String processDefinitionId, VariableScope scope) {
		if (processDefinitionId != null && processDefinitionId.startsWith(Workflow.NEEDS_LOOP + ":")) {
			return new Subject(Variables.longValue(scope, Workflow.Var.NEED_ID), null);
		}
		if (processDefinitionId != null && processDefinitionId.startsWith(Workflow.VOLUNTEER_DISPATCH + ":")) {
			return new Subject(null, null);
		}
		return new Subject(null, Variables.longValue(scope, Workflow.Var.PROJECT_ID));
	}

	public boolean isNeed() {
		return needId != null;
	}
}
