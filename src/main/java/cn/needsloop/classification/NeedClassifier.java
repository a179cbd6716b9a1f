package cn.needsloop.classification;

import cn.needsloop.process.DecisionTables;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.needsloop.shared.Category;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedReading;
import cn.needsloop.shared.Phase;
import cn.needsloop.intake.Scope;
import cn.needsloop.shared.Urgency;
import cn.needsloop.process.Workflow;
import cn.needsloop.process.Workflow.Decision;
import cn.needsloop.shared.Line;
import cn.needsloop.routing.TaskRouter;

/**
 * Proposes a need's category, urgency, scope and line. The category, its confidence and the decisive words come from
 * the text model that read the need when it was reported ({@link NeedReading}); the policy stays in
 * {@code need-classification.dmn}: whether a steward must look closely ({@code needCategory}), the urgency
 * ({@code needUrgency}: urgent text or a reporter's "urgent" is URGENT whatever the category) and the scope.
 */
@Component
class NeedClassifier {

	record Proposal(Category category, Urgency urgency, Scope scope, Line line, boolean stewardLook) {
	}

	private final DecisionTables decisions;

	private final TaskRouter router;

	private final NeedReading reading;

	NeedClassifier(DecisionTables decisions, TaskRouter router, NeedReading reading) {
		this.decisions = decisions;
		this.router = router;
		this.reading = reading;
	}

	Proposal propose(Need need) {
		if (need.getUnderstandingModel() == null) {
			// reported before the text model existed
			reading.read(need);
		}
		Category proposedCategory = need.getProposedCategory();
		Map<String, Object> input = new HashMap<>();
		input.put("proposedCategory", proposedCategory.name());
		input.put("confidence", need.getProposalConfidence());
		boolean stewardLook = Boolean.TRUE.equals(decisions.decide(Decision.NEED_CATEGORY, input));
		input.put("textUrgent", need.isTextUrgent());
		input.put("reportedUrgent", need.isReportedUrgent());
		input.put("category", proposedCategory.name());
		String urgency = decisions.decide(Decision.NEED_URGENCY, input);
		input.put("householdCount", need.getHouseholdCount());
		String scope = decisions.decide(Decision.NEED_SCOPE, input);
		Line line = router.lineFor(Phase.IMPLEMENT, Workflow.Step.RESOLVE_NEED, proposedCategory);
		return new Proposal(proposedCategory, Urgency.valueOf(urgency), Scope.valueOf(scope), line, stewardLook);
	}
}
