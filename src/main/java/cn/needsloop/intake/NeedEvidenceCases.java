package cn.needsloop.intake;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.evidence.CaseKind;
import cn.needsloop.evidence.EvidenceCases;
import cn.needsloop.evidence.EvidenceStep;
import cn.needsloop.shared.Actor;

/**
 * The files of a need follow the need ({@link NeedAccess}): its community's stewards, managers and its reporter see
 * them; a steward of another community sees none of them. Whoever holds an open task of the need (the party and
 * self-governance lines that settle the needs routed to them) sees them and adds files to the step they hold, until
 * the task is done.
 */
@Component
class NeedEvidenceCases implements EvidenceCases {

	private final Needs needs;

	private final NeedAccess access;

	NeedEvidenceCases(Needs needs, NeedAccess access) {
		this.needs = needs;
		this.access = access;
	}

	@Override
	public CaseKind kind() {
		return CaseKind.NEED;
	}

	@Override
	@Transactional(readOnly = true)
	public String communityOf(long caseId) {
		return needs.require(caseId).getCommunityCode();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean maySee(Actor actor, long caseId) {
		return access.maySee(actor, needs.require(caseId));
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayAdd(Actor actor, long caseId) {
		return access.mayAddAny(actor, needs.require(caseId));
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayAdd(Actor actor, long caseId, EvidenceStep step) {
		return access.mayAdd(actor, needs.require(caseId), step);
	}
}
