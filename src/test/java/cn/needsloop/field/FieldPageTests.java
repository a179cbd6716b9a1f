package cn.needsloop.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.needsloop.support.AppContext;
import cn.needsloop.intake.Needs;
import cn.needsloop.shared.Channel;
import cn.needsloop.support.PageClient;
import cn.needsloop.support.PageClient.Page;

/**
 * The field pages: a grid worker opens the day's patrol, records a visit, reports a finding and finishes; the
 * steward reads the register with its import and export; nobody else opens them.
 */
@AppContext
class FieldPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PatrolService patrols;

	@Autowired
	Patrols patrolRecords;

	@Autowired
	Needs needs;

	private Patrol plannedFor(String worker, String day) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(day + "T07:00:00+08:00").toInstant()));
		try {
			patrols.plan(LocalDate.parse(day));
		}
		finally {
			ClockUtil.reset();
		}
		return patrolRecords.findByWorkerUserAndPatrolDay(worker, LocalDate.parse(day)).orElseThrow();
	}

	@Test
	void aGridWorkerWalksTheDaysPatrolOnThePhone() throws Exception {
		PageClient pages = new PageClient(mvc);
		Patrol patrol = plannedFor("grid1", "2027-04-06");
		String path = "/patrols/" + patrol.getId();
		Page day = pages.get("grid1", path);
		assertThat(day.html().select("#nav-patrols")).hasSize(1);
		Element first = day.html().select(".card.household[data-visited=false]").first();
		assertThat(first).isNotNull();
		assertThat(first.select("a[href^=tel:]")).as("the worker sees the phone in full").isNotEmpty();
		String household = first.attr("data-household");

		day = pages.submit("grid1", path, path + "/visits", "householdId", household, "result", "WELL", "note", "老人身体好");
		assertThat(day.text("#flash-done")).isEqualTo("走访已记录。");
		assertThat(day.html().select(".card.household[data-household=" + household + "]").attr("data-visited")).isEqualTo("true");
		assertThat(day.text("#patrol-summary")).contains("已走访 1 /");

		day = pages.submit("grid1", path, path + "/findings", "place", "5号楼东侧路灯", "title", "路灯不亮", "description",
				"5号楼东侧路灯不亮，夜间行人看不清。", "contactPhone", "13900000088");
		assertThat(day.text("#flash-done")).isEqualTo("已上报为已核实的民需，直接进入分类。");
		long need = Long.parseLong(day.html().select("#reported-need a").attr("href").replace("/needs/", ""));
		assertThat(needs.findById(need).orElseThrow().getChannel()).isEqualTo(Channel.GRID_PATROL);

		day = pages.submit("grid1", path, path + "/finish", "note", "走访1户，上报1个问题");
		assertThat(day.text("#flash-done")).isEqualTo("巡查已完成。");
		assertThat(day.has("#finish-patrol")).isFalse();
		assertThat(patrolRecords.findById(patrol.getId()).orElseThrow().getStatus()).isEqualTo(Patrol.Status.DONE);

		assertThat(pages.read("grid2", path, Map.of()).status()).as("another grid's worker").isEqualTo(403);
		assertThat(pages.read("resident1", path, Map.of()).status()).isEqualTo(403);
		assertThat(pages.read("grid2", "/", Map.of()).status()).as("a grid worker's home is the patrol").isEqualTo(302);
		Patrol theirs = patrolRecords.findByWorkerUserAndPatrolDay("grid2", patrol.getPatrolDay()).orElseThrow();
		Page other = pages.get("grid2", "/patrols/" + theirs.getId());
		assertThat(other.html().select("#nav-households")).as("a worker keeps no register").isEmpty();
		assertThat(other.html().select(".card.household").eachAttr("id")).doesNotContain("household-" + household);
	}

	@Test
	void theStewardReadsTheRegisterWithImportAndExport() throws Exception {
		PageClient pages = new PageClient(mvc);
		Page register = pages.get("steward1", "/steward/households");
		assertThat(register.html().select("#households tr[data-household]")).isNotEmpty();
		assertThat(register.text("#households")).contains("13800000011").contains("独居老人");
		assertThat(register.has("#download-template")).isTrue();
		assertThat(register.has("#export-register")).isTrue();
		assertThat(register.has("#import-register input[type=file]")).isTrue();
		Page grid = pages.get("steward1", "/steward/households?community=xingfu&grid=xingfu-02");
		assertThat(grid.html().select("#households tr[data-household] td:first-child").eachText()).containsOnly("幸福社区第二网格");
		assertThat(pages.read("grid1", "/steward/households", Map.of()).status()).isEqualTo(403);

		// a sheet with errors, uploaded on the page: the page lists each refused row and column, nothing is imported
		byte[] bad = HouseholdControllerTests.sheet(java.util.List.of(
				java.util.List.of("xingfu-01", "P9", "1", "101", "", "", "甲", "13800000001", ""),
				java.util.List.of("xingfu-09", "P9", "1", "102", "", "", "乙", "", "")));
		org.springframework.test.web.servlet.MvcResult posted = mvc.perform(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/steward/households/import")
					.file(new org.springframework.mock.web.MockMultipartFile("file", "户籍册.xlsx", HouseholdSheets.XLSX, bad))
					.param("community", "xingfu")
					.cookie(pages.session("steward1"))
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andReturn();
		// the upload answers at once with the import's page: its progress bar, which the page's script moves
		assertThat(posted.getResponse().getStatus()).isEqualTo(302);
		String importPage = posted.getResponse().getRedirectedUrl();
		assertThat(importPage).startsWith("/steward/households/imports/");
		Page running = pages.get("steward1", importPage);
		assertThat(running.has("#import-job progress#import-progress")).isTrue();
		assertThat(running.html().select("script[src*=import.js]")).isNotEmpty();
		// without the script, a refresh shows where it is; finished, the page lists each refused row and column
		String status = importPage + "/status";
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(status)
				.cookie(pages.session("steward1")).accept(org.springframework.http.MediaType.APPLICATION_JSON))
			.andReturn().getResponse().getContentAsString().contains("\"finished\":true"));
		Page report = pages.get("steward1", importPage);
		assertThat(report.html().select("#import-job").attr("data-state")).isEqualTo("REFUSED");
		assertThat(report.has("#import-refresh")).as("nothing left to refresh").isFalse();
		assertThat(report.html().select("#import-refusals tbody tr")).hasSize(1);
		assertThat(report.text("#import-refusals tbody tr")).contains("3").contains("网格编码").contains("xingfu-09");
		assertThat(pages.get("steward1", "/steward/households?community=xingfu").text("#households")).doesNotContain("P9");
		assertThat(pages.read("steward2", importPage, Map.of()).status()).as("another community's steward").isEqualTo(403);
		assertThat(pages.read("steward2", "/steward/households?community=xingfu", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void thePatrolPageOffersPhotosAndSpotSettlementAndTheFieldKpisHaveTheirPage() throws Exception {
		PageClient pages = new PageClient(mvc);
		Patrol patrol = plannedFor("grid1", "2027-04-13");
		Page day = pages.get("grid1", "/patrols/" + patrol.getId());
		assertThat(day.html().select("form.visit[enctype=multipart/form-data] input[type=file][name=photo][capture]"))
			.as("each visit form takes a photo from the camera").isNotEmpty();
		assertThat(day.html().select("#finding-at-place[enctype=multipart/form-data] #spot-place select[name=spotCategory] option"))
			.hasSizeGreaterThan(10);
		assertThat(day.has("#spot-place input[name=estimatedCost]")).isTrue();
		assertThat(day.has("#spot-place input[type=file][name=afterPhoto]")).isTrue();

		Page field = pages.get("manager1", "/manager/field?communityCode=xingfu&from=2027-04-13&to=2027-04-13");
		assertThat(field.has("#field-kpi-cards")).isTrue();
		assertThat(field.html().select("#table-field-grid tr[data-code=xingfu-01]")).hasSize(1);
		assertThat(field.html().select("#table-field-worker tr[data-code=grid1]")).hasSize(1);
		assertThat(field.html().select("#field-found-link").attr("href")).contains("channel=GRID_PATROL");
		assertThat(pages.read("steward1", "/manager/field", Map.of()).status()).as("a manager's page, as the dashboard")
			.isEqualTo(403);
		Page patrols = pages.get("manager1", "/manager/field/patrols?communityCode=xingfu&from=2027-04-13&to=2027-04-13&grid=xingfu-01");
		assertThat(patrols.html().select("#drill-table tr[data-patrol=" + patrol.getId() + "]")).hasSize(1);
		// the drill header: the title, the count, and the way back to the dashboard of the same scope
		assertThat(patrols.text("h1")).startsWith("巡查与走访").matches(".*共 \\d+ 件");
		assertThat(patrols.html().select("main a.button").attr("href"))
			.isEqualTo("/manager/field?communityCode=xingfu&from=2027-04-13&to=2027-04-13");
		assertThat(pages.get("manager1", "/manager/field/spot?communityCode=xingfu").has("#drill-table")).isTrue();
		assertThat(pages.get("manager1", "/manager").has("#field-kpis")).as("linked from the dashboard").isTrue();
		assertThat(pages.read("grid1", "/manager/field", Map.of()).status()).isEqualTo(403);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/manager/field.xlsx")
			.cookie(pages.session("manager1")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.contentTypeCompatibleWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}
}
