package cn.needsloop.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import cn.needsloop.intake.NeedCounts;

/**
 * Builds a district's five years for the benchmark; {@code bench/generate.sh} runs it around two
 * starts of the app. {@code closed} writes the communities, users and closed cases into the database
 * the app's first start created ({@link ClosedCases}); {@code open} puts the open needs into the
 * running app through its API ({@link OpenCases}). After the closed cases, {@code closed} recounts the KPI read
 * model from the need table ({@link NeedCounts#rebuild}); the open cases go through the app, which keeps it.
 *
 * <pre>
 * closed --db needsloop_bench_1m --needs 1000000 --open 20000 [--communities 200] [--writers 2] [--jdbc jdbc:mysql://127.0.0.1:3306/]
 * open   --db needsloop_bench_1m --open 20000 [--url http://localhost:8080] [--threads 4]
 * rebuild-kpis --db needsloop [--jdbc jdbc:mysql://127.0.0.1:3306/]   (recounts need_kpi_count, app stopped)
 * </pre>
 */
public final class DistrictGenerator {

	private DistrictGenerator() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			throw new IllegalArgumentException("usage: closed|open --db NAME --needs N --open M ...");
		}
		Map<String, String> o = new HashMap<>();
		for (int i = 1; i + 1 < args.length; i += 2) {
			o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		String db = o.getOrDefault("db", "needsloop_bench_1m");
		long needs = Long.parseLong(o.getOrDefault("needs", "1000000"));
		int open = Integer.parseInt(o.getOrDefault("open", "20000"));
		DistrictPlan plan = new DistrictPlan(Integer.parseInt(o.getOrDefault("communities", "200")), needs - open, open,
				Long.parseLong(o.getOrDefault("seed", "20261130")), o.getOrDefault("password", DistrictPlan.DEFAULT_PASSWORD),
				Instant.now());
		long started = System.nanoTime();
		switch (args[0]) {
			case "closed" -> {
				try (Connection c = ClosedCases.connect(o.getOrDefault("jdbc", "jdbc:mysql://127.0.0.1:3306/"), db)) {
					try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from need")) {
						r.next();
						if (r.getLong(1) > 0) {
							throw new IllegalStateException(db + " already has " + r.getLong(1)
									+ " needs: generate into a new database (bench/generate.sh drops and creates it)");
						}
					}
					System.out.printf(Locale.ROOT, "Writing %,d closed needs of %d communities into %s%n", plan.closedNeeds(),
							plan.communities(), db);
					Map<String, Long> counts;
					String jdbc = o.getOrDefault("jdbc", "jdbc:mysql://127.0.0.1:3306/");
					try (Writers writers = new Writers(Integer.parseInt(o.getOrDefault("writers", "2")),
							() -> ClosedCases.connect(jdbc, db))) {
						counts = new ClosedCases(writers, plan).load();
					}
					// the closed cases bypass the app: count them into the KPI read model as migration V48 does
					long rebuilding = System.nanoTime();
					NeedCounts.rebuild(c);
					System.out.printf(Locale.ROOT, "KPI read model rebuilt in %.1f s%n", (System.nanoTime() - rebuilding) / 1e9);
					double seconds = (System.nanoTime() - started) / 1e9;
					long total = counts.values().stream().mapToLong(Long::longValue).sum();
					new TreeMap<>(counts).forEach((table, n) -> System.out.printf(Locale.ROOT, "  %-26s %,12d%n", table, n));
					System.out.printf(Locale.ROOT, "closed: %,d rows in %.1f s: %.0f needs/s, %.0f rows/s%n", total, seconds,
							plan.closedNeeds() / seconds, total / seconds);
				}
			}
			case "open" -> {
				System.out.printf(Locale.ROOT, "Opening %,d needs through %s with %s threads%n", open,
						o.getOrDefault("url", "http://localhost:8080"), o.getOrDefault("threads", "4"));
				Map<String, ?> atStep = new OpenCases(o.getOrDefault("url", "http://localhost:8080"), plan,
						Integer.parseInt(o.getOrDefault("threads", "4"))).open();
				double seconds = (System.nanoTime() - started) / 1e9;
				System.out.printf(Locale.ROOT, "open: %,d needs in %.1f s (%.1f needs/s), waiting at %s%n", open, seconds,
						open / seconds, new TreeMap<>(atStep));
			}
			case "rebuild-kpis" -> {
				try (Connection c = ClosedCases.connect(o.getOrDefault("jdbc", "jdbc:mysql://127.0.0.1:3306/"), db)) {
					c.setAutoCommit(false);
					NeedCounts.rebuild(c);
					c.commit();
					System.out.printf(Locale.ROOT, "KPI read model of %s rebuilt in %.1f s%n", db,
							(System.nanoTime() - started) / 1e9);
				}
			}
			default -> throw new IllegalArgumentException("unknown step " + args[0]);
		}
	}
}
