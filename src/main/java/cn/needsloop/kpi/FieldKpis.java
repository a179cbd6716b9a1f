package cn.needsloop.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.community.Places;
import cn.needsloop.field.Visit;
import cn.needsloop.intake.Outcome;
import cn.needsloop.process.Accounts;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.Channel;

/**
 * The field KPIs (全科网格), from the field tables directly: visit coverage (households visited on their patrol, by
 * its due time, over the households due when it was planned) by grid and by worker; the share of the period's needs
 * found by the grids (channel GRID_PATROL); how many of those were settled on the spot (就地办结); and the hours from
 * discovery to settlement (the median, on the spot and for every grid-found need resolved). Checked like the other
 * KPIs ({@link KpiScopes}); a fixed number of queries a request.
 */
@Service
@Transactional(readOnly = true)
public class FieldKpis {

	/** Coverage of one grid or one worker, and the needs they found and settled on the spot. */
	public record Row(String code, String name, long due, long visitedOnTime, Double coverage, long found, long settledOnSpot) {
	}

	public record Figures(String communityCode, java.time.LocalDate from, java.time.LocalDate to, long due, long visitedOnTime, Double coverage, long needs,
			long foundByGrids, Double gridShare, long settledOnSpot, Double spotRate, Double medianHoursOnSpot,
			Double medianHoursToSettle, List<Row> byGrid, List<Row> byWorker) {
	}

	/** A patrol as its coverage drill-down lists it. */
	public record PatrolLine(Long id, String gridCode, String gridName, String workerUser, String workerName,
			java.time.LocalDate day, Integer due, long visitedOnTime, String status, String escalatedTo) {
	}

	/** A need settled on the spot, as its drill-down lists it. */
	public record SpotLine(Long needId, String gridCode, String gridName, String settledBy, String settlerName,
			String category, java.math.BigDecimal estimatedCost, Instant foundAt, Instant settledAt, double hours) {
	}

	private final EntityManager em;

	private final KpiScopes scopes;

	private final Places places;

	private final Accounts accounts;

	FieldKpis(EntityManager em, KpiScopes scopes, Places places, Accounts accounts) {
		this.em = em;
		this.scopes = scopes;
		this.places = places;
		this.accounts = accounts;
	}

	/** The community and period a reader may see, as for every KPI: a manager any, a steward their own. */
	public Period period(String communityCode, java.time.LocalDate from, java.time.LocalDate to, Actor actor) {
		KpiScopes.Scope s = scopes.scope(communityCode, from, to, actor);
		return new Period(s.communityCode(), s.from(), s.to());
	}

	/** A community (null: the district) and a period of days. */
	public record Period(String communityCode, java.time.LocalDate from, java.time.LocalDate to) {
	}

