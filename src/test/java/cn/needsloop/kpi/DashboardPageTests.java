package cn.needsloop.kpi;

import cn.needsloop.shared.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * The dashboard's pages over HTTP as manager1 sees them (signed in through the login form, read with
 * jsoup): every chart and card honours the community and the period, and each figure links to the
 * list behind it, which shows the filter it was drilled with. Each test runs on the engine clock
 * moved to its own days of 2002, so that its periods hold exactly its own needs, tasks, projects
 * and consultations, whatever else the shared database holds.
 */
class DashboardPageTests extends ApiTest {

	@Autowired
	ManagementService management;

	@Autowired
	WorkingCalendar calendar;

	private final ObjectMapper json = new ObjectMapper();

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

	@Test
	void chartsFunnelAndListsHonourTheCommunityAndThePeriod() {
		at("2002-03-04T02:00:00Z"); // Monday 10:00 in Beijing
		long party = report("steward1", "xingfu", "PARTY", "楼道堆物");
		api.verify("steward1", party, "GENUINE").expect(200);
		api.classify("steward1", party, "NEIGHBOR_DISPUTE", "NORMAL", "INDIVIDUAL").expect(200); // now IMPLEMENT
		long online = report("resident1", "xingfu", "ONLINE", "噪音扰民"); // still DISCOVER
		report("steward2", "dongshan", "ONLINE", "东山村路灯");
		at("2002-03-20T02:00:00Z");
		report("steward1", "xingfu", "ONE_WINDOW", "后来的诉求");
		at("2002-03-25T02:00:00Z"); // every task of these needs is past due now

		PageSession manager = PageSession.signIn(port(), "manager1");
		Document day = manager.page("/manager?communityCode=xingfu&from=2002-03-04&to=2002-03-04");
		assertThat(day.getElementById("kpi-needs").text()).isEqualTo("2");

		// the funnel counts the needs of the period and community only: reached, and in the phase now
		assertThat(funnel(day, "DISCOVER")).containsExactly(2L, 1L);
		assertThat(funnel(day, "CATEGORIZE")).containsExactly(1L, 0L);
		assertThat(funnel(day, "IMPLEMENT")).containsExactly(1L, 1L);
		assertThat(funnel(day, "EVALUATE")).containsExactly(0L, 0L);
		JsonNode charts = charts(day);
		assertThat(charts.path("funnel").get(0).path("reached").asLong()).isEqualTo(2);
		assertThat(funnel(manager.page("/manager?communityCode=xingfu&from=2002-03-01&to=2002-03-31"), "DISCOVER"))
			.containsExactly(3L, 2L);
		assertThat(funnel(manager.page("/manager?from=2002-03-01&to=2002-03-31"), "DISCOVER")).containsExactly(4L, 3L);

		// needs by channel: a row per channel of the period, its total a link to that channel's needs
		assertThat(day.select("#table-channel tbody tr").eachAttr("data-code")).containsExactlyInAnyOrder("PARTY", "ONLINE");
		Document byChannel = follow(manager, day.selectFirst("#table-channel tr[data-code=PARTY] a.total"));
		assertThat(needIds(byChannel)).containsExactly(party);
		assertThat(badges(byChannel)).containsEntry("channel", "渠道：基层党组织线")
			.containsEntry("communityCode", "社区：幸福社区")
			.containsEntry("period", "上报时间：2002-03-04 至 2002-03-04");
		assertThat(byChannel.select("#export-form input[name=channel]").val()).isEqualTo("PARTY");
		assertThat(byChannel.select("#export-form input[name=from]").val()).isEqualTo("2002-03-04");
		assertThat(charts.path("byChannel").findValuesAsText("code")).containsExactly("ONLINE", "PARTY");
		assertThat(charts.path("byChannel").get(1).path("urls").get(0).asText())
			.isEqualTo("/manager/needs?communityCode=xingfu&from=2002-03-04&to=2002-03-04&channel=PARTY");

		Document byCategory = follow(manager, day.selectFirst("#table-category tr[data-code=NEIGHBOR_DISPUTE] a.total"));
		assertThat(needIds(byCategory)).containsExactly(party);
		assertThat(badges(byCategory)).containsEntry("category", "类别：邻里纠纷");

		Document reached = follow(manager, day.selectFirst("#table-funnel tr[data-code=DISCOVER] a.reached"));
		assertThat(needIds(reached)).containsExactlyInAnyOrder(party, online);
		assertThat(badges(reached)).containsEntry("reached", "已到达环节：精准发现");
		Document inPhase = follow(manager, day.selectFirst("#table-funnel tr[data-code=IMPLEMENT] a.current"));
		assertThat(needIds(inPhase)).containsExactly(party);
		assertThat(badges(inPhase)).containsEntry("phase", "目前环节：联动实施");

		// overdue tasks count in the period they were created in, per line, each line a list of its own
		assertThat(day.getElementById("kpi-overdue").text()).isEqualTo("2");
		assertThat(day.select("#table-overdue tbody tr").eachAttr("data-code"))
			.containsExactlyInAnyOrder("STEWARD", "SELF_GOVERNANCE");
		Document steward = follow(manager, day.selectFirst("#table-overdue tr[data-code=STEWARD] a"));
		assertThat(steward.select("#drill-table tbody tr[data-task]")).hasSize(1);
		assertThat(steward.selectFirst("#drill-table tbody tr[data-task] a").attr("href")).endsWith("/needs/" + online);
		assertThat(badges(steward)).containsEntry("line", "条线：民需管家服务站")
			.containsEntry("period", "创建时间：2002-03-04 至 2002-03-04")
			.containsEntry("communityCode", "社区：幸福社区");
		assertThat(steward.select("#export-form").attr("action")).endsWith("/manager/exports/tasks");
		assertThat(steward.select("#export-form input[name=line]").val()).isEqualTo("STEWARD");
		assertThat(manager.page("/manager?from=2002-03-01&to=2002-03-31").getElementById("kpi-overdue").text())
			.isEqualTo("4");
	}

