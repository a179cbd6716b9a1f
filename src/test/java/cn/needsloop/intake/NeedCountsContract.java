package cn.needsloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import cn.needsloop.intake.NeedCounts.Counted;
import cn.needsloop.intake.NeedCounts.Key;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Channel;
import cn.needsloop.shared.Phase;

/**
 * The KPI read model on a real database: migration V48 counts the needs reported before it exactly as the app counts
 * a need it writes ({@link NeedCounts#delta}), day in Beijing time and minute buckets included; two nodes changing
 * needs of the same day and community at once lose no increment. Run on H2 ({@link NeedCountsTests}) and
 * MySQL/MariaDB ({@link NeedCountsMySqlIntegrationTests}); the subclass gives a fresh, empty database.
 */
abstract class NeedCountsContract {

	/** A pool of connections to the fresh database: each call is another node. */
	protected abstract DataSource node();

	private static final String[] COMMUNITIES = { "c1", "c2" };

	@Test
	void theMigrationCountsTheNeedsReportedBeforeItAsTheAppCountsThem() throws Exception {
		DataSource db = node();
		Flyway.configure().dataSource(db).locations("classpath:db/migration").target("47").load().migrate();
		Random random = new Random(11);
		Map<Key, long[]> expected = new HashMap<>();
		try (Connection c = db.getConnection()) {
			communities(c);
			for (int i = 0; i < 300; i++) {
				Counted need = insert(c, random(random, "c" + (1 + i % 2), (LocalDate) null));
				NeedCounts.delta(expected, need, 1);
			}
		}
		Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
		try (Connection c = db.getConnection()) {
			assertThat(table(c)).isEqualTo(nonZero(expected));
			assertThat(table(c).keySet()).anyMatch(k -> k.startsWith("*|C|M|2024-02-01|"))
				.anyMatch(k -> k.startsWith("c2|H|D|"));
		}
	}

