package cn.needsloop;

import cn.needsloop.shared.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.consultation.Consultation;
import cn.needsloop.consultation.ConsultationRequests.ApplyResult;
import cn.needsloop.consultation.ConsultationRequests.FixParticipants;
import cn.needsloop.consultation.ConsultationRequests.Participant;
import cn.needsloop.consultation.ConsultationRequests.ProposeTopic;
import cn.needsloop.consultation.ConsultationRequests.PublishAgenda;
import cn.needsloop.consultation.ConsultationRequests.RaiseObjection;
import cn.needsloop.consultation.ConsultationRequests.RecordMeeting;
import cn.needsloop.consultation.ConsultationService;
import cn.needsloop.consultation.ConsultationStatus;
import cn.needsloop.consultation.Consultations;
import cn.needsloop.consultation.ParticipantKind;
import cn.needsloop.consultation.TopicType;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.shared.Channel;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.shared.Actor;
import cn.needsloop.support.BrowserTest;

/**
 * The manager dashboard and the public board in a real browser: a click on a rendered ECharts bar
 * opens the list behind it with the dashboard's community and period, every such list exports to
 * Excel, and the public board shows a consultation's result without anyone's name. Each test runs on
 * the engine clock moved to its own days of 2003, so that its period holds only its own records.
 */
class DashboardBrowserTests extends BrowserTest {

	private static final Actor SELFGOV = new Actor("selfgov1", List.of("selfgov:xingfu"));

	@Autowired
	ConsultationService consultations;

	@Autowired
	Consultations consultationRecords;

	@Autowired
	ManagementService management;

	@Autowired
	WorkingCalendar calendar;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void managerClicksAChannelBarAndAnOverdueBarAndExportsTheListsBehindThem() throws IOException {
		at("2003-06-10T02:00:00Z"); // Tuesday 10:00 in Beijing
		List<Long> party = List.of(report(Channel.PARTY, "党员反映楼道灯坏"), report(Channel.PARTY, "党员反映井盖松动"));
		report(Channel.ONLINE, "线上反映噪音");
		at("2003-06-12T02:00:00Z"); // the three verifications were due a day after they came in

		WebDriver browser = browser(1280);
		signIn(browser, "manager1");
		browser.get(url("/manager?communityCode=xingfu&from=2003-06-10&to=2003-06-10"));
		wait(browser).until(d -> "5".equals(d.findElement(By.id("charts")).getDomAttribute("data-rendered")));
		wait(browser).until(d -> d.findElements(By.cssSelector("#charts .chart[data-finished='true']")).size() == 5);
		screenshot(browser, "dashboard");

		clickBar(browser, "chart-channel", "PARTY");
		wait(browser).until(ExpectedConditions.urlContains("/manager/needs"));
		assertThat(browser.getCurrentUrl()).contains("channel=PARTY").contains("from=2003-06-10").contains("to=2003-06-10")
			.contains("communityCode=xingfu");
		assertThat(badges(browser)).contains("渠道：基层党组织线", "上报时间：2003-06-10 至 2003-06-10", "社区：幸福社区");
		assertThat(browser.findElements(By.cssSelector("#drill-table tbody tr[data-need]")).stream()
			.map(r -> Long.valueOf(r.getDomAttribute("data-need")))).containsExactlyInAnyOrderElementsOf(party);
		screenshot(browser, "needs-of-channel");
		List<List<String>> needs = export(browser, "export-needs");
		assertThat(needs.get(0).get(0)).isEqualTo("编号");
		assertThat(needs).hasSize(3);
		assertThat(needs.subList(1, 3)).allSatisfy(row -> assertThat(row.get(3)).isEqualTo("基层党组织线"));
		screenshot(browser, "needs-exported");
		assertThat(scriptErrors(browser)).as("script errors on the dashboard and the needs list").isEmpty();

		browser.navigate().back();
		wait(browser).until(d -> "5".equals(d.findElement(By.id("charts")).getDomAttribute("data-rendered")));
		clickBar(browser, "chart-overdue", "overdue:STEWARD");
		wait(browser).until(ExpectedConditions.urlContains("/manager/tasks"));
		assertThat(badges(browser)).contains("条线：民需管家服务站", "创建时间：2003-06-10 至 2003-06-10", "社区：幸福社区");
		assertThat(browser.findElements(By.cssSelector("#drill-table tbody tr[data-task]"))).hasSize(3);
		screenshot(browser, "overdue-tasks");
		List<List<String>> tasks = export(browser, "export-list");
		assertThat(tasks.get(0)).startsWith("任务", "事项", "社区", "条线");
		assertThat(tasks).hasSize(4);
		assertThat(tasks.subList(1, 4)).allSatisfy(row -> assertThat(row.get(3)).isEqualTo("民需管家服务站"));
		assertThat(scriptErrors(browser)).as("script errors on the overdue tasks").isEmpty();
	}

