package cn.needsloop.classification;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.Category;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.Phase;
import cn.needsloop.intake.Scope;
import cn.needsloop.intake.Urgency;
import cn.needsloop.process.Workflow;
import cn.needsloop.process.Workflow.Decision;
import cn.needsloop.routing.Line;
import cn.needsloop.routing.TaskRouter;

/** Proposes a need's category, urgency, scope and line from {@code need-classification.dmn}. */
@Component
class NeedClassifier {

	record Proposal(Category category, Urgency urgency, Scope scope, Line line) {
	}

	private final DecisionService decisions;

	private final TaskRouter router;

	NeedClassifier(DecisionService decisions, TaskRouter router) {
		this.decisions = decisions;
		this.router = router;
	}

	Proposal propose(Need need) {
		Map<String, Object> input = new HashMap<>();
		input.put("text", need.getTitle() + " " + need.getDescription());
		DmnDecisionRuleResult category = decisions.evaluateDecisionTableByKey(Decision.NEED_CATEGORY, input)
			.getSingleResult();
		Category proposedCategory = Category.valueOf(category.getEntry("category"));
		input.put("category", proposedCategory.name());
		input.put("householdCount", need.getHouseholdCount());
		String scope = decisions.evaluateDecisionTableByKey(Decision.NEED_SCOPE, input).getSingleResult().getSingleEntry();
		Line line = router.lineFor(Phase.IMPLEMENT, Workflow.Step.RESOLVE_NEED, proposedCategory);
		return new Proposal(proposedCategory, Urgency.valueOf(category.getEntry("urgency")), Scope.valueOf(scope), line);
	}
}