	@Test
	void consultationCardListExportAndPublicBoardShowTheResults() throws IOException {
		at("2002-04-01T01:00:00Z"); // Monday 09:00 in Beijing
		long applied = propose("PUBLIC_SPACE", "停车位划线 " + Api.unique());
		long pending = propose("ENVIRONMENT_SANITATION", "垃圾分类点位 " + Api.unique());
		for (long id : List.of(applied, pending)) {
			fixParticipants(id);
			publishAgenda(id);
		}
		for (long id : List.of(applied, pending)) {
			fire(id, "timer_untilMeeting");
			recordMeeting(id, 5, 0, 0);
		}
		// an objection by a named resident sends the first topic to a second round
		api.as("resident1").post("/api/consultations/" + applied + "/objections", Map.of("text", "我是3号楼的欧阳娜娜，划线占了消防通道"))
			.expect(200);
		publishAgenda(applied);
		fire(applied, "timer_untilMeeting");
		recordMeeting(applied, 4, 0, 1);
		fire(pending, "timer_publicityPeriod");
		fire(applied, "timer_publicityPeriod");
		api.as("selfgov1").post("/api/consultations/" + applied + "/application", Map.of("report", "已划定12个车位，消防通道保持畅通"))
			.expect(200);
		LocalDate first = concludedOn(pending);
		LocalDate last = concludedOn(applied);

		PageSession manager = PageSession.signIn(port(), "manager1");
		String period = "communityCode=xingfu&from=" + first + "&to=" + last;
		Document dashboard = manager.page("/manager?" + period);
		assertThat(dashboard.getElementById("kpi-consultation").text()).isEqualTo("50.0%");
		assertThat(dashboard.getElementById("kpi-consultation-counts").text()).isEqualTo("已运用 1 / 已达成 2");
		Document list = follow(manager, dashboard.getElementById("kpi-consultation-link"));
		assertThat(list.select("#drill-table tbody tr[data-consultation]").eachAttr("data-consultation"))
			.containsExactlyInAnyOrder(String.valueOf(applied), String.valueOf(pending));
		assertThat(badges(list)).containsEntry("communityCode", "社区：幸福社区")
			.containsEntry("period", "达成一致：" + first + " 至 " + last);
		assertThat(list.select("#export-form").attr("action")).endsWith("/manager/exports/consultations");
		Document notApplied = manager.page("/manager/consultations?" + period + "&applied=false");
		assertThat(notApplied.select("#drill-table tbody tr[data-consultation]").eachAttr("data-consultation"))
			.containsExactly(String.valueOf(pending));
		assertThat(badges(notApplied)).containsEntry("applied", "成果未运用");

		Map<String, Object> table = kpiTable(manager.bytes("/manager/kpis.xlsx?" + period));
		assertThat(table).containsEntry("协商成果运用率", 0.5)
			.containsEntry("达成一致的协商（件）", 2.0)
			.containsEntry("成果已运用的协商（件）", 1.0)
			.containsEntry("社区", "幸福社区");

		Document board = PageSession.anonymous(port()).page("/public");
		Element result = board.selectFirst(".board-consultation[data-consultation=" + applied + "]");
		assertThat(result).isNotNull();
		assertThat(result.selectFirst(".consultation-result").text()).isEqualTo("同意");
		assertThat(result.selectFirst(".consultation-status").text()).isEqualTo("成果已运用并反馈");
		assertThat(result.selectFirst(".consultation-votes").text()).isEqualTo("赞成 4 票，反对 0 票，弃权 1 票（到会 5 人）");
		assertThat(result.selectFirst(".consultation-application").text()).isEqualTo("已划定12个车位，消防通道保持畅通");
		assertThat(board.selectFirst(".board-consultation[data-consultation=" + pending + "] .consultation-status").text())
			.isEqualTo("成果运用中");
		String page = board.outerHtml();
		for (String personal : List.of("欧阳娜娜", "划线占了", "resident1", "刘秀英", "selfgov1", "张华", "王建国", "李红",
				"3号楼住户")) {
			assertThat(page).as("the public board shows no participant, objector or account").doesNotContain(personal);
		}
	}

