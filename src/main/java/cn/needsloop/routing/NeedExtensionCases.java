package cn.needsloop.routing;

import org.springframework.stereotype.Component;

import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedAccess;
import cn.needsloop.intake.NeedLog;
import cn.needsloop.intake.Needs;
import cn.needsloop.process.Subject;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.Line;
import cn.needsloop.shared.Phase;
import cn.needsloop.shared.Wording;

/** Needs, as cases whose steps may be extended: a stranger to a need is refused as on its page. */
@Component
class NeedExtensionCases implements ExtensionCases {

	private final Needs needs;

	private final NeedAccess access;

	private final NeedLog log;

	NeedExtensionCases(Needs needs, NeedAccess access, NeedLog log) {
		this.needs = needs;
		this.access = access;
		this.log = log;
	}

	@Override
	public StepChange.CaseKind kind() {
		return StepChange.CaseKind.NEED;
	}

	@Override
	public ExtensionCase require(Long id, Actor actor) {
		Need need = needs.require(id);
		access.requireSee(actor, need);
		return of(need);
	}

	@Override
	public ExtensionCase find(Long id) {
		return of(needs.require(id));
	}

	@Override
	public void record(ExtensionCase of, Phase phase, Wording activity, Line line, String actor) {
		Need need = needs.require(of.id());
		// a need's step is written in the phase the need is in
		log.record(need, need.getPhase(), activity, line, actor);
	}

	private static ExtensionCase of(Need need) {
		return new ExtensionCase(StepChange.CaseKind.NEED, need.getId(), need.getCommunityCode(),
				need.getProcessInstanceId(), need.getCategory(), new Subject(need.getId(), null));
	}
}
