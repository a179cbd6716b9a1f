package cn.needsloop.intake;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.needsloop.evidence.EvidenceStep;
import cn.needsloop.process.OpenTask;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;

/**
 * Who may see a need: the stewards of its community, managers and the person who reported it; and, while they hold
 * an open task of it (assigned to them, or offered to them or to one of their groups), the people who work that
 * step, such as the party and self-governance lines that settle the individual needs routed to them. Once the task
 * is done their access ends. The page, the API and the evidence endpoints all ask here.
 */
@Component
public class NeedAccess {

	/** The evidence steps a person holding a task of the need may upload to. */
	private static final Map<String, Set<EvidenceStep>> EVIDENCE_OF_TASK = Map.of(
			Step.VERIFY_NEED, EnumSet.of(EvidenceStep.VERIFICATION),
			Step.RESOLVE_NEED, EnumSet.of(EvidenceStep.RESOLUTION_BEFORE, EvidenceStep.RESOLUTION_AFTER),
			Step.SETTLE_ON_SPOT, EnumSet.of(EvidenceStep.SPOT_SETTLEMENT));

	private final ProcessGateway process;

	NeedAccess(ProcessGateway process) {
		this.process = process;
	}

	/** Those the need serves or who serve it whatever its step: stewards of its community, managers, its reporter. */
	public static boolean serves(Actor actor, Need need) {
		return actor.isManager() || actor.isStewardOf(need.getCommunityCode())
				|| actor.userId().equals(need.getReporterUser());
	}

	public boolean maySee(Actor actor, Need need) {
		return serves(actor, need) || !heldTasks(actor, need).isEmpty();
	}

	public void requireSee(Actor actor, Need need) {
		if (!maySee(actor, need)) {
			throw ProblemException.forbidden("problem.need.notYours", need.getId());
		}
	}

	/** May the person add files of this step to the need: any step if they serve it, else the step they hold. */
	public boolean mayAdd(Actor actor, Need need, EvidenceStep step) {
		if (serves(actor, need)) {
			return true;
		}
		return heldTasks(actor, need).stream()
			.anyMatch(t -> EVIDENCE_OF_TASK.getOrDefault(t.getTaskDefinitionKey(), Set.of()).contains(step));
	}

	/** May the person add files to the need at all (some step of it). */
	public boolean mayAddAny(Actor actor, Need need) {
		return serves(actor, need) || heldTasks(actor, need).stream()
			.anyMatch(t -> EVIDENCE_OF_TASK.containsKey(t.getTaskDefinitionKey()));
	}

	/** The open tasks of the need assigned to the person, or offered to them or to one of their groups. */
	List<OpenTask> heldTasks(Actor actor, Need need) {
		if (need.getProcessInstanceId() == null || actor.userId() == null) {
			return List.of();
		}
		return process.openTasks(need.getProcessInstanceId()).stream()
			.filter(t -> actor.userId().equals(t.getAssignee()) || process.offeredTo(t, actor))
			.toList();
	}
}