	@Test
	void rankingDrillsToTheProjectsTheImplementerCompleted() {
		at("2002-05-13T02:00:00Z");
		Api.Published project = api.projectInEvaluation(1);
		api.rate("resident1", project.projectId(), "RESIDENT", project.needId(), 5).expect(201);
		api.rate("steward1", project.projectId(), "COMMUNITY", null, 4).expect(201);
		api.rate("org1", project.projectId(), "IMPLEMENTER", null, 5).expect(201);
		assertThat(api.project(project.projectId()).path("status").asText()).isEqualTo("CLOSED");

		PageSession manager = PageSession.signIn(port(), "manager1");
		Document dashboard = manager.page("/manager?communityCode=xingfu&from=2002-05-13&to=2002-05-13");
		Element rank = dashboard.selectFirst("#table-ranking tr[data-code=yangguang]");
		assertThat(rank).isNotNull();
		assertThat(rank.select("td").eachText()).containsExactly("1", "1", "4.5 分（2 条评价）");
		assertThat(dashboard.select("#table-ranking tbody tr")).hasSize(1);
		Document projects = follow(manager, rank.selectFirst("th a"));
		assertThat(projects.select("#drill-table tbody tr[data-project]").eachAttr("data-project"))
			.containsExactly(String.valueOf(project.projectId()));
		assertThat(badges(projects)).containsEntry("claimant", "承接方：阳光社工服务中心")
			.containsEntry("period", "完成时间：2002-05-13 至 2002-05-13");
		assertThat(projects.select("#export-form input[name=claimant]").val()).isEqualTo("yangguang");
		assertThat(projects.select("#export-form").attr("action")).endsWith("/manager/exports/projects");
		Document later = manager.page("/manager?communityCode=xingfu&from=2002-05-14&to=2002-05-31");
		assertThat(later.select("#table-ranking tbody tr[data-code]")).isEmpty();
		assertThat(later.select("#table-ranking tbody tr.none").text()).isEqualTo("暂无。");

		// the public board shows the finished project with its result and ratings, not who rated it
		Document board = PageSession.anonymous(port()).page("/public");
		Element finished = board.selectFirst(".board-project[data-project=" + project.projectId() + "]");
		assertThat(finished).isNotNull();
		assertThat(finished.attr("data-section")).isEqualTo("finished");
		assertThat(finished.selectFirst(".board-result").text()).isEqualTo("项目已全部实施完毕");
		assertThat(finished.selectFirst(".board-verdict").text()).isEqualTo("评估合格");
		assertThat(finished.selectFirst(".board-resident-rating").text()).isEqualTo("平均 5 分（1 人评价）");
		assertThat(finished.selectFirst(".board-community-rating").text()).isEqualTo("4.0");
		assertThat(board.outerHtml()).doesNotContain("resident1").doesNotContain("steward1").doesNotContain("测试居民")
			.doesNotContain("138 0000 0000");
	}

