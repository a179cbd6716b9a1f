package cn.needsloop.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedCounts;
import cn.needsloop.intake.NeedFilter;
import cn.needsloop.intake.NeedStatus;
import cn.needsloop.intake.Needs;
import cn.needsloop.intake.Outcome;
import cn.needsloop.intake.Scope;
import cn.needsloop.intake.VerificationVerdict;
import cn.needsloop.kpi.NeedTrends.NeedsOverTime;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.ChinaTime;
import cn.needsloop.shared.Channel;
import cn.needsloop.shared.Line;
import cn.needsloop.shared.Phase;
import cn.needsloop.shared.Urgency;
import cn.needsloop.support.AppContext;
import jakarta.persistence.EntityManager;

/**
 * The KPIs and trends read from the read model ({@link NeedCounts}) are those counted from the need table itself, the
 * way they were counted before the model (the oracle below: the old queries of {@code HeadlineKpis} and
 * {@code NeedTrends}), after needs were reported and driven through their states by the entity's own methods in
 * transactions of one or several needs, a rolled-back transaction among them, and when two threads change needs of
 * the same day and community at once. The hours to categorize equal the oracle's read through the same buckets and
 * lie within the buckets' resolution of the exact ones.
 */
@AppContext
class KpiReadModelTests {

	static final Actor MANAGER = new Actor("manager1", List.of("manager"));

	@Autowired
	KpiService kpis;

	@Autowired
	Needs needs;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EntityManager em;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theKpisFromTheReadModelAreThoseCountedFromTheNeeds() {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		Random random = new Random(2005);
		List<String> grids = jdbc.queryForList("select code from grid where community_code = 'xingfu'", String.class);
		List<Long> ids = new ArrayList<>();
		Instant first = LocalDate.of(2005, 1, 20).atStartOfDay(ChinaTime.ZONE).toInstant();
		for (int batch = 0; batch < 20; batch++) {
			ids.addAll(tx.execute(status -> {
				List<Long> made = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					Instant reported = first.plusSeconds(random.nextInt(90 * 86_400));
					if (random.nextInt(5) == 0) { // about midnight in Beijing
						reported = reported.truncatedTo(ChronoUnit.DAYS).plusSeconds(16 * 3600 - 30 + random.nextInt(60));
					}
					boolean xingfu = random.nextInt(3) > 0;
					String grid = xingfu && !grids.isEmpty() && random.nextInt(4) > 0 ? grids.get(random.nextInt(grids.size()))
							: null;
					Need need = new Need(xingfu ? "xingfu" : "dongshan", grid,
							Channel.values()[random.nextInt(Channel.values().length)], "读模型", "读模型", "李读模", "13800000000",
							"resident1", 1, reported);
					needs.save(need);
					made.add(need.getId());
				}
				return made;
			}));
		}
		for (int round = 0; round < 5; round++) {
			for (int from = 0; from < ids.size(); from += 5) {
				List<Long> some = ids.subList(from, Math.min(from + 5, ids.size()));
				tx.executeWithoutResult(status -> some.forEach(id -> step(needs.require(id), random, 2)));
			}
		}
		// a transaction rolled back leaves the counts as they were
		tx.executeWithoutResult(status -> {
			ids.forEach(id -> {
				Need need = needs.require(id);
				if (need.getStatus() == NeedStatus.OPEN) {
					need.closed(Outcome.RESOLVED, need.getReportedAt().plusSeconds(3600));
				}
			});
			needs.flush();
			status.setRollbackOnly();
		});

