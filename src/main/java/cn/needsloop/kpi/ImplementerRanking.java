package cn.needsloop.kpi;

import static cn.needsloop.kpi.Periods.query;
import static cn.needsloop.kpi.Periods.round2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.community.Organization;
import cn.needsloop.community.Organizations;
import cn.needsloop.kpi.KpiScopes.Scope;
import jakarta.persistence.EntityManager;

/** Implementers ranked by the projects they completed in a period: three queries, whatever their number. */
@Component
@Transactional(readOnly = true)
class ImplementerRanking {

	/** An implementer's projects completed in the period: how many, how many delivered (closed), their ratings. */
	public record ImplementerRank(String code, String name, long completed, long delivered, Double rating,
			long ratings) {
	}

	private final EntityManager em;

	private final Organizations organizations;

	ImplementerRanking(EntityManager em, Organizations organizations) {
		this.em = em;
		this.organizations = organizations;
	}

	/**
	 * Implementers by the projects they completed in the period: delivered (closed as satisfactory)
	 * first, then the average of the residents' and the community's ratings of those projects.
	 */
	List<ImplementerRank> ranking(Scope s) {
		String c = s.communityCode();
		String completed = " from ServiceProject p where p.completedAt >= :a and p.completedAt < :b"
				+ " and p.claimantCode is not null" + (c == null ? "" : " and p.communityCode = :c");
		Map<String, long[]> counts = new TreeMap<>();
		query(em, "select p.claimantCode, count(p), sum(case when p.status = cn.needsloop.design.ProjectStatus.CLOSED"
				+ " then 1 else 0 end)" + completed + " group by p.claimantCode", Object[].class, s.start(), s.end(), c)
			.getResultList()
			.forEach(row -> counts.put((String) row[0],
					new long[] { ((Number) row[1]).longValue(), row[2] == null ? 0 : ((Number) row[2]).longValue() }));
		Map<String, Object[]> ratings = new HashMap<>();
		query(em, "select p.claimantCode, avg(e.score), count(e) from Evaluation e, ServiceProject p where e.projectId = p.id"
				+ " and e.perspective <> cn.needsloop.evaluation.Perspective.IMPLEMENTER"
				+ completed.replaceFirst(" from ServiceProject p where", " and") + " group by p.claimantCode",
				Object[].class, s.start(), s.end(), c)
			.getResultList()
			.forEach(row -> ratings.put((String) row[0], row));
		Map<String, String> names = new HashMap<>();
		if (!counts.isEmpty()) {
			organizations.findAllById(counts.keySet()).forEach(o -> names.put(o.getCode(), o.getName()));
		}
		List<ImplementerRank> ranks = new ArrayList<>();
		counts.forEach((code, n) -> {
			Object[] r = ratings.get(code);
			ranks.add(new ImplementerRank(code, names.getOrDefault(code, code), n[0], n[1],
					r == null || r[1] == null ? null : round2(((Number) r[1]).doubleValue()),
					r == null ? 0 : ((Number) r[2]).longValue()));
		});
		ranks.sort((x, y) -> {
			int byDelivered = Long.compare(y.delivered(), x.delivered());
			if (byDelivered != 0) {
				return byDelivered;
			}
			return Double.compare(y.rating() == null ? -1 : y.rating(), x.rating() == null ? -1 : x.rating());
		});
		return ranks;
	}
}
