package cn.needsloop.kpi;

import static cn.needsloop.kpi.Periods.asLong;
import static cn.needsloop.kpi.Periods.query;
import static cn.needsloop.kpi.Periods.rate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.intake.NeedFilter;
import cn.needsloop.kpi.KpiScopes.Scope;
import jakarta.persistence.EntityManager;

/**
 * The headline KPIs of a period: counted in the database in a fixed number of queries (eight, whatever the
 * period or the size of the district), each an aggregate over one index range ({@code V13__kpi_indexes.sql}):
 * the needs by channel and category with every count a rate needs in the same pass, the needs by grid, the
 * hours to categorize (one number a need, sorted here for the percentiles), the projects created, published
 * and completed, the consultations; the overdue tasks come from the engine.
 */
@Component
@Transactional(readOnly = true)
class HeadlineKpis {

	private final EntityManager em;

	private final OverdueTasks overdue;

	HeadlineKpis(EntityManager em, OverdueTasks overdue) {
		this.em = em;
		this.overdue = overdue;
	}

	Kpis compute(Scope s) {
		Instant a = s.start();
		Instant b = s.end();
		String c = s.communityCode();
		String needs = " from Need n where n.reportedAt >= :a and n.reportedAt < :b"
				+ (c == null ? "" : " and n.communityCode = :c");

		// one pass over the period's needs: by channel and category, with the numerators of every rate
		long discovered = 0, verifiedInTime = 0, closed = 0, resolved = 0, rated = 0, satisfied = 0, genuine = 0,
				loopClosed = 0;
		Map<String, Long> byChannel = new TreeMap<>();
		Map<String, Long> byCategory = new TreeMap<>();
		for (Object[] row : query(em, "select n.channel, n.category, count(n),"
				+ " sum(case when n.verifiedAt is not null and n.verifiedAt <= n.verificationDueAt then 1 else 0 end),"
				+ " sum(case when n.status = cn.needsloop.intake.NeedStatus.CLOSED then 1 else 0 end),"
				+ " sum(case when n.outcome = cn.needsloop.intake.Outcome.RESOLVED then 1 else 0 end),"
				+ " sum(case when n.needScore is not null then 1 else 0 end),"
				+ " sum(case when n.needScore >= 4 then 1 else 0 end),"
				+ " sum(case when n.verificationVerdict = cn.needsloop.intake.VerificationVerdict.GENUINE then 1 else 0 end),"
				+ " sum(case when n.outcome is not null and n.evaluatedAt is not null then 1 else 0 end)" + needs
				+ " group by n.channel, n.category", Object[].class, a, b, c).getResultList()) {
			long n = asLong(row[2]);
			discovered += n;
			byChannel.merge(String.valueOf(row[0]), n, Long::sum);
			if (row[1] != null) {
				byCategory.merge(String.valueOf(row[1]), n, Long::sum);
			}
			verifiedInTime += asLong(row[3]);
			closed += asLong(row[4]);
			resolved += asLong(row[5]);
			rated += asLong(row[6]);
			satisfied += asLong(row[7]);
			genuine += asLong(row[8]);
			loopClosed += asLong(row[9]);
		}
		// every need in one row: those reported without a grid under NeedFilter.NO_GRID (未分网格), so the rows add up
		Map<String, Long> byGrid = new TreeMap<>();
		query(em, "select n.gridCode, count(n)" + needs + " group by n.gridCode", Object[].class, a, b, c)
			.getResultList()
			.forEach(row -> byGrid.merge(row[0] == null ? NeedFilter.NO_GRID : (String) row[0], (Long) row[1], Long::sum));

		// hours from report to category: whole minutes (as Duration.toMinutes) in hours; one number a need
		List<Double> hours = new ArrayList<>();
		query(em, "select (n.categorizedAt - n.reportedAt) by nanosecond" + needs + " and n.categorizedAt is not null",
				Object.class, a, b, c)
			.getResultList()
			.forEach(ns -> hours.add(Math.floorDiv(((Number) ns).longValue(), 60_000_000_000L) / 60.0));
		Collections.sort(hours);

		String projects = " from ServiceProject p where p.createdAt >= :a and p.createdAt < :b"
				+ (c == null ? "" : " and p.communityCode = :c");
		long projectCount = query(em, "select count(p)" + projects, Long.class, a, b, c).getSingleResult();
		long projectNeeds = query(em, "select count(n) from Need n where n.projectId in (select p.id" + projects + ")",
				Long.class, a, b, c).getSingleResult();
		Object[] published = query(em, "select count(p), sum(case when p.claimedInTime = true then 1 else 0 end)"
				+ " from ServiceProject p where p.publishedAt >= :a and p.publishedAt < :b"
				+ (c == null ? "" : " and p.communityCode = :c"), Object[].class, a, b, c).getSingleResult();
		long publishedCount = asLong(published[0]);
		long claimedInTime = asLong(published[1]);
		List<Object[]> completions = query(em, "select p.completedAt, p.plannedEnd from ServiceProject p"
				+ " where p.completedAt >= :a and p.completedAt < :b" + (c == null ? "" : " and p.communityCode = :c"),
				Object[].class, a, b, c)
			.getResultList();
		long onTime = completions.stream().filter(row -> Periods.onTime((Instant) row[0], (LocalDate) row[1])).count();

		// 成果运用率: of the consultations that reached an agreed result in the period, those whose result was
		// applied (a REJECTED consultation has no result to apply)
		Object[] agreed = query(em, "select count(k), sum(case when k.appliedAt is not null then 1 else 0 end)"
				+ " from Consultation k where k.concludedAt >= :a and k.concludedAt < :b"
				+ " and k.result = cn.needsloop.consultation.RoundResult.AGREED"
				+ (c == null ? "" : " and k.communityCode = :c"), Object[].class, a, b, c).getSingleResult();
		long consultationsAgreed = asLong(agreed[0]);
		long consultationsApplied = asLong(agreed[1]);

		Map<String, Long> overdueByLine = overdue.countByLine(s);
		return new Kpis(c, s.from(), s.to(), discovered, byChannel, byCategory, rate(verifiedInTime, discovered),
				rate(resolved, closed), rate(satisfied, rated), rate(loopClosed, genuine), percentile(hours, 0.5),
				percentile(hours, 0.9), projectCount == 0 ? null : (double) projectNeeds / projectCount,
				rate(claimedInTime, publishedCount), rate(onTime, completions.size()),
				overdueByLine.values().stream().mapToLong(Long::longValue).sum(), overdueByLine,
				rate(consultationsApplied, consultationsAgreed), byGrid, consultationsAgreed, consultationsApplied);
	}

	static Double percentile(List<Double> sorted, double p) {
		if (sorted.isEmpty()) {
			return null;
		}
		double rank = p * (sorted.size() - 1);
		int low = (int) Math.floor(rank);
		int high = (int) Math.ceil(rank);
		double value = sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (rank - low);
		return Math.round(value * 100) / 100.0;
	}
}
