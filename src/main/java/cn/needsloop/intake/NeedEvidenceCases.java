package cn.needsloop.intake;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.evidence.CaseKind;
import cn.needsloop.evidence.EvidenceCases;
import cn.needsloop.shared.Actor;

/**
 * The files of a need follow the need ({@link NeedAccess}): its community's stewards, managers and its reporter see
 * them; a steward of another community sees none of them. The community's party and self-governance lines, which
 * settle the needs routed to them without reading the need itself, may add their before-and-after photos.
 */
@Component
class NeedEvidenceCases implements EvidenceCases {

	private final Needs needs;

	NeedEvidenceCases(Needs needs) {
		this.needs = needs;
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
		return NeedAccess.maySee(actor, needs.require(caseId));
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayAdd(Actor actor, long caseId) {
		Need need = needs.require(caseId);
		return NeedAccess.maySee(actor, need) || actor.isPartyOf(need.getCommunityCode())
				|| actor.isSelfGovernanceOf(need.getCommunityCode());
	}
}
