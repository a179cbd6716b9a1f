package cn.needsloop.benchmark;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.community.Grid;
import cn.needsloop.community.Grids;
import cn.needsloop.field.CareTags;
import cn.needsloop.field.GridMemberService;
import cn.needsloop.field.Patrol;
import cn.needsloop.field.PatrolService;
import cn.needsloop.process.Accounts;
import cn.needsloop.shared.Actor;
import cn.needsloop.support.ApiTest;

/**
 * Field work at a community's scale (issue 12): a steward imports a 10,000-row household register (.xlsx), then
 * imports it again (every row an update); a grid worker whose grid has 1,000 households, all due, opens the day's
 * patrol list. A benchmark, not a test (not part of {@code ./mvnw verify}): run it with
 * {@code ./mvnw test -Dtest=FieldWorkBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; the figures are printed
 * and recorded in docs/benchmarks.md.
 */
class FieldWorkBenchmark extends ApiTest {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String PASSWORD = "Bench-Field-2026!";

	@Autowired
	Grids grids;

	@Autowired
	Accounts accounts;

	@Autowired
	GridMemberService members;

	@Autowired
	PatrolService patrols;

	@Test
	void tenThousandRowImportAndAThousandHouseholdDayList() throws Exception {
		for (int g = 1; g <= 10; g++) {
			grids.save(new Grid(String.format("bench-%02d", g), "xingfu", "压测网格" + g));
		}
		accounts.ensureGroup("grid:bench-01", "压测网格1网格员");
		accounts.ensureAccount("benchgrid", "压测网格员", PASSWORD, "benchgrid@bench.needsloop.cn", List.of("grid:bench-01"));
		members.register("bench-01", "benchgrid", "bench");

		// 10,000 households in 10 grids of 1,000: buildings of 4 units × 25 rooms, tags on about a third
		byte[] sheet = sheet(10_000);
		System.out.printf("%nBENCHMARK register sheet: 10000 rows, %d KB%n", sheet.length / 1024);
		for (int run = 1; run <= 2; run++) {
			// a job in the background since: the upload answers at once, the status is polled until done
			HouseholdImportRun.follow(api.base(), "steward1", "demo", "xingfu", sheet).print(run == 1 ? "all new" : "all updates");
		}

		List<Patrol> planned = patrols.plan(cn.needsloop.field.HouseholdService.today());
		Patrol patrol = planned.stream().filter(p -> p.getWorkerUser().equals("benchgrid")).findFirst()
			.orElseThrow(() -> new IllegalStateException("today is not a working day: run the benchmark on one"));
		Actor worker = new Actor("benchgrid", List.of("grid:bench-01"));
		for (int i = 0; i < 5; i++) {
			patrols.day(patrol.getId(), worker);
		}
		double[] service = new double[20];
		for (int i = 0; i < service.length; i++) {
			long start = System.nanoTime();
			int size = patrols.day(patrol.getId(), worker).households().size();
			service[i] = (System.nanoTime() - start) / 1e6;
			if (size != 1000) {
				throw new IllegalStateException("expected 1000 households on the list, got " + size);
			}
		}
		double[] paged = new double[20];
		for (int i = 0; i < 5; i++) {
			patrols.day(patrol.getId(), worker, 0, PatrolService.PAGE_SIZE);
		}
		for (int i = 0; i < paged.length; i++) {
			long start = System.nanoTime();
			PatrolService.PatrolDay first = patrols.day(patrol.getId(), worker, 0, PatrolService.PAGE_SIZE);
			paged[i] = (System.nanoTime() - start) / 1e6;
			if (first.households().size() != PatrolService.PAGE_SIZE || first.due() != 1000) {
				throw new IllegalStateException("expected a page of 100 of 1000 due, got " + first.households().size());
			}
		}
		double[] http = new double[20];
		for (int i = 0; i < 5; i++) {
			send("benchgrid", PASSWORD, "GET", "/api/patrols/" + patrol.getId() + "?size=1000", null);
		}
		int bytes = 0;
		for (int i = 0; i < http.length; i++) {
			long start = System.nanoTime();
			HttpResponse<String> answer = send("benchgrid", PASSWORD, "GET", "/api/patrols/" + patrol.getId() + "?size=1000",
					null);
			http[i] = (System.nanoTime() - start) / 1e6;
			bytes = answer.body().length();
		}
		double[] httpPaged = new double[20];
		for (int i = 0; i < 5; i++) {
			send("benchgrid", PASSWORD, "GET", "/api/patrols/" + patrol.getId(), null);
		}
		int pageBytes = 0;
		for (int i = 0; i < httpPaged.length; i++) {
			long start = System.nanoTime();
			HttpResponse<String> answer = send("benchgrid", PASSWORD, "GET", "/api/patrols/" + patrol.getId(), null);
			httpPaged[i] = (System.nanoTime() - start) / 1e6;
			pageBytes = answer.body().length();
		}
		System.out.printf("BENCHMARK day list of 1000 households, in the service: median %.1f ms, p90 %.1f ms%n",
				percentile(service, 50), percentile(service, 90));
		System.out.printf("BENCHMARK first page of 100 of 1000 due, in the service: median %.1f ms, p90 %.1f ms%n",
				percentile(paged, 50), percentile(paged, 90));
		System.out.printf("BENCHMARK GET /api/patrols/{id}?size=1000 (1000 households, %d KB JSON): median %.1f ms, p90 %.1f ms%n",
				bytes / 1024, percentile(http, 50), percentile(http, 90));
		System.out.printf("BENCHMARK GET /api/patrols/{id} (first page of 100, %d KB JSON): median %.1f ms, p90 %.1f ms%n",
				pageBytes / 1024, percentile(httpPaged, 50), percentile(httpPaged, 90));
	}

	static double percentile(double[] values, int p) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	private HttpResponse<String> send(String user, String password, String method, String path, byte[] body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json, application/problem+json");
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", XLSX).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static byte[] sheet(int rows) throws Exception {
		return sheet(rows, false);
	}

	/** With {@code errors}, every row names a grid the community does not have and a phone with letters: refused. */
	static byte[] sheet(int rows, boolean errors) throws Exception {
		List<String> header = List.of("网格编码", "楼栋", "单元", "室", "村民小组", "门牌号", "户主姓名", "联系电话", "关爱标签");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("户籍册");
			Row head = sheet.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				head.createCell(c).setCellValue(header.get(c));
			}
			List<String> tags = new ArrayList<>(CareTags.KNOWN);
			for (int i = 0; i < rows; i++) {
				int grid = i / 1000 + 1;
				int inGrid = i % 1000;
				Row row = sheet.createRow(i + 1);
				row.createCell(0).setCellValue(String.format(errors ? "nowhere-%02d" : "bench-%02d", grid));
				row.createCell(1).setCellValue(String.valueOf(inGrid / 100 + 1));
				row.createCell(2).setCellValue(String.valueOf(inGrid % 100 / 25 + 1));
				row.createCell(3).setCellValue(String.valueOf((inGrid % 25) / 5 + 1) + "0" + (inGrid % 5 + 1));
				row.createCell(6).setCellValue("户主" + i);
				row.createCell(7).setCellValue(String.format(errors ? "tel-%08d" : "139%08d", i));
				if (i % 3 == 0) {
					row.createCell(8).setCellValue(tags.get(i % tags.size()) + (i % 9 == 0 ? "、" + tags.get((i + 1) % tags.size()) : ""));
				}
			}
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
	}
}