	@Test
	void twoNodesChangingNeedsOfOneDayLoseNoIncrement() throws Exception {
		DataSource first = node();
		DataSource second = node();
		Flyway.configure().dataSource(first).locations("classpath:db/migration").load().migrate();
		try (Connection c = first.getConnection()) {
			communities(c);
		}
		LocalDate day = LocalDate.of(2024, 3, 5);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<List<Counted>>> done = new ArrayList<>();
			for (DataSource node : List.of(first, second)) {
				int seed = done.size();
				done.add(threads.submit(() -> {
					start.await();
					return walk(node, new Random(seed), day, 40);
				}));
			}
			start.countDown();
			Map<Key, long[]> expected = new HashMap<>();
			for (Future<List<Counted>> d : done) {
				d.get().forEach(need -> NeedCounts.delta(expected, need, 1));
			}
			try (Connection c = first.getConnection()) {
				assertThat(table(c)).isEqualTo(nonZero(expected));
				try (Statement s = c.createStatement();
						ResultSet r = s.executeQuery("select sum(n), sum(closed) from need_kpi_count where community_code = '*'"
								+ " and facet = 'C' and period_kind = 'D'")) {
					r.next();
					assertThat(r.getLong(1)).isEqualTo(80);
					assertThat(r.getLong(2)).isEqualTo(expected.entrySet()
						.stream()
						.filter(e -> e.getKey().community().equals("*") && e.getKey().facet().equals("C")
								&& e.getKey().kind().equals("D"))
						.mapToLong(e -> e.getValue()[2])
						.sum());
				}
				// and the counts are those the rebuild finds in the need table
				Map<String, List<Long>> kept = table(c);
				c.setAutoCommit(false);
				NeedCounts.rebuild(c);
				c.commit();
				assertThat(table(c)).isEqualTo(kept);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * Reports {@code count} needs of c1 on {@code day} and changes each of them three times, each report and each
	 * change in a transaction of its own that updates the need row and the counts together, as the app does.
	 */
	private static List<Counted> walk(DataSource node, Random random, LocalDate day, int count) throws Exception {
		List<Counted> needs = new ArrayList<>();
		try (Connection c = node.getConnection()) {
			c.setAutoCommit(false);
			for (int i = 0; i < count; i++) {
				Counted need = insert(c, random(random, "c1", day));
				Map<Key, long[]> deltas = new HashMap<>();
				NeedCounts.delta(deltas, need, 1);
				NeedCounts.apply(c, deltas);
				c.commit();
				needs.add(need);
			}
			for (int round = 0; round < 3; round++) {
				for (int i = 0; i < needs.size(); i++) {
					Counted old = needs.get(i);
					Counted changed = random(random, "c1", old.reportedAt());
					changed = new Counted(old.id(), old.community(), old.grid(), old.channel(), changed.category(),
							changed.phase(), changed.status(), changed.outcome(), changed.verdict(), changed.score(),
							old.reportedAt(), changed.verificationDueAt(), changed.verifiedAt(), changed.categorizedAt(),
							changed.evaluatedAt());
					try (PreparedStatement u = c.prepareStatement("update need set category = ?, phase = ?, status = ?,"
							+ " outcome = ?, verification_verdict = ?, need_score = ?, verification_due_at = ?,"
							+ " verified_at = ?, categorized_at = ?, evaluated_at = ? where id = ?")) {
						bindState(u, 1, changed);
						u.setLong(11, old.id());
						u.executeUpdate();
					}
					Map<Key, long[]> deltas = new HashMap<>();
					NeedCounts.delta(deltas, old, -1);
					NeedCounts.delta(deltas, changed, 1);
					NeedCounts.apply(c, deltas);
					c.commit();
					needs.set(i, changed);
				}
			}
		}
		return needs;
	}

	private static void communities(Connection c) throws Exception {
		try (Statement s = c.createStatement()) {
			for (String community : COMMUNITIES) {
				s.executeUpdate("insert into community (code, name, kind) values ('" + community + "', '" + community
						+ "', 'COMMUNITY')");
			}
		}
	}

	/** A need in a random state; reported on {@code day} (Beijing time) or between December 2023 and April 2024. */
	private static Counted random(Random r, String community, LocalDate day) {
		Instant reported = day != null ? day.atStartOfDay(ZoneOffset.ofHours(8)).toInstant().plusSeconds(r.nextInt(86_400))
				: Instant.parse("2023-12-01T00:00:00Z").plusSeconds(r.nextInt(150 * 86_400));
		if (r.nextInt(5) == 0) { // near midnight in Beijing (16:00 UTC), where the day of the UTC clock differs
			reported = reported.truncatedTo(ChronoUnit.DAYS).plusSeconds(16 * 3600 - 30 + r.nextInt(60));
		}
		return random(r, community, reported);
	}

	/** A need reported at {@code reported} in a random state. */
	private static Counted random(Random r, String community, Instant reported) {
		boolean verified = r.nextInt(4) > 0, categorized = verified && r.nextInt(3) > 0,
				closed = categorized && r.nextBoolean();
		Phase[] phases = Phase.values();
		String outcome = closed ? (r.nextInt(3) == 0 ? "UNRESOLVED" : "RESOLVED") : null;
		Integer score = closed && r.nextBoolean() ? 1 + r.nextInt(5) : null;
		// minutes to category across every resolution of the histogram: minutes, ten minutes, hours, days
		long minutes = new long[] { r.nextInt(180), 180 + r.nextInt(2700), 2880 + r.nextInt(17_000),
				20_160 + r.nextInt(60_000) }[r.nextInt(4)];
		return new Counted(0, community, r.nextInt(4) == 0 ? null : community + "-0" + r.nextInt(3),
				Channel.values()[r.nextInt(Channel.values().length)].name(),
				categorized ? Category.values()[r.nextInt(Category.values().length)].name() : null,
				phases[r.nextInt(phases.length)].name(), closed ? "CLOSED" : "OPEN", outcome,
				verified ? (r.nextInt(4) == 0 ? "DUPLICATE" : "GENUINE") : null, score, reported,
				r.nextInt(6) == 0 ? null : reported.plusSeconds(86_400), verified ? reported.plusSeconds(r.nextInt(2 * 86_400)) : null,
				categorized ? reported.plusSeconds(minutes * 60 + r.nextInt(60)) : null,
				closed && r.nextBoolean() ? reported.plusSeconds(5 * 86_400) : null);
	}

	private static Counted insert(Connection c, Counted need) throws Exception {
		try (PreparedStatement ps = c.prepareStatement("""
				insert into need (category, phase, status, outcome, verification_verdict, need_score, verification_due_at,
				  verified_at, categorized_at, evaluated_at, community_code, grid_code, channel, reported_at, title,
				  description, reporter_name, reporter_phone, reporter_user, pooled, round, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '计数', '计数', '测试', '13800000000', 'resident1', false, 1, 0)""",
				new String[] { "id" })) {
			bindState(ps, 1, need);
			ps.setString(11, need.community());
			ps.setString(12, need.grid());
			ps.setString(13, need.channel());
			ps.setObject(14, utc(need.reportedAt()));
			ps.executeUpdate();
			try (ResultSet key = ps.getGeneratedKeys()) {
				key.next();
				return new Counted(key.getLong(1), need.community(), need.grid(), need.channel(), need.category(),
						need.phase(), need.status(), need.outcome(), need.verdict(), need.score(), need.reportedAt(),
						need.verificationDueAt(), need.verifiedAt(), need.categorizedAt(), need.evaluatedAt());
			}
		}
	}

	private static void bindState(PreparedStatement ps, int at, Counted need) throws Exception {
		ps.setString(at, need.category());
		ps.setString(at + 1, need.phase());
		ps.setString(at + 2, need.status());
		ps.setString(at + 3, need.outcome());
		ps.setString(at + 4, need.verdict());
		ps.setObject(at + 5, need.score());
		ps.setObject(at + 6, utc(need.verificationDueAt()));
		ps.setObject(at + 7, utc(need.verifiedAt()));
		ps.setObject(at + 8, utc(need.categorizedAt()));
		ps.setObject(at + 9, utc(need.evaluatedAt()));
	}

	/** As Hibernate writes an Instant (hibernate.jdbc.time_zone UTC): the UTC wall clock. */
	private static LocalDateTime utc(Instant at) {
		return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	/** The model's rows, the slots of a row added up, rows of nothing but zeros left out. */
	static Map<String, List<Long>> table(Connection c) throws Exception {
		Map<String, List<Long>> rows = new TreeMap<>();
		try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select community_code, facet, period_kind,"
				+ " period_start, k1, k2, k3, " + String.join(", ", NeedCounts.COLUMNS) + " from need_kpi_count")) {
			while (r.next()) {
				String key = String.join("|", r.getString(1), r.getString(2), r.getString(3), r.getObject(4, LocalDate.class)
					.toString(), r.getString(5), r.getString(6), r.getLong(7) == 0 ? "" : String.valueOf(r.getLong(7)), "");
				long[] counts = new long[NeedCounts.COLUMNS.size()];
				for (int i = 0; i < counts.length; i++) {
					counts[i] = r.getLong(8 + i);
				}
				rows.merge(key, Arrays.stream(counts).boxed().toList(), NeedCountsContract::sum);
			}
		}
		rows.values().removeIf(counts -> counts.stream().allMatch(n -> n == 0));
		return rows;
	}

	private static Map<String, List<Long>> nonZero(Map<Key, long[]> deltas) {
		Map<String, List<Long>> rows = new TreeMap<>();
		deltas.forEach((k, v) -> rows.merge(String.join("|", k.community(), k.facet(), k.kind(), k.start().toString(), k.k1(),
				k.k2(), k.k3() == 0 ? "" : String.valueOf(k.k3()), ""), Arrays.stream(v).boxed().toList(),
				NeedCountsContract::sum));
		rows.values().removeIf(counts -> counts.stream().allMatch(n -> n == 0));
		return rows;
	}

	private static List<Long> sum(List<Long> a, List<Long> b) {
		List<Long> sum = new ArrayList<>();
		for (int i = 0; i < a.size(); i++) {
			sum.add(a.get(i) + b.get(i));
		}
		return sum;
	}
}