		for (String community : new String[] { null, "xingfu" }) {
			assertSameAsCounted(community, LocalDate.of(2005, 1, 1), LocalDate.of(2005, 12, 31));
			assertSameAsCounted(community, LocalDate.of(2005, 2, 1), LocalDate.of(2005, 2, 28));
			assertSameAsCounted(community, LocalDate.of(2005, 1, 25), LocalDate.of(2005, 2, 10));
			assertSameAsCounted(community, LocalDate.of(2004, 12, 20), LocalDate.of(2005, 4, 10));
			assertSameAsCounted(community, LocalDate.of(2005, 3, 15), LocalDate.of(2005, 3, 15));
		}
		assertThat(kpis.compute(null, LocalDate.of(2005, 1, 1), LocalDate.of(2005, 12, 31), MANAGER).needsDiscovered())
			.isEqualTo(160);
	}

	@Test
	void twoThreadsChangingNeedsOfOneDayAndCommunityLoseNoIncrement() throws Exception {
		LocalDate day = LocalDate.of(2006, 3, 3);
		Instant morning = day.atStartOfDay(ChinaTime.ZONE).toInstant().plusSeconds(8 * 3600);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 2; t++) {
				int thread = t;
				done.add(threads.submit(() -> {
					start.await();
					TransactionTemplate tx = new TransactionTemplate(transactions);
					for (int i = 0; i < 25; i++) {
						Instant reported = morning.plusSeconds(60L * (thread * 25 + i));
						Long id = tx.execute(status -> needs.save(new Need("xingfu", null, Channel.ONLINE, "并发", "并发",
								"李读模", "13800000000", "resident1", 1, reported)).getId());
						tx.executeWithoutResult(status -> needs.require(id)
							.verified(VerificationVerdict.GENUINE, null, "核实", reported.plusSeconds(600)));
						tx.executeWithoutResult(status -> needs.require(id)
							.categorized(Category.SAFETY, Urgency.NORMAL, Scope.INDIVIDUAL, reported.plusSeconds(3600)));
						tx.executeWithoutResult(status -> {
							Need need = needs.require(id);
							need.enteredStep(Phase.EVALUATE, Line.STEWARD, null);
							need.rated(5, "好", reported.plusSeconds(7200));
							need.closed(Outcome.RESOLVED, reported.plusSeconds(7200));
						});
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> d : done) {
				d.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
		Kpis district = kpis.compute(null, day, day, MANAGER);
		assertThat(district.needsDiscovered()).isEqualTo(50);
		assertThat(district.needsByCategory()).containsEntry("SAFETY", 50L);
		assertThat(district.resolutionRate()).isEqualTo(1.0);
		assertThat(district.satisfactionRate()).isEqualTo(1.0);
		assertThat(district.medianHoursToCategorize()).isEqualTo(1.0);
		assertThat(kpis.needsByPhase("xingfu", day, day, MANAGER)).containsEntry(Phase.EVALUATE, 50L)
			.containsEntry(Phase.DISCOVER, 0L);
		assertSameAsCounted(null, day, day);
		assertSameAsCounted("xingfu", day.minusDays(3), day.plusDays(40));
	}

	/** One or two random changes of a need, as the steps of the loop make them. */
	private static void step(Need need, Random r, int depth) {
		Instant reported = need.getReportedAt();
		boolean open = need.getStatus() == NeedStatus.OPEN;
		switch (r.nextInt(7)) {
			case 0 -> need.enteredStep(Phase.values()[r.nextInt(Phase.values().length)],
					Line.values()[r.nextInt(Line.values().length)], reported.plusSeconds(86_400));
			case 1 -> {
				if (open) {
					need.verified(VerificationVerdict.values()[r.nextInt(VerificationVerdict.values().length)], null, "核实",
							reported.plusSeconds(r.nextInt(2 * 86_400)));
				}
			}
			case 2 -> {
				if (open) {
					long minutes = new long[] { r.nextInt(180), 180 + r.nextInt(2700), 2880 + r.nextInt(17_000),
							20_160 + r.nextInt(30_000) }[r.nextInt(4)];
					need.categorized(Category.values()[r.nextInt(Category.values().length)], Urgency.NORMAL,
							Scope.INDIVIDUAL, reported.plusSeconds(60 * minutes + r.nextInt(60)));
				}
			}
			case 3 -> need.rated(r.nextInt(4) == 0 ? null : 1 + r.nextInt(5), "评价", reported.plusSeconds(3 * 86_400));
			case 4 -> {
				if (open) {
					need.closed(Outcome.values()[r.nextInt(Outcome.values().length)], reported.plusSeconds(4 * 86_400));
				}
			}
			case 5 -> {
				if (!open) {
					need.reopened();
				}
			}
			default -> {
				if (depth > 0) {
					step(need, r, depth - 1);
					step(need, r, depth - 1);
				}
			}
		}
	}

	private void assertSameAsCounted(String community, LocalDate from, LocalDate to) {
		Kpis read = kpis.compute(community, from, to, MANAGER);
		Counted counted = new TransactionTemplate(transactions).execute(status -> counted(community, from, to));
		String scope = (community == null ? "district" : community) + " " + from + ".." + to;
		assertThat(read.needsDiscovered()).as(scope).isEqualTo(counted.discovered);
		assertThat(read.needsByChannel()).as(scope).isEqualTo(counted.byChannel);
		assertThat(read.needsByCategory()).as(scope).isEqualTo(counted.byCategory);
		assertThat(read.needsByGrid()).as(scope).isEqualTo(counted.byGrid);
		assertThat(read.responseRate()).as(scope).isEqualTo(Periods.rate(counted.verifiedInTime, counted.discovered));
		assertThat(read.resolutionRate()).as(scope).isEqualTo(Periods.rate(counted.resolved, counted.closed));
		assertThat(read.satisfactionRate()).as(scope).isEqualTo(Periods.rate(counted.satisfied, counted.rated));
		assertThat(read.loopClosureRate()).as(scope).isEqualTo(Periods.rate(counted.loopClosed, counted.genuine));
		assertThat(read.medianHoursToCategorize()).as(scope).isEqualTo(percentile(counted.bucketedHours, 0.5));
		assertThat(read.p90HoursToCategorize()).as(scope).isEqualTo(percentile(counted.bucketedHours, 0.9));
		if (!counted.hours.isEmpty()) {
			// within the buckets' resolution: 30 minutes under two weeks, 12 hours beyond (and 0.01 of rounding)
			double resolution = counted.hours.get(counted.hours.size() - 1) < 336 ? 0.5 : 12;
			assertThat(read.medianHoursToCategorize()).as(scope)
				.isCloseTo(percentile(counted.hours, 0.5), within(resolution + 0.01));
		}
		assertThat(kpis.needsByPhase(community, from, to, MANAGER)).as(scope).isEqualTo(counted.byPhase);
		NeedsOverTime trend = kpis.needsOverTime(community, from, to, MANAGER);
		Map<String, List<Long>> byChannel = new TreeMap<>();
		Map<String, List<Long>> byCategory = new TreeMap<>();
		for (int i = 0; i < trend.buckets().size(); i++) {
			KpiScopes.Scope bucket = trend.buckets().get(i);
			Counted stretch = new TransactionTemplate(transactions)
				.execute(status -> counted(community, bucket.from(), bucket.to()));
			int at = i, size = trend.buckets().size();
			stretch.byChannel.forEach((k, n) -> byChannel
				.computeIfAbsent(k, x -> new ArrayList<>(Collections.nCopies(size, 0L)))
				.set(at, n));
			stretch.byCategory.forEach((k, n) -> byCategory
				.computeIfAbsent(k, x -> new ArrayList<>(Collections.nCopies(size, 0L)))
				.set(at, n));
		}
		assertThat(trend.byChannel()).as(scope).isEqualTo(byChannel);
		assertThat(trend.byCategory()).as(scope).isEqualTo(byCategory);
	}

	/** The oracle: the needs of the period counted from the need table, as the KPIs did before the read model. */
	private static final class Counted {

		long discovered, verifiedInTime, closed, resolved, rated, satisfied, genuine, loopClosed;

		final Map<String, Long> byChannel = new TreeMap<>(), byCategory = new TreeMap<>(), byGrid = new TreeMap<>();

		final Map<Phase, Long> byPhase = new EnumMap<>(Phase.class);

		final List<Double> hours = new ArrayList<>(), bucketedHours = new ArrayList<>();
	}

	private Counted counted(String c, LocalDate from, LocalDate to) {
		KpiScopes.Scope s = new KpiScopes.Scope(c, from, to);
		String needs = " from Need n where n.reportedAt >= :a and n.reportedAt < :b"
				+ (c == null ? "" : " and n.communityCode = :c");
		Counted k = new Counted();
		for (Object[] row : Periods.query(em, "select n.channel, n.category, count(n),"
				+ " sum(case when n.verifiedAt is not null and n.verifiedAt <= n.verificationDueAt then 1 else 0 end),"
				+ " sum(case when n.status = cn.needsloop.intake.NeedStatus.CLOSED then 1 else 0 end),"
				+ " sum(case when n.outcome = cn.needsloop.intake.Outcome.RESOLVED then 1 else 0 end),"
				+ " sum(case when n.needScore is not null then 1 else 0 end),"
				+ " sum(case when n.needScore >= 4 then 1 else 0 end),"
				+ " sum(case when n.verificationVerdict = cn.needsloop.intake.VerificationVerdict.GENUINE then 1 else 0 end),"
				+ " sum(case when n.outcome is not null and n.evaluatedAt is not null then 1 else 0 end)" + needs
				+ " group by n.channel, n.category", Object[].class, s.start(), s.end(), c).getResultList()) {
			long n = Periods.asLong(row[2]);
			k.discovered += n;
			k.byChannel.merge(String.valueOf(row[0]), n, Long::sum);
			if (row[1] != null) {
				k.byCategory.merge(String.valueOf(row[1]), n, Long::sum);
			}
			k.verifiedInTime += Periods.asLong(row[3]);
			k.closed += Periods.asLong(row[4]);
			k.resolved += Periods.asLong(row[5]);
			k.rated += Periods.asLong(row[6]);
			k.satisfied += Periods.asLong(row[7]);
			k.genuine += Periods.asLong(row[8]);
			k.loopClosed += Periods.asLong(row[9]);
		}
		Periods.query(em, "select n.gridCode, count(n)" + needs + " group by n.gridCode", Object[].class, s.start(), s.end(), c)
			.getResultList()
			.forEach(row -> k.byGrid.merge(row[0] == null ? NeedFilter.NO_GRID : (String) row[0], (Long) row[1], Long::sum));
		Periods.query(em, "select n.reportedAt, n.categorizedAt" + needs + " and n.categorizedAt is not null", Object[].class,
				s.start(), s.end(), c)
			.getResultList()
			.forEach(row -> {
				long minutes = Math.floorDiv(Duration.between((Instant) row[0], (Instant) row[1]).toNanos(), 60_000_000_000L);
				k.hours.add(minutes / 60.0);
				k.bucketedHours.add(NeedCounts.representative(NeedCounts.bucket(minutes)) / 60.0);
			});
		Collections.sort(k.hours);
		Collections.sort(k.bucketedHours);
		for (Phase phase : Phase.values()) {
			k.byPhase.put(phase, 0L);
		}
		Periods.query(em, "select n.phase, count(n)" + needs + " group by n.phase", Object[].class, s.start(), s.end(), c)
			.getResultList()
			.forEach(row -> k.byPhase.put((Phase) row[0], (Long) row[1]));
		return k;
	}

	/** The percentile as the KPIs computed it before the read model: sorted values, linear between neighbours. */
	private static Double percentile(List<Double> sorted, double p) {
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
