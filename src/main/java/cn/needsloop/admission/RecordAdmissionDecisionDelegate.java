package cn.needsloop.admission;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.DecisionTables;
import cn.needsloop.process.DecisionTables.DecisionVersion;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Decision;
import cn.needsloop.process.Workflow.Var;

/**
 * Writes the admission list's answer into the work item: admitted or not, the rule, and the version
 * of the list (the version the business rule task just evaluated: the latest, in the same
 * transaction). Sets {@code admitted} and {@code purchaseOffered} for the gateway.
 */
@Component("recordAdmissionDecisionDelegate")
class RecordAdmissionDecisionDelegate implements JavaDelegate {

	private final WorkItems workItems;

	private final DecisionTables decisionTables;

	RecordAdmissionDecisionDelegate(WorkItems workItems, DecisionTables decisionTables) {
		this.workItems = workItems;
		this.decisionTables = decisionTables;
	}

	@Override
	public void execute(DelegateExecution execution) {
		WorkItem item = workItems.require(Variables.longValue(execution, Var.WORK_ITEM_ID));
		Map<?, ?> result = execution.getVariable(Var.ADMISSION_DECISION) instanceof Map<?, ?> map ? map : Map.of();
		boolean admitted = Boolean.TRUE.equals(result.get(Var.ADMITTED));
		String ruleId = result.get(Var.RULE_ID) == null ? null : result.get(Var.RULE_ID).toString();
		String ruleText = result.get(Var.RULE_TEXT) == null ? null : result.get(Var.RULE_TEXT).toString();
		DecisionVersion list = decisionTables.latest(Decision.WORK_ITEM_ADMISSION);
		item.decided(admitted, ruleId, ruleText, list.id(), list.key(), list.version(), TimeLimits.nowInstant());
		execution.setVariable(Var.ADMITTED, admitted);
		execution.setVariable(Var.PURCHASE_OFFERED, item.offersPurchasedService());
		execution.setVariable(Var.RULE_ID, ruleId);
		execution.setVariable(Var.RULE_TEXT, ruleText);
	}
}