	public Figures compute(String communityCode, java.time.LocalDate from, java.time.LocalDate to, Actor actor) {
		KpiScopes.Scope s = scopes.scope(communityCode, from, to, actor);
		String c = s.communityCode();
		String inCommunity = c == null ? "" : " and p.communityCode = :c";
		// the patrols of the period, each with its visits on time (reached, by the patrol's due time)
		var patrolQuery = em.createQuery("select p.id, p.gridCode, p.workerUser, p.dueCount from Patrol p"
				+ " where p.patrolDay >= :from and p.patrolDay <= :to" + inCommunity, Object[].class)
			.setParameter("from", s.from())
			.setParameter("to", s.to());
		var visitQuery = em.createQuery("select v.patrolId, count(distinct v.householdId) from Visit v, Patrol p"
				+ " where v.patrolId = p.id and p.patrolDay >= :from and p.patrolDay <= :to" + inCommunity
				+ " and v.result <> :notReached and v.visitedAt <= p.dueAt group by v.patrolId", Object[].class)
			.setParameter("from", s.from())
			.setParameter("to", s.to())
			.setParameter("notReached", Visit.Result.NOT_REACHED);
		if (c != null) {
			patrolQuery.setParameter("c", c);
			visitQuery.setParameter("c", c);
		}
		Map<Long, Long> onTime = new HashMap<>();
		visitQuery.getResultList().forEach(r -> onTime.put((Long) r[0], Periods.asLong(r[1])));
		Map<String, long[]> grids = new TreeMap<>();
		Map<String, long[]> workers = new TreeMap<>();
		long due = 0;
		long visited = 0;
		for (Object[] p : patrolQuery.getResultList()) {
			if (p[3] == null) {
				// planned before due counts were kept: no coverage to tell
				continue;
			}
			long patrolDue = ((Number) p[3]).longValue();
			long patrolVisited = Math.min(patrolDue, onTime.getOrDefault((Long) p[0], 0L));
			due += patrolDue;
			visited += patrolVisited;
			add(grids, (String) p[1], patrolDue, patrolVisited);
			add(workers, (String) p[2], patrolDue, patrolVisited);
		}
		// the needs of the period and those the grids found, with their settlement
		String needsInCommunity = c == null ? "" : " and n.communityCode = :c";
		var needCount = Periods.query(em, "select count(n) from Need n where n.reportedAt >= :a and n.reportedAt < :b"
				+ needsInCommunity, Long.class, s.start(), s.end(), c);
		long needs = needCount.getSingleResult();
		var found = Periods.query(em, "select n.id, n.gridCode, n.reporterUser, n.reportedAt, n.closedAt, n.outcome"
				+ " from Need n where n.reportedAt >= :a and n.reportedAt < :b and n.channel = :channel" + needsInCommunity,
				Object[].class, s.start(), s.end(), c)
			.setParameter("channel", Channel.GRID_PATROL)
			.getResultList();
		Map<Long, Instant> spot = new HashMap<>();
		String spotInCommunity = c == null ? "" : " and s.communityCode = :c";
		Periods.query(em, "select s.needId, s.settledAt from SpotSettlement s where s.foundAt >= :a and s.foundAt < :b"
				+ spotInCommunity, Object[].class, s.start(), s.end(), c)
			.getResultList()
			.forEach(r -> spot.put((Long) r[0], (Instant) r[1]));
		Map<String, long[]> foundByGrid = new HashMap<>();
		Map<String, long[]> foundByWorker = new HashMap<>();
		List<Double> hoursOnSpot = new ArrayList<>();
		List<Double> hoursToSettle = new ArrayList<>();
		for (Object[] n : found) {
			Instant reported = (Instant) n[3];
			Instant settledAt = spot.get((Long) n[0]);
			boolean onSpot = settledAt != null;
			count(foundByGrid, n[1] == null ? "-" : (String) n[1], onSpot);
			count(foundByWorker, (String) n[2], onSpot);
			if (onSpot) {
				hoursOnSpot.add(hours(reported, settledAt));
				hoursToSettle.add(hours(reported, settledAt));
			}
			else if (n[5] == Outcome.RESOLVED && n[4] != null) {
				hoursToSettle.add(hours(reported, (Instant) n[4]));
			}
		}
		Map<String, String> gridNames = places.gridNames();
		List<Row> byGrid = rows(grids, foundByGrid, code -> gridNames.getOrDefault(code, code));
		List<Row> byWorker = rows(workers, foundByWorker, accounts::nameOf);
		return new Figures(s.communityCode(), s.from(), s.to(), due, visited, Periods.rate(visited, due), needs, found.size(),
				Periods.rate(found.size(), needs), spot.size(), Periods.rate(spot.size(), found.size()), median(hoursOnSpot),
				median(hoursToSettle), byGrid, byWorker);
	}

