package cn.needsloop.kpi;

import static cn.needsloop.kpi.Periods.asLong;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.intake.NeedCounts;
import cn.needsloop.shared.Phase;
import cn.needsloop.kpi.KpiScopes.Scope;
import jakarta.persistence.EntityManager;

/** The dashboard's trends: needs reported per stretch of the period by channel and category, and by phase. */
@Component
@Transactional(readOnly = true)
class NeedTrends {

	private static final int MAX_BUCKETS = 8;

	/** Needs reported per stretch of the period, by channel and by category (codes), one value per bucket. */
	public record NeedsOverTime(List<Scope> buckets, Map<String, List<Long>> byChannel,
			Map<String, List<Long>> byCategory) {
	}

	private final EntityManager em;

	NeedTrends(EntityManager em) {
		this.em = em;
	}

	/**
	 * Needs reported in the period, by channel and by category, in at most eight stretches of at least a week
	 * each (a short period is one stretch): one query a stretch of the read model ({@link NeedCounts}).
	 */
	NeedsOverTime needsOverTime(Scope s) {
		long days = ChronoUnit.DAYS.between(s.from(), s.to()) + 1;
		long step = Math.max(7, (days + MAX_BUCKETS - 1) / MAX_BUCKETS);
		List<Scope> buckets = new ArrayList<>();
		for (LocalDate start = s.from(); !start.isAfter(s.to()); start = start.plusDays(step)) {
			LocalDate end = start.plusDays(step - 1);
			buckets.add(new Scope(s.communityCode(), start, end.isAfter(s.to()) ? s.to() : end));
		}
		Map<String, List<Long>> byChannel = new TreeMap<>();
		Map<String, List<Long>> byCategory = new TreeMap<>();
		for (int i = 0; i < buckets.size(); i++) {
			for (Object[] row : ReadModel.sums(em, List.of(NeedCounts.COUNTS), buckets.get(i), "n")) {
				long n = asLong(row[4]);
				if (n == 0) {
					continue;
				}
				add(byChannel, String.valueOf(row[1]), buckets.size(), i, n);
				if (!"".equals(row[2])) {
					add(byCategory, String.valueOf(row[2]), buckets.size(), i, n);
				}
			}
		}
		return new NeedsOverTime(buckets, byChannel, byCategory);
	}

	/** Needs reported in the period by the phase they are in now, every phase present (from {@link NeedCounts}). */
	Map<Phase, Long> needsByPhase(Scope s) {
		Map<Phase, Long> byPhase = new EnumMap<>(Phase.class);
		for (Phase phase : Phase.values()) {
			byPhase.put(phase, 0L);
		}
		for (Object[] row : ReadModel.sums(em, List.of(NeedCounts.PHASE), s, "n")) {
			byPhase.merge(Phase.valueOf((String) row[1]), asLong(row[4]), Long::sum);
		}
		return byPhase;
	}

	private static void add(Map<String, List<Long>> all, String code, int size, int at, long n) {
		List<Long> series = all.computeIfAbsent(code, k -> new ArrayList<>(Collections.nCopies(size, 0L)));
		series.set(at, series.get(at) + n);
	}
}
