package cn.needsloop.field;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.evidence.CaseKind;
import cn.needsloop.evidence.EvidenceCases;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;

/**
 * The photos of a household visit follow the visit's household, as its phone and care tags do: the grid's workers,
 * the community's stewards and managers see them; the worker who made the visit, or another worker of the grid,
 * adds them. Nobody else, not even another community's steward. They show on the page of the need the visit found,
 * by the same rule.
 */
@Component
class VisitEvidenceCases implements EvidenceCases {

	private final Visits visits;

	private final Patrols patrols;

	VisitEvidenceCases(Visits visits, Patrols patrols) {
		this.visits = visits;
		this.patrols = patrols;
	}

	@Override
	public CaseKind kind() {
		return CaseKind.VISIT;
	}

	private Patrol patrolOf(long visitId) {
		Visit visit = visits.findById(visitId).orElseThrow(() -> ProblemException.notFound("visit", visitId));
		return patrols.findById(visit.getPatrolId()).orElseThrow(() -> ProblemException.notFound("visit", visitId));
	}

	@Override
	@Transactional(readOnly = true)
	public String communityOf(long caseId) {
		return patrolOf(caseId).getCommunityCode();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean maySee(Actor actor, long caseId) {
		Patrol patrol = patrolOf(caseId);
		return actor.isManager() || actor.isStewardOf(patrol.getCommunityCode()) || actor.isGridWorkerOf(patrol.getGridCode());
	}

	/** The household visits a need was found on (a finding of a patrol): their photos show on the need's page. */
	@Override
	@Transactional(readOnly = true)
	public java.util.List<Long> linkedTo(CaseKind kind, long caseId) {
		if (kind != CaseKind.NEED) {
			return java.util.List.of();
		}
		return visits.findByNeedIdOrderByIdAsc(caseId).stream().map(Visit::getId).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayAdd(Actor actor, long caseId) {
		Patrol patrol = patrolOf(caseId);
		return actor.userId().equals(visits.findById(caseId).map(Visit::getWorkerUser).orElse(null))
				|| actor.isGridWorkerOf(patrol.getGridCode());
	}
}
