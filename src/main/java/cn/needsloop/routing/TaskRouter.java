package cn.needsloop.routing;

import cn.needsloop.process.Accounts;
import cn.needsloop.process.DecisionTables;
import cn.needsloop.shared.CommunityGroup;
import cn.needsloop.shared.Line;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.needsloop.shared.Category;
import cn.needsloop.shared.Phase;
import cn.needsloop.process.Workflow;

/**
 * Asks {@code task-routing.dmn} which line a step belongs to. Besides phase, step and category the table reads whether
 * the community has a stewards' lead ({@code stewardLead}: a member in {@code steward-lead:<community>}), so that the
 * table, not code, says who decides an extension there.
 */
@Component
public class TaskRouter {

	private final DecisionTables decisions;

	private final Accounts accounts;

	TaskRouter(DecisionTables decisions, Accounts accounts) {
		this.decisions = decisions;
		this.accounts = accounts;
	}

	/** The line of a step in no particular community (a proposal): as in a community without a lead. */
	public Line lineFor(Phase phase, String step, Category category) {
		return lineFor(phase, step, category, null);
	}

	/** The line of a step of a case in a community. */
	public Line lineFor(Phase phase, String step, Category category, String communityCode) {
		Map<String, Object> input = new HashMap<>();
		input.put("phase", phase.name());
		input.put("step", step);
		input.put("category", category == null ? null : category.name());
		input.put("stewardLead", communityCode != null && accounts.hasMembers(CommunityGroup.STEWARD_LEAD.of(communityCode)));
		String line = decisions.decide(Workflow.Decision.TASK_ROUTING, input);
		return Line.valueOf(line);
	}
}
