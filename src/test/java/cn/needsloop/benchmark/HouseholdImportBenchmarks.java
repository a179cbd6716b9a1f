package cn.needsloop.benchmark;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.needsloop.community.Grid;
import cn.needsloop.community.Grids;

/**
 * A 10,000-row household register imported as a steward does it (issue 12: under 30 s, with progress shown): the
 * upload, answered at once, then the import's status polled every 100 ms until the job in the background is done:
 * all new households, then the same sheet again (every row an update), then 10,000 rows all refused (the report, nothing
 * written). Prints the time to done, the progress states seen and the load average; the figures go to
 * docs/benchmarks.md. Not a test: H2 in {@link HouseholdImportBenchmark}, MariaDB/MySQL in
 * {@link HouseholdImportMySqlBenchmark}.
 */
abstract class HouseholdImportBenchmarks {

	@LocalServerPort
	int port;

	@Autowired
	Grids grids;

	abstract String database();

	@Test
	void tenThousandRowsImportedInTheBackgroundWithProgress() throws Exception {
		for (int g = 1; g <= 10; g++) {
			grids.save(new Grid(String.format("bench-%02d", g), "xingfu", "压测网格" + g));
		}
		String base = "http://localhost:" + port;
		byte[] sheet = FieldWorkBenchmark.sheet(10_000);
		byte[] refused = FieldWorkBenchmark.sheet(10_000, true);
		System.out.printf("%nBENCHMARK %s: sheet of 10000 rows, %d KB; load average %s%n", database(), sheet.length / 1024,
				HouseholdImportRun.loadAverage());
		HouseholdImportRun.follow(base, "steward1", "demo", "xingfu", sheet).print(database() + " all new");
		System.out.printf("BENCHMARK %s: load average %s%n", database(), HouseholdImportRun.loadAverage());
		HouseholdImportRun.follow(base, "steward1", "demo", "xingfu", sheet).print(database() + " all updates");
		System.out.printf("BENCHMARK %s: load average %s%n", database(), HouseholdImportRun.loadAverage());
		HouseholdImportRun.follow(base, "steward1", "demo", "xingfu", refused).print(database() + " all refused");
		System.out.printf("BENCHMARK %s: load average %s%n", database(), HouseholdImportRun.loadAverage());
	}
}