	@Test
	void dashboardListsAndBoardSpeakEnglishWhenAsked() {
		PageSession manager = PageSession.signIn(port(), "manager1");
		Document dashboard = manager.page("/manager?lang=en");
		assertThat(dashboard.selectFirst("h1").text()).isEqualTo("Dashboard");
		assertThat(dashboard.getElementById("kpi-consultation-link").text()).contains("Consultation results applied");
		assertThat(charts(dashboard).path("funnel").get(0).path("name").asText()).isEqualTo("Discover");
		assertThat(manager.page("/manager/tasks?line=STEWARD").select("#drill-filter .badge").eachText())
			.containsExactly("Line: Steward station");
		assertThat(manager.page("/manager/projects").selectFirst("h1").text()).startsWith("Service projects");
		assertThat(manager.page("/manager/consultations").selectFirst("h1").text()).startsWith("Community consultations");
		assertThat(PageSession.anonymous(port()).page("/public?lang=en").select("h2").eachText())
			.contains("Community consultation results");
	}

	@Test
	void listsBehindTheDashboardAreForManagersOnly() {
		for (String path : List.of("/manager/tasks", "/manager/projects", "/manager/consultations", "/manager/needs")) {
			assertThat(PageSession.signIn(port(), "steward1").status(path)).as(path).isEqualTo(403);
			assertThat(PageSession.anonymous(port()).status(path)).as(path).isEqualTo(302);
		}
	}

	// ---- helpers

	private int port() {
		return Integer.parseInt(api.base().replaceAll(".*:", ""));
	}

	@Test
	void theGridTableCountsEveryNeedOnceAndNeedsWithoutAGridInARowOfTheirOwn() {
		at("2002-05-06T02:00:00Z");
		Map<String, Object> inGrid = Api.needBody("xingfu", "网格里的 " + Api.unique(), "看板测试", 1);
		inGrid.put("gridCode", "xingfu-01");
		api.as("steward1").post("/api/needs", inGrid).expect(201);
		long withoutGrid = report("resident1", "xingfu", "ONLINE", "没有网格");

		PageSession manager = PageSession.signIn(port(), "manager1");
		Document day = manager.page("/manager?communityCode=xingfu&from=2002-05-06&to=2002-05-06");
		assertThat(day.getElementById("kpi-needs").text()).isEqualTo("2");
		assertThat(day.select("#table-grid tbody tr").eachAttr("data-code")).containsExactlyInAnyOrder("xingfu-01", "none");
		long sum = day.select("#table-grid tbody tr td a").eachText().stream().mapToLong(Long::parseLong).sum();
		assertThat(sum).isEqualTo(2);
		assertThat(day.selectFirst("#table-grid tr[data-code=none] th").text()).isEqualTo("未分网格");
		Document list = follow(manager, day.selectFirst("#table-grid tr[data-code=none] a"));
		assertThat(needIds(list)).containsExactly(withoutGrid);
		assertThat(badges(list)).containsEntry("gridCode", "网格：未分网格");
	}

