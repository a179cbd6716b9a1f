package cn.needsloop.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.needsloop.support.ApiTest;

/**
 * Monday morning: 300 open needs in different phases of one community, then the calls a steward
 * and a manager make first, timed over HTTP. A benchmark, not a test: it asserts nothing and is
 * not part of {@code ./mvnw verify} (the name does not end in Tests). Run it with
 * {@code ./mvnw test -Dtest=MondayMorningBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; the
 * figures are printed and recorded in docs/benchmarks.md.
 */
class MondayMorningBenchmark extends ApiTest {

	static final int NEEDS = 300;

	static final int REPEATS = 30;

	@Test
	void mondayMorningWithThreeHundredOpenNeeds() {
		long started = System.nanoTime();
		for (int i = 0; i < NEEDS; i++) {
			switch (i % 4) {
				case 0 -> api.reportedNeed("待核实民需 " + i);
				case 1 -> api.verifiedNeed("待分类民需 " + i);
				case 2 -> api.individualNeed("个人需求 " + i, "NEIGHBOR_DISPUTE");
				default -> api.pooledNeed("共性需求 " + i, "ELDERLY_CARE");
			}
		}
		double setupSeconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("%nBENCHMARK setup: %d needs reported and moved along in %.1f s (%.1f ms a need)%n", NEEDS,
				setupSeconds, setupSeconds * 1000 / NEEDS);

		time("GET /api/tasks (steward1, 200 tasks)", () -> api.as("steward1").get("/api/tasks").expect(200));
		time("GET /api/needs?communityCode=xingfu&status=OPEN&size=50", () -> api.as("steward1")
			.get("/api/needs?communityCode=xingfu&status=OPEN&size=50").expect(200));
		time("GET /api/needs/pool?communityCode=xingfu", () -> api.as("steward1")
			.get("/api/needs/pool?communityCode=xingfu").expect(200));
		time("GET /api/kpis (manager1, whole district)", () -> api.as("manager1").get("/api/kpis").expect(200));
		time("GET /api/notifications (steward1)", () -> api.as("steward1").get("/api/notifications").expect(200));
		time("POST /api/needs (report one more)", () -> api.report("resident1", "xingfu", "基准测试上报", "楼道灯坏了", 1));

		Runtime runtime = Runtime.getRuntime();
		System.gc();
		System.out.printf("BENCHMARK heap used after the run: %d MiB (max %d MiB)%n",
				(runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024), runtime.maxMemory() / (1024 * 1024));
	}

	private static void time(String call, Runnable request) {
		for (int i = 0; i < 5; i++) {
			request.run();
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < REPEATS; i++) {
			long start = System.nanoTime();
			request.run();
			millis.add((System.nanoTime() - start) / 1e6);
		}
		double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		System.out.printf("BENCHMARK %-58s median %7.1f ms   p90 %7.1f ms   max %7.1f ms%n", call,
				sorted[sorted.length / 2], sorted[(int) Math.floor(0.9 * (sorted.length - 1))],
				Arrays.stream(sorted).max().orElse(0));
	}

}
