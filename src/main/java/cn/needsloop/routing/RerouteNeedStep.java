package cn.needsloop.routing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedLog;
import cn.needsloop.intake.Needs;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Line;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Wording;

/**
 * 重新派单: the steward's answer to a returned need, in the app or in Tasklist alike. Another line must be one that
 * settles individual needs and not the one that returned it; routing then offers the step to it
 * ({@link Var#REROUTED_LINE}). Reclassifying forgets that choice; a transfer is checked where it is done
 * ({@link TransferNeedDelegate}).
 */
@Component
class RerouteNeedStep implements TaskStep {

	private final Needs needs;

	private final NeedLog log;

	private final StepChangeService service;

	RerouteNeedStep(Needs needs, NeedLog log, StepChangeService service) {
		this.needs = needs;
		this.log = log;
		this.service = service;
	}

	@Override
	public String taskKey() {
		return Step.REROUTE_NEED;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Need need = needs.require(Variables.longValue(task, Var.NEED_ID));
		RerouteDecision decision = Variables.requiredEnum(task, Var.REROUTE_DECISION, RerouteDecision.class);
		String note = Variables.requiredString(task, Var.REROUTE_NOTE);
		if (note.length() > StepChangeService.MAX_TEXT) {
			throw ProblemException.badField(Var.REROUTE_NOTE, "problem.field.maxLength", StepChangeService.MAX_TEXT);
		}
		switch (decision) {
			case ANOTHER_LINE -> {
				Line line = Variables.requiredEnum(task, Var.REROUTE_LINE, Line.class);
				if (!StepChangeService.REROUTABLE.contains(line)) {
					throw ProblemException.badField(Var.REROUTE_LINE, "problem.reroute.badLine", line);
				}
				if (service.lastReturnedBy(need.getId()).filter(line::equals).isPresent()) {
					throw ProblemException.badField(Var.REROUTE_LINE, "problem.reroute.sameLine");
				}
				task.setVariable(Var.REROUTED_LINE, line.name());
				log.record(need, need.getPhase(), Wording.of("history.reroute.line", Wording.of("enum.Line." + line.name()), note),
						Line.STEWARD, actor);
			}
			case RECLASSIFY -> {
				task.setVariable(Var.REROUTED_LINE, null);
				log.record(need, need.getPhase(), Wording.of("history.reroute.reclassify", note), Line.STEWARD, actor);
			}
			case TRANSFER -> {
				Variables.requiredString(task, Var.TRANSFER_TO);
				task.setVariable(Var.TRANSFER_REASON, note);
			}
		}
	}
}
