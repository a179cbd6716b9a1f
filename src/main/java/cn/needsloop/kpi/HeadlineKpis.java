package cn.needsloop.kpi;

import static cn.needsloop.kpi.Periods.asLong;
import static cn.needsloop.kpi.Periods.query;
import static cn.needsloop.kpi.Periods.rate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.intake.NeedCounts;
import cn.needsloop.intake.NeedFilter;
import cn.needsloop.kpi.KpiScopes.Scope;
import jakarta.persistence.EntityManager;

/**
 * The headline KPIs of a period, in a fixed number of queries (six, whatever the period or the size of the
 * district): the needs by channel and category with every count a rate needs, the needs by grid and the histogram
 * of minutes to categorize in one query of the read model {@link NeedCounts} (at most twelve months and about sixty days of
 * rows for a year, whatever the number of needs); the projects created, published and completed and the
 * consultations, each an aggregate over one index range ({@code V41__kpi_indexes.sql}); the overdue tasks come from
 * the engine.
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

		// the needs reported in the period, from the read model (NeedCounts): by channel and category with the
		// numerators of every rate, by grid, and the histogram of minutes to categorize
		long discovered = 0, verifiedInTime = 0, closed = 0, resolved = 0, rated = 0, satisfied = 0, genuine = 0,
				loopClosed = 0;
		Map<String, Long> byChannel = new TreeMap<>();
		Map<String, Long> byCategory = new TreeMap<>();
		Map<String, Long> byGrid = new TreeMap<>();
		TreeMap<Long, Long> minutes = new TreeMap<>();
		// one query: the C rows carry every count (the others only n)
		for (Object[] row : ReadModel.sums(em, List.of(NeedCounts.COUNTS, NeedCounts.GRID, NeedCounts.HOURS), s,
				NeedCounts.COLUMNS.toArray(String[]::new))) {
			long n = asLong(row[4]);
			if (n == 0) {
				continue;
			}
			switch (String.valueOf(row[0])) {
				case NeedCounts.COUNTS -> {
					discovered += n;
					byChannel.merge(String.valueOf(row[1]), n, Long::sum);
					if (!"".equals(row[2])) {
						byCategory.merge(String.valueOf(row[2]), n, Long::sum);
					}
					verifiedInTime += asLong(row[5]);
					closed += asLong(row[6]);
					resolved += asLong(row[7]);
					rated += asLong(row[8]);
					satisfied += asLong(row[9]);
					genuine += asLong(row[10]);
					loopClosed += asLong(row[11]);
				}
				// every need in one row: those reported without a grid under NeedFilter.NO_GRID (未分网格)
				case NeedCounts.GRID -> byGrid.merge("".equals(row[1]) ? NeedFilter.NO_GRID : (String) row[1], n, Long::sum);
				// hours from report to category: the histogram of whole minutes (NeedCounts.bucket)
				default -> minutes.merge(asLong(row[3]), n, Long::sum);
			}
		}

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
				rate(resolved, closed), rate(satisfied, rated), rate(loopClosed, genuine), percentile(minutes, 0.5),
				percentile(minutes, 0.9), projectCount == 0 ? null : (double) projectNeeds / projectCount,
				rate(claimedInTime, publishedCount), rate(onTime, completions.size()),
				overdueByLine.values().stream().mapToLong(Long::longValue).sum(), overdueByLine,
				rate(consultationsApplied, consultationsAgreed), byGrid, consultationsAgreed, consultationsApplied);
	}

	/**
	 * The percentile in hours of a histogram of minutes (bucket's lowest minute → needs in it), as of the sorted
	 * values with linear interpolation between neighbours, each value standing for its bucket
	 * ({@link NeedCounts#representative}: exact under three hours, within 5 minutes under two days, 30 minutes under
	 * two weeks, 12 hours beyond), rounded to 0.01 hours.
	 */
	static Double percentile(TreeMap<Long, Long> histogram, double p) {
		long size = histogram.values().stream().mapToLong(Long::longValue).sum();
		if (size == 0) {
			return null;
		}
		double rank = p * (size - 1);
		long low = (long) Math.floor(rank);
		long high = (long) Math.ceil(rank);
		double lowValue = at(histogram, low) / 60.0;
		double highValue = at(histogram, high) / 60.0;
		double value = lowValue + (highValue - lowValue) * (rank - low);
		return Math.round(value * 100) / 100.0;
	}

	/** The minutes the {@code index}-th smallest value stands for. */
	private static double at(TreeMap<Long, Long> histogram, long index) {
		long seen = 0;
		for (Map.Entry<Long, Long> bucket : histogram.entrySet()) {
			seen += bucket.getValue();
			if (index < seen) {
				return NeedCounts.representative(bucket.getKey());
			}
		}
		throw new IllegalArgumentException("index " + index + " beyond " + seen);
	}
}
