package cn.needsloop.kpi;

import java.time.LocalDate;
import java.util.List;

import cn.needsloop.intake.NeedCounts;
import cn.needsloop.kpi.KpiScopes.Scope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Reads the KPI read model {@link NeedCounts} ({@code need_kpi_count}) for a period: the month rows of its whole
 * months and the day rows of the days before and after them, of one community or of the district ({@code *}), so a
 * year reads at most twelve months and about sixty days of rows, whatever the number of needs.
 */
final class ReadModel {

	private ReadModel() {
	}

	/**
	 * Rows of the facets summed per key: {@code facet, k1, k2, k3} and then the sums of {@code columns}, in the
	 * order given; one query for all the facets.
	 */
	@SuppressWarnings("unchecked")
	static List<Object[]> sums(EntityManager em, List<String> facets, Scope s, String... columns) {
		LocalDate from = s.from();
		LocalDate after = s.to().plusDays(1);
		// the whole months [m1, m2) inside [from, after)
		LocalDate m1 = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
		LocalDate m2 = after.withDayOfMonth(1);
		StringBuilder sql = new StringBuilder("select facet, k1, k2, k3");
		for (String column : columns) {
			sql.append(", sum(").append(column).append(')');
		}
		sql.append(" from ").append(NeedCounts.TABLE).append(" where community_code = ?1 and facet in (?2) and ");
		Query query;
		if (m1.isBefore(m2)) {
			sql.append("(period_kind = 'M' and period_start >= ?3 and period_start < ?4 or period_kind = 'D'"
					+ " and (period_start >= ?5 and period_start < ?3 or period_start >= ?4 and period_start < ?6))");
			query = em.createNativeQuery(sql.append(" group by facet, k1, k2, k3").toString())
				.setParameter(3, m1)
				.setParameter(4, m2)
				.setParameter(5, from)
				.setParameter(6, after);
		}
		else {
			sql.append("period_kind = 'D' and period_start >= ?3 and period_start < ?4");
			query = em.createNativeQuery(sql.append(" group by facet, k1, k2, k3").toString())
				.setParameter(3, from)
				.setParameter(4, after);
		}
		return query.setParameter(1, s.communityCode() == null ? NeedCounts.DISTRICT : s.communityCode())
			.setParameter(2, facets)
			.getResultList();
	}
}