	@Test
	void emptyChartsSayThereIsNoDataAndEveryChartSaysItCanBeClicked() {
		WebDriver browser = browser(1280);
		signIn(browser, "manager1");
		// a period long before anything was reported
		browser.get(url("/manager?communityCode=xingfu&from=1990-01-01&to=1990-01-02"));
		wait(browser).until(d -> "5".equals(d.findElement(By.id("charts")).getDomAttribute("data-rendered")));
		List<WebElement> charts = browser.findElements(By.cssSelector("#charts .chart"));
		assertThat(charts).hasSize(5).allSatisfy(chart -> {
			assertThat(chart.getDomAttribute("data-empty")).as(chart.getDomAttribute("id")).isEqualTo("true");
			assertThat(chart.getText()).contains("暂无数据").contains(chart.getDomAttribute("data-title"));
			assertThat(chart.findElements(By.tagName("canvas"))).as("no empty axes").isEmpty();
		});
		// the tables under them say so too
		assertThat(browser.findElements(By.cssSelector("#charts table tbody tr.none"))).hasSize(4);
		screenshot(browser, "dashboard-empty");

		at("2003-08-04T02:00:00Z"); // Monday 10:00 in Beijing
		report(Channel.ONLINE, "线上反映路灯");
		browser.get(url("/manager?communityCode=xingfu&from=2003-08-04&to=2003-08-04"));
		wait(browser).until(d -> d.findElements(By.cssSelector("#charts .chart[data-finished='true']")).size() == 5);
		JavascriptExecutor js = (JavascriptExecutor) browser;
		for (String id : List.of("chart-channel", "chart-category", "chart-funnel", "chart-overdue", "chart-ranking")) {
			WebElement chart = browser.findElement(By.id(id));
			if (chart.getDomAttribute("data-empty") != null) {
				continue;
			}
			Object title = js.executeScript("return echarts.getInstanceByDom(arguments[0]).getOption().title[0];", chart);
			assertThat(title).asString().as(id).contains("点击图形查看明细").doesNotContain("（点击查看明细）");
		}
		// the funnel's labels stand beside it: a phase with no needs is too narrow for its label inside
		assertThat(js.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-funnel'))"
				+ ".getOption().series[0].label.position;")).isEqualTo("right");
		screenshot(browser, "dashboard-one-need");
		assertThat(scriptErrors(browser)).isEmpty();
	}

	@Test
	void publicBoardShowsAConsultationResultWithoutPersonalData() {
		at("2003-07-07T01:00:00Z"); // Monday 09:00 in Beijing
		Consultation consultation = appliedConsultation("小区东门加装充电桩 " + unique());
		WebDriver browser = browser(375);
		browser.get(url("/public"));
		WebElement result = browser.findElement(
				By.cssSelector(".board-consultation[data-consultation='" + consultation.getId() + "']"));
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", result);
		screenshot(browser, "public-board-consultation");
		assertThat(result.getText()).contains(consultation.getTopic(), "同意", "成果已运用", "公共空间和设施使用",
				"赞成 5 票，反对 0 票，弃权 0 票（到会 5 人）", "已在东门安装 6 个充电桩");
		String page = browser.getPageSource();
		for (String personal : List.of("欧阳娜娜", "13912345678", "resident1", "刘秀英", "selfgov1", "张华", "王建国",
				"李红", "赵敏")) {
			assertThat(page).as("the public board shows no objector, participant, proposer or account").doesNotContain(personal);
		}
		assertThat(horizontalOverflow(browser)).as("the board fits a 375 px screen").isFalse();
		assertThat(scriptErrors(browser)).isEmpty();
	}

	@Test
	void managerDrillsFromTheConsultationCardAndTheRankingAndExportsBoth() throws IOException {
		at("2003-08-04T01:00:00Z"); // Monday 09:00 in Beijing
		Consultation consultation = appliedConsultation("老年食堂运营时间调整 " + unique());
		ServiceProject project = publishedProject("助浴服务 " + unique(), "欧阳娜娜", "13912345678");
		Actor org1 = actor("org1");
		implementationService.claim(project.getId(), org1);
		implementationService.reportMilestone(project.getId(), 0, "已完成", 1, 3, org1);
		implementationService.reportMilestone(project.getId(), 1, "已完成", 1, 3, org1);
		implementationService.complete(project.getId(), "服务已全部完成", org1);
		String day = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ChinaTime.ZONE).toString();
		String concluded = LocalDate.ofInstant(consultation.getConcludedAt(), ChinaTime.ZONE).toString();

		WebDriver browser = browser(1280);
		signIn(browser, "manager1");
		browser.get(url("/manager?communityCode=xingfu&from=" + concluded + "&to=" + day));
		wait(browser).until(d -> "5".equals(d.findElement(By.id("charts")).getDomAttribute("data-rendered")));
		assertThat(browser.findElement(By.id("kpi-consultation")).getText()).isEqualTo("100.0%");
		screenshot(browser, "dashboard");
		browser.findElement(By.id("kpi-consultation-link")).click();
		wait(browser).until(ExpectedConditions.urlContains("/manager/consultations"));
		assertThat(badges(browser)).contains("达成一致：" + concluded + " 至 " + day, "社区：幸福社区");
		assertThat(browser.findElements(By.cssSelector("#drill-table tbody tr[data-consultation]"))).hasSize(1);
		screenshot(browser, "consultations");
		List<List<String>> rows = export(browser, "export-list");
		assertThat(rows.get(0).get(0)).isEqualTo("编号");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).contains(consultation.getTopic(), "同意", "已在东门安装 6 个充电桩");

		browser.navigate().back();
		wait(browser).until(d -> "5".equals(d.findElement(By.id("charts")).getDomAttribute("data-rendered")));
		WebElement ranking = browser.findElement(By.cssSelector("#chart-ranking + details"));
		ranking.findElement(By.tagName("summary")).click();
		ranking.findElement(By.cssSelector("tr[data-code='yangguang'] th a")).click();
		wait(browser).until(ExpectedConditions.urlContains("/manager/projects"));
		assertThat(badges(browser)).contains("承接方：阳光社工服务中心", "完成时间：" + concluded + " 至 " + day);
		assertThat(browser.findElements(By.cssSelector("#drill-table tbody tr[data-project]")).stream()
			.map(r -> r.getDomAttribute("data-project"))).containsExactly(String.valueOf(project.getId()));
		screenshot(browser, "implementer-projects");
		List<List<String>> projects = export(browser, "export-list");
		assertThat(projects.get(0).get(0)).isEqualTo("编号");
		assertThat(projects).hasSize(2);
		assertThat(projects.get(1)).contains(project.getTitle(), "阳光社工服务中心", "评估中");
		assertThat(scriptErrors(browser)).as("script errors on the dashboard and its lists").isEmpty();
	}

	// ---- helpers

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

	private long report(Channel channel, String title) {
		Need need = needService.report(new ReportNeed("xingfu", "xingfu-01", channel, title + " " + unique(),
				"看板点击测试", "欧阳娜娜", "13912345678", 1), actor("steward1"));
		return need.getId();
	}

	/**
	 * Clicks a bar of a rendered chart with the mouse, in the middle of its segment: the series (by
	 * id) in the first stretch, or {@code seriesId:category} for a bar of a one-series chart.
	 */
	private static void clickBar(WebDriver browser, String chartId, String bar) {
		WebElement chart = browser.findElement(By.id(chartId));
		// wholly in view: Selenium's offsets are from the centre of the part in view
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({ block: 'center' });", chart);
		wait(browser).until(d -> "true".equals(chart.getDomAttribute("data-finished")));
		@SuppressWarnings("unchecked")
		List<Number> at = (List<Number>) ((JavascriptExecutor) browser).executeScript("""
				const el = document.getElementById(arguments[0]);
				const chart = echarts.getInstanceByDom(el);
				const option = chart.getOption();
				const [seriesId, code] = arguments[1].split(':');
				let index = 0, base = 0, value = null;
				if (code) {
				  index = JSON.parse(document.getElementById('charts').dataset.charts).overdueByLine
				    .findIndex(d => d.code === code);
				  value = option.series.find(s => s.id === seriesId).data[index];
				} else {
				  for (const s of option.series) {
				    if (s.id === seriesId) { value = s.data[0]; break; }
				    base += s.data[0];
				  }
				}
				const p = chart.convertToPixel({ seriesId: seriesId }, [index, base + value / 2]);
				return [p[0], p[1], el.clientWidth, el.clientHeight];""", chartId, bar);
		assertThat(at).as("where bar %s of %s is", bar, chartId).hasSize(4).allSatisfy(n -> assertThat(n).isNotNull());
		// Selenium's offsets are from the element's centre
		new Actions(browser)
			.moveToElement(chart, at.get(0).intValue() - at.get(2).intValue() / 2, at.get(1).intValue() - at.get(3).intValue() / 2)
			.click()
			.perform();
	}

	private static List<String> badges(WebDriver browser) {
		return browser.findElements(By.cssSelector("#drill-filter .badge")).stream().map(WebElement::getText).toList();
	}

	/** Starts the list's export, waits for its progress to finish and reads the file it offers. */
	private List<List<String>> export(WebDriver browser, String button) throws IOException {
		browser.findElement(By.id(button)).click();
		wait(browser).until(d -> "true".equals(d.findElement(By.id("export-form")).getDomAttribute("data-done")));
		assertThat(browser.findElement(By.id("export-download")).isDisplayed()).isTrue();
		String href = browser.findElement(By.id("export-download")).getDomProperty("href");
		String file = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' })
				  .then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
				  .then(b => { let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); },
				        e => done('failed: ' + e));""", href);
		assertThat(file).doesNotStartWith("failed");
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(file)))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				row.forEach(cell -> cells.add(switch (cell.getCellType()) {
					case NUMERIC -> String.valueOf(cell.getNumericCellValue());
					default -> cell.getStringCellValue();
				}));
				rows.add(cells);
			}
		}
		return rows;
	}

	/**
	 * A consultation of xingfu run to its applied result through the services: proposed by resident1,
	 * objected to by a named resident after the first meeting, agreed in the second round, applied.
	 */
	private Consultation appliedConsultation(String topic) {
		Long id = consultations.propose(new ProposeTopic("xingfu", topic, TopicType.PUBLIC_SPACE,
				"居民刘秀英提出：东门附近电动车充电难", null), actor("resident1")).getId();
		consultations.fixParticipants(id, new FixParticipants(List.of(
				new Participant("王建国", ParticipantKind.RESIDENT_REPRESENTATIVE),
				new Participant("李红", ParticipantKind.PARTY_MEMBER),
				new Participant("幸福物业", ParticipantKind.PROPERTY_COMPANY),
				new Participant("东门住户", ParticipantKind.STAKEHOLDER),
				new Participant("欧阳娜娜", ParticipantKind.STAKEHOLDER))), SELFGOV);
		meeting(id, 4, 1);
		consultations.raiseObjection(id, new RaiseObjection("我是欧阳娜娜（13912345678），充电桩离我家窗户太近"),
				actor("resident1"));
		meeting(id, 5, 0);
		fire(id, "timer_publicityPeriod");
		consultations.applyResult(id, new ApplyResult("已在东门安装 6 个充电桩"), SELFGOV);
		assertThat(consultations.view(id, SELFGOV).status()).isEqualTo(ConsultationStatus.APPLIED);
		return consultationRecords.require(id);
	}

	private void meeting(Long id, int votesFor, int votesAgainst) {
		ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ChinaTime.ZONE);
		consultations.publishAgenda(id, new PublishAgenda(List.of("方案说明", "表决"),
				calendar.plusWorkingDays(now, 5).toLocalDate().atTime(9, 30).atZone(ChinaTime.ZONE).toOffsetDateTime()),
				SELFGOV);
		fire(id, "timer_untilMeeting");
		consultations.recordMeeting(id, new RecordMeeting(5, "王建国、李红发言支持", votesFor, votesAgainst, 0), SELFGOV);
	}

	private void fire(Long id, String timer) {
		String pid = consultations.view(id, SELFGOV).processInstanceId();
		Job job = management.createJobQuery().processInstanceId(pid).activityId(timer).singleResult();
		assertThat(job).as("timer %s", timer).isNotNull();
		ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
		management.executeJob(job.getId());
	}
}
