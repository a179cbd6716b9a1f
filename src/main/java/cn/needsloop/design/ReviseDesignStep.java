package cn.needsloop.design;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TaskStep;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.ProblemException;

/** The steward revises a returned design (plan and budget from the form) before it goes back to approval. */
@Component
class ReviseDesignStep implements TaskStep {

	private final Projects projects;

	ReviseDesignStep(Projects projects) {
		this.projects = projects;
	}

	@Override
	public String taskKey() {
		return Step.REVISE_DESIGN;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Variables.requiredString(task, Var.REVISION_NOTE);
		String budget = Variables.string(task, Var.BUDGET_YUAN);
		BigDecimal budgetYuan = null;
		if (budget != null && !budget.isBlank()) {
			try {
				budgetYuan = new BigDecimal(budget.trim());
			}
			catch (NumberFormatException ex) {
				throw ProblemException.badField(Var.BUDGET_YUAN, "problem.field.badValue", budget);
			}
			if (budgetYuan.signum() < 0) {
				throw ProblemException.badField(Var.BUDGET_YUAN, "problem.field.badValue", budget);
			}
		}
		projects.require(Variables.longValue(task, Var.PROJECT_ID)).redesigned(Variables.string(task, Var.PLAN), budgetYuan);
	}
}
