package cn.needsloop.kpi;

import cn.needsloop.shared.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/** Queries over a period {@code [:a, :b)} of one community {@code :c} or the whole district, and rounding. */
final class Periods {

	private Periods() {
	}

	static <T> TypedQuery<T> query(EntityManager em, String jpql, Class<T> type, Instant a, Instant b, String c) {
		TypedQuery<T> query = em.createQuery(jpql, type).setParameter("a", a).setParameter("b", b);
		if (c != null) {
			query.setParameter("c", c);
		}
		return query;
	}

	static Map<String, Long> groupCount(EntityManager em, String jpql, Instant a, Instant b, String c) {
		Map<String, Long> result = new TreeMap<>();
		query(em, jpql, Object[].class, a, b, c).getResultList()
			.forEach(row -> result.put(String.valueOf(row[0]), (Long) row[1]));
		return result;
	}

	/** Completed by the planned end: on or before that day in Beijing time. */
	static boolean onTime(Instant completedAt, LocalDate plannedEnd) {
		return plannedEnd != null && !completedAt.atZone(ChinaTime.ZONE).toLocalDate().isAfter(plannedEnd);
	}

	static long asLong(Object value) {
		return value == null ? 0 : ((Number) value).longValue();
	}

	static double round2(double value) {
		return Math.round(value * 100) / 100.0;
	}

	static Double rate(long part, long whole) {
		return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
	}
}
