package cn.needsloop.field;

import java.math.BigDecimal;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.evidence.CaseKind;
import cn.needsloop.evidence.Evidence;
import cn.needsloop.evidence.EvidenceStep;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.Needs;
import cn.needsloop.intake.Scope;
import cn.needsloop.process.Accounts;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Urgency;

/**
 * 就地办结: a grid worker settles at once a small need they found on patrol ({@code spot-settlement.dmn} said it
 * may be). Through the patrol page, the API or Tasklist alike: only a grid worker of the need's grid, with the
 * after-photo {@code evidence-required.dmn} asks for; the need takes the worker's category as an individual need and
 * the settlement is recorded for the field KPIs. The resident's confirmation follows, as on the individual path.
 */
@Component
class SettleOnSpotStep implements TaskStep {

	private final Needs needs;

	private final Evidence evidence;

	private final Accounts accounts;

	private final ProcessGateway process;

	private final SpotSettlements settlements;

	SettleOnSpotStep(Needs needs, Evidence evidence, Accounts accounts, ProcessGateway process,
			SpotSettlements settlements) {
		this.needs = needs;
		this.evidence = evidence;
		this.accounts = accounts;
		this.process = process;
		this.settlements = settlements;
	}

	@Override
	public String taskKey() {
		return Step.SETTLE_ON_SPOT;
	}

	@Override
	public void claiming(String taskId, Actor actor) {
		if (process.taskVariable(taskId, Var.NEED_ID) instanceof Number needId) {
			requireGridWorker(actor, needs.require(needId.longValue()));
		}
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Need need = needs.require(Variables.longValue(task, Var.NEED_ID));
		requireGridWorker(accounts.actor(actor), need);
		Category category = Variables.requiredEnum(task, Var.SPOT_CATEGORY, Category.class);
		Urgency urgency = Variables.requiredEnum(task, Var.URGENCY, Urgency.class);
		String note = Variables.requiredString(task, Var.RESOLUTION_NOTE);
		if (note.length() > 2000) {
			throw ProblemException.badField(Var.RESOLUTION_NOTE, "problem.spot.noteTooLong", 2000);
		}
		evidence.requireFor(CaseKind.NEED, need.getId(), EvidenceStep.SPOT_SETTLEMENT, category, task.getId());
		Instant now = TimeLimits.nowInstant();
		need.categorized(category, urgency, Scope.INDIVIDUAL, now);
		need.resolvedBy(note.strip());
		Object cost = task.getVariable(Var.ESTIMATED_COST);
		settlements.save(new SpotSettlement(need.getId(), need.getCommunityCode(), need.getGridCode(), actor, category,
				cost instanceof Number n ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.ZERO, note.strip(),
				need.getReportedAt(), now));
		// the confirmation and the KPIs read the need as the worker settled it
		task.setVariable(Var.CATEGORY, category.name());
		task.setVariable(Var.SCOPE, Scope.INDIVIDUAL.name());
		task.setVariable(Var.SPOT_SETTLED_BY, actor);
	}

	private static void requireGridWorker(Actor actor, Need need) {
		if (!actor.isGridWorkerOf(need.getGridCode())) {
			throw ProblemException.forbidden("problem.spot.gridWorkersOnly", need.getId());
		}
	}
}