	private long report(String user, String community, String channel, String title) {
		Map<String, Object> body = Api.needBody(community, title + " " + Api.unique(), "看板测试", 1);
		body.put("channel", channel);
		return api.as(user).post("/api/needs", body).expect(201).id();
	}

	/** Reached and in the phase now, as the table under the funnel shows them. */
	private static List<Long> funnel(Document dashboard, String phase) {
		Element row = dashboard.selectFirst("#table-funnel tr[data-code=" + phase + "]");
		return List.of(Long.valueOf(row.selectFirst("a.reached").text()), Long.valueOf(row.selectFirst("a.current").text()));
	}

	private JsonNode charts(Document dashboard) {
		try {
			return json.readTree(dashboard.getElementById("charts").attr("data-charts"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Document follow(PageSession session, Element link) {
		assertThat(link).as("link").isNotNull();
		return session.page(link.absUrl("href"));
	}

	private static List<Long> needIds(Document list) {
		return list.select("#drill-table tbody tr[data-need]").eachAttr("data-need").stream().map(Long::valueOf).toList();
	}

	private static Map<String, String> badges(Document list) {
		Map<String, String> badges = new HashMap<>();
		list.select("#drill-filter .badge[data-filter]").forEach(b -> badges.put(b.attr("data-filter"), b.text()));
		return badges;
	}

	private static Map<String, Object> kpiTable(byte[] xlsx) throws IOException {
		Map<String, Object> table = new HashMap<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				if (row.getRowNum() == 0 || row.getCell(1) == null) {
					continue;
				}
				table.put(row.getCell(0).getStringCellValue(), switch (row.getCell(1).getCellType()) {
					case NUMERIC -> row.getCell(1).getNumericCellValue();
					default -> row.getCell(1).getStringCellValue();
				});
			}
		}
		return table;
	}

	private long propose(String topicType, String topic) {
		return api.as("resident1")
			.post("/api/consultations", Map.of("communityCode", "xingfu", "topic", topic, "topicType", topicType,
					"description", "居民关心的共同事务"))
			.expect(201)
			.id();
	}

	private void fixParticipants(long id) {
		api.as("selfgov1").post("/api/consultations/" + id + "/participants", Map.of("participants", List.of(
				Map.of("name", "王建国", "kind", "RESIDENT_REPRESENTATIVE"), Map.of("name", "李红", "kind", "PARTY_MEMBER"),
				Map.of("name", "幸福物业", "kind", "PROPERTY_COMPANY"), Map.of("name", "阳光社工", "kind", "SOCIAL_ORGANIZATION"),
				Map.of("name", "3号楼住户", "kind", "STAKEHOLDER"))))
			.expect(200);
	}

	private void publishAgenda(long id) {
		ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ChinaTime.ZONE);
		String meeting = calendar.plusWorkingDays(now, 5).toLocalDate().atTime(14, 30).atZone(ChinaTime.ZONE)
			.toOffsetDateTime().toString();
		api.as("selfgov1").post("/api/consultations/" + id + "/agenda", Map.of("items", List.of("方案说明", "表决"),
				"meetingAt", meeting)).expect(200);
	}

	private void recordMeeting(long id, int votesFor, int votesAgainst, int votesAbstain) {
		api.as("selfgov1").post("/api/consultations/" + id + "/meeting", Map.of("attendees", 5, "opinions",
				"王建国：同意；李红：同意", "votesFor", votesFor, "votesAgainst", votesAgainst, "votesAbstain", votesAbstain))
			.expect(200);
	}

	private void fire(long id, String timer) {
		String pid = api.as("manager1").get("/api/consultations/" + id).expect(200).path("processInstanceId").asText();
		Job job = management.createJobQuery().processInstanceId(pid).activityId(timer).singleResult();
		assertThat(job).as("timer %s of consultation %s", timer, id).isNotNull();
		if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
			ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
		}
		management.executeJob(job.getId());
	}

	private LocalDate concludedOn(long id) {
		String at = api.as("manager1").get("/api/consultations/" + id).expect(200).path("concludedAt").asText();
		return Instant.parse(at).atZone(ChinaTime.ZONE).toLocalDate();
	}
}
