package cn.needsloop.kpi;

import cn.needsloop.shared.ChinaTime;
import static cn.needsloop.kpi.Periods.round2;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.consultation.Consultation;
import cn.needsloop.consultation.ConsultationRound;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.community.Organizations;
import cn.needsloop.kpi.DrillDown.ConsultationQuery;
import cn.needsloop.kpi.DrillDown.ConsultationRow;
import cn.needsloop.kpi.DrillDown.ProjectQuery;
import cn.needsloop.kpi.DrillDown.ProjectRow;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * The lists behind the KPIs other than needs and tasks: projects and consultations of a period, a page at a
 * time, with the page's ratings and implementers' names read in one query each.
 */
@Component
@Transactional(readOnly = true)
class DrillDownLists {

	private final EntityManager em;

	private final Organizations organizations;

	DrillDownLists(EntityManager em, Organizations organizations) {
		this.em = em;
		this.organizations = organizations;
	}

	/** Service projects whose {@code basis} date falls in the period, newest first. */
	Page<ProjectRow> projects(ProjectQuery f, String c, int page, int size) {
		String date = switch (f.basis()) {
			case CREATED -> "p.createdAt";
			case PUBLISHED -> "p.publishedAt";
			case COMPLETED -> "p.completedAt";
		};
		StringBuilder where = new StringBuilder(" from ServiceProject p where " + date + " is not null");
		Map<String, Object> params = new LinkedHashMap<>();
		period(where, params, date, f.from(), f.to());
		if (c != null) {
			where.append(" and p.communityCode = :c");
			params.put("c", c);
		}
		if (f.claimant() != null) {
			where.append(" and p.claimantCode = :claimant");
			params.put("claimant", f.claimant());
		}
		long total = bind(em.createQuery("select count(p)" + where, Long.class), params).getSingleResult();
		List<ServiceProject> found = bind(em.createQuery("select p" + where + " order by " + date + " desc, p.id desc",
				ServiceProject.class), params)
			.setFirstResult(page * size)
			.setMaxResults(size)
			.getResultList();
		Map<Long, Map<String, double[]>> ratings = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		if (!found.isEmpty()) {
			em.createQuery("select e.projectId, e.perspective, avg(e.score), count(e) from Evaluation e"
					+ " where e.projectId in :ids and e.perspective <> cn.needsloop.evaluation.Perspective.IMPLEMENTER"
					+ " group by e.projectId, e.perspective", Object[].class)
				.setParameter("ids", found.stream().map(ServiceProject::getId).toList())
				.getResultList()
				.forEach(row -> ratings.computeIfAbsent((Long) row[0], id -> new HashMap<>())
					.put(row[1].toString(), new double[] { ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue() }));
			List<String> claimants = found.stream().map(ServiceProject::getClaimantCode).filter(Objects::nonNull)
				.distinct().toList();
			if (!claimants.isEmpty()) {
				organizations.findAllById(claimants).forEach(o -> names.put(o.getCode(), o.getName()));
			}
		}
		List<ProjectRow> rows = found.stream().map(p -> {
			Map<String, double[]> r = ratings.getOrDefault(p.getId(), Map.of());
			double[] residents = r.get("RESIDENT");
			double[] community = r.get("COMMUNITY");
			String claimant = p.getClaimantCode();
			return new ProjectRow(p.getId(), p.getTitle(), p.getCommunityCode(), p.getCategory(), p.getStatus(), claimant,
					claimant == null ? null : names.getOrDefault(claimant, claimant), p.getCreatedAt(),
					p.getPublishedAt(), p.getClaimedInTime(), p.getPlannedEnd(), p.getCompletedAt(),
					p.getCompletedAt() == null ? null : Periods.onTime(p.getCompletedAt(), p.getPlannedEnd()),
					p.getVerdict(), residents == null ? null : round2(residents[0]),
					community == null ? null : round2(community[0]),
					(long) ((residents == null ? 0 : residents[1]) + (community == null ? 0 : community[1])));
		}).toList();
		return new PageImpl<>(rows, PageRequest.of(page, size), total);
	}

	/** Consultations that reached an agreed result in the period, the latest first. */
	Page<ConsultationRow> consultations(ConsultationQuery f, String c, int page, int size) {
		StringBuilder where = new StringBuilder(
				" from Consultation k where k.result = cn.needsloop.consultation.RoundResult.AGREED");
		Map<String, Object> params = new LinkedHashMap<>();
		period(where, params, "k.concludedAt", f.from(), f.to());
		if (c != null) {
			where.append(" and k.communityCode = :c");
			params.put("c", c);
		}
		if (f.applied() != null) {
			where.append(f.applied() ? " and k.appliedAt is not null" : " and k.appliedAt is null");
		}
		long total = bind(em.createQuery("select count(k)" + where, Long.class), params).getSingleResult();
		List<ConsultationRow> rows = bind(em.createQuery("select k" + where + " order by k.concludedAt desc, k.id desc",
				Consultation.class), params)
			.setFirstResult(page * size)
			.setMaxResults(size)
			.getResultList()
			.stream()
			.map(DrillDownLists::row)
			.toList();
		return new PageImpl<>(rows, PageRequest.of(page, size), total);
	}

	static ConsultationRow row(Consultation k) {
		ConsultationRound voted = k.getRounds().stream().filter(r -> r.getRecordedAt() != null).reduce((x, y) -> y)
			.orElse(null);
		return new ConsultationRow(k.getId(), k.getCommunityCode(), k.getTopic(), k.getTopicType(), k.getLevel(),
				k.getStatus(), k.getResult(), k.getRound(), voted == null ? null : voted.getAttendees(),
				voted == null ? null : voted.getVotesFor(), voted == null ? null : voted.getVotesAgainst(),
				voted == null ? null : voted.getVotesAbstain(), k.getConcludedAt(), k.getAppliedAt(),
				k.getApplicationReport(), k.getProjectId());
	}

	private static void period(StringBuilder where, Map<String, Object> params, String date, LocalDate from,
			LocalDate to) {
		if (from != null) {
			where.append(" and ").append(date).append(" >= :a");
			params.put("a", from.atStartOfDay(ChinaTime.ZONE).toInstant());
		}
		if (to != null) {
			where.append(" and ").append(date).append(" < :b");
			params.put("b", to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant());
		}
	}

	private static <T> TypedQuery<T> bind(TypedQuery<T> query, Map<String, Object> params) {
		params.forEach(query::setParameter);
		return query;
	}
}