	/** The patrols behind a coverage figure: of a grid or a worker (or all) in the community and period. */
	public List<PatrolLine> patrols(String communityCode, java.time.LocalDate from, java.time.LocalDate to, String grid,
			String worker, Actor actor) {
		KpiScopes.Scope s = scopes.scope(communityCode, from, to, actor);
		StringBuilder jpql = new StringBuilder("select p from Patrol p where p.patrolDay >= :from and p.patrolDay <= :to");
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("from", s.from());
		parameters.put("to", s.to());
		if (s.communityCode() != null) {
			jpql.append(" and p.communityCode = :c");
			parameters.put("c", s.communityCode());
		}
		if (grid != null) {
			jpql.append(" and p.gridCode = :grid");
			parameters.put("grid", grid);
		}
		if (worker != null) {
			jpql.append(" and p.workerUser = :worker");
			parameters.put("worker", worker);
		}
		jpql.append(" order by p.patrolDay desc, p.gridCode, p.workerUser");
		var query = em.createQuery(jpql.toString(), cn.needsloop.field.Patrol.class).setMaxResults(1000);
		parameters.forEach(query::setParameter);
		List<cn.needsloop.field.Patrol> found = query.getResultList();
		Map<Long, Long> onTime = new HashMap<>();
		if (!found.isEmpty()) {
			em.createQuery("select v.patrolId, count(distinct v.householdId) from Visit v, Patrol p where v.patrolId = p.id"
					+ " and p.id in :ids and v.result <> :notReached and v.visitedAt <= p.dueAt group by v.patrolId",
					Object[].class)
				.setParameter("ids", found.stream().map(cn.needsloop.field.Patrol::getId).toList())
				.setParameter("notReached", Visit.Result.NOT_REACHED)
				.getResultList()
				.forEach(r -> onTime.put((Long) r[0], Periods.asLong(r[1])));
		}
		Map<String, String> gridNames = places.gridNames();
		return found.stream()
			.map(p -> new PatrolLine(p.getId(), p.getGridCode(), gridNames.getOrDefault(p.getGridCode(), p.getGridCode()),
					p.getWorkerUser(), accounts.nameOf(p.getWorkerUser()), p.getPatrolDay(), p.getDueCount(),
					onTime.getOrDefault(p.getId(), 0L), p.getStatus().name(), p.getEscalatedTo()))
			.toList();
	}

	/** The needs settled on the spot behind the on-the-spot figures, found in the community and period. */
	public List<SpotLine> settledOnSpot(String communityCode, java.time.LocalDate from, java.time.LocalDate to,
			String grid, Actor actor) {
		KpiScopes.Scope s = scopes.scope(communityCode, from, to, actor);
		String jpql = "select s from SpotSettlement s where s.foundAt >= :a and s.foundAt < :b"
				+ (s.communityCode() == null ? "" : " and s.communityCode = :c") + (grid == null ? "" : " and s.gridCode = :grid")
				+ " order by s.settledAt desc";
		var query = Periods.query(em, jpql, cn.needsloop.field.SpotSettlement.class, s.start(), s.end(), s.communityCode())
			.setMaxResults(1000);
		if (grid != null) {
			query.setParameter("grid", grid);
		}
		Map<String, String> gridNames = places.gridNames();
		return query.getResultList().stream()
			.map(x -> new SpotLine(x.getNeedId(), x.getGridCode(), gridNames.getOrDefault(x.getGridCode(), x.getGridCode()),
					x.getSettledBy(), accounts.nameOf(x.getSettledBy()), x.getCategory().name(), x.getEstimatedCost(),
					x.getFoundAt(), x.getSettledAt(), hours(x.getFoundAt(), x.getSettledAt())))
			.toList();
	}

	private static void add(Map<String, long[]> totals, String key, long due, long visited) {
		long[] t = totals.computeIfAbsent(key, k -> new long[2]);
		t[0] += due;
		t[1] += visited;
	}

	private static void count(Map<String, long[]> totals, String key, boolean onSpot) {
		long[] t = totals.computeIfAbsent(key, k -> new long[2]);
		t[0]++;
		if (onSpot) {
			t[1]++;
		}
	}

	private static List<Row> rows(Map<String, long[]> coverage, Map<String, long[]> found,
			java.util.function.Function<String, String> names) {
		TreeMap<String, Boolean> keys = new TreeMap<>();
		coverage.keySet().forEach(k -> keys.put(k, true));
		found.keySet().forEach(k -> keys.put(k, true));
		List<Row> rows = new ArrayList<>();
		for (String key : keys.keySet()) {
			long[] c = coverage.getOrDefault(key, new long[2]);
			long[] f = found.getOrDefault(key, new long[2]);
			rows.add(new Row(key, "-".equals(key) ? "-" : names.apply(key), c[0], c[1], Periods.rate(c[1], c[0]), f[0], f[1]));
		}
		return rows;
	}

	private static double hours(Instant from, Instant to) {
		return Periods.round2(Duration.between(from, to).toMinutes() / 60.0);
	}

	private static Double median(List<Double> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return Periods.round2(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
	}
}
