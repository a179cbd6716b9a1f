package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.consultation.Consultations;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.support.BrowserTest;

/**
 * 社区协商 and 证明 in a real browser, each as the demo users who do it, starting from the start page and
 * following links only: a steward proposes a topic and the self-governance line walks it to an applied result;
 * a resident asks for certificates from a 375 px phone and sees the answers.
 */
class ConsultationBrowserTests extends BrowserTest {

	/** A Monday on the holiday calendar, so that notice and publicity days are the same whenever the test runs. */
	static final ZonedDateTime START = ZonedDateTime.of(2026, 9, 7, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

	@Autowired
	ManagementService management;

	@Autowired
	Consultations consultations;

	@BeforeEach
	void fixTheClock() {
		ClockUtil.setCurrentTime(Date.from(START.toInstant()));
	}

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void stewardProposesAConsultationAndTheSelfGovernanceLineWalksItToItsResult() {
		WebDriver steward = browser(1280);
		signIn(steward, "steward1");
		steward.findElement(By.id("nav-consultations")).click();
		wait(steward).until(ExpectedConditions.presenceOfElementLocated(By.id("consultations")));
		steward.findElement(By.id("propose")).click();
		wait(steward).until(ExpectedConditions.presenceOfElementLocated(By.id("form-propose")));
		String topic = "幸福社区3号院停车位划线 " + unique();
		steward.findElement(By.id("topic")).sendKeys(topic);
		new Select(steward.findElement(By.id("topicType"))).selectByValue("PUBLIC_SPACE");
		steward.findElement(By.id("description")).sendKeys("院内车辆乱停，消防通道常被占用，拟划定固定车位。");
		screenshot(steward, "propose");
		steward.findElement(By.id("submit-proposal")).click();
		wait(steward).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-done")));
		assertThat(steward.findElement(By.id("consultation-topic")).getText()).isEqualTo(topic);
		assertThat(steward.findElement(By.id("consultation-status")).getText()).isEqualTo("确定协商主体");
		diagramShows(steward, Step.FIX_PARTICIPANTS);
		screenshot(steward, "proposed");
		String page = steward.getCurrentUrl().replaceAll(".*(/consultations/\\d+).*", "$1");
		long id = Long.parseLong(page.replaceAll("\\D", ""));

		WebDriver line = browser(1280);
		signIn(line, "selfgov1");
		assertThat(line.getCurrentUrl()).endsWith("/tasks");
		line.findElement(By.cssSelector("#claimable-tasks a[href='" + page + "']")).click();
		wait(line).until(ExpectedConditions.presenceOfElementLocated(By.id("form-participants")));
		List<WebElement> names = line.findElements(By.cssSelector("#participant-rows input[name=name]"));
		String[] people = { "王建国", "李红", "幸福物业", "3号院住户代表" };
		for (int i = 0; i < people.length; i++) {
			names.get(i).sendKeys(people[i]);
		}
		line.findElement(By.id("add-participant")).click();
		List<WebElement> rows = line.findElements(By.cssSelector("#participant-rows .row"));
		WebElement added = rows.get(rows.size() - 1);
		added.findElement(By.name("name")).sendKeys("阳光社工服务中心");
		new Select(added.findElement(By.name("kind"))).selectByValue("SOCIAL_ORGANIZATION");
		screenshot(line, "participants");
		line.findElement(By.id("submit-participants")).click();
		wait(line).until(ExpectedConditions.presenceOfElementLocated(By.id("form-agenda")));
		assertThat(line.findElement(By.id("participants")).getText()).contains("阳光社工服务中心").contains("社会组织");

		line.findElement(By.id("agenda-items")).sendKeys("车位划线方案\n收费与管理办法\n表决");
		screenshot(line, "agenda");
		line.findElement(By.id("submit-agenda")).click();
		wait(line).until(ExpectedConditions.textToBe(By.id("consultation-status"), "已公告，等待开会"));
		diagramShows(line, "timer_untilMeeting");
		screenshot(line, "announced");

		fire(id, "timer_untilMeeting");
		line.navigate().refresh();
		wait(line).until(ExpectedConditions.presenceOfElementLocated(By.id("form-meeting")));
		line.findElement(By.id("attendees")).sendKeys("5");
		line.findElement(By.id("opinions")).sendKeys("多数居民同意划线，建议保留访客车位。");
		line.findElement(By.id("votesFor")).sendKeys("4");
		line.findElement(By.id("votesAgainst")).clear();
		line.findElement(By.id("votesAgainst")).sendKeys("1");
		screenshot(line, "meeting");
		line.findElement(By.id("submit-meeting")).click();
		wait(line).until(ExpectedConditions.textToBe(By.id("consultation-status"), "结果公示中（可提异议）"));
		assertThat(line.findElement(By.id("rounds")).getText()).contains("同意 4，反对 1，弃权 0");

		steward.navigate().refresh();
		assertThat(steward.findElement(By.id("form-objection")).isDisplayed()).as("anyone may object during the publicity")
			.isTrue();
		screenshot(steward, "publicity");

		fire(id, "timer_publicityPeriod");
		line.navigate().refresh();
		wait(line).until(ExpectedConditions.presenceOfElementLocated(By.id("form-application")));
		line.findElement(By.id("application-report")).sendKeys("已划定车位 24 个（含访客车位 4 个），消防通道恢复畅通。");
		line.findElement(By.id("submit-application")).click();
		wait(line).until(ExpectedConditions.textToBe(By.id("consultation-status"), "成果已运用并反馈"));
		screenshot(line, "applied");

		steward.navigate().refresh();
		assertThat(steward.findElement(By.id("consultation-result")).getText()).startsWith("协商结果：同意");
		assertThat(steward.findElement(By.id("timeline")).getText()).contains("提交成果运用报告");
		diagramShows(steward);
		screenshot(steward, "result");
		assertThat(scriptErrors(steward)).as("script errors on the consultation page").isEmpty();
		assertThat(scriptErrors(line)).as("script errors on the consultation page").isEmpty();
	}

	@Test
	void residentRequestsCertificatesFromAPhoneAndSeesTheOutcome() {
		WebDriver phone = phone();
		signIn(phone, "resident1");
		phone.findElement(By.id("nav-certificates")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("request-certificate"))).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("form-certificate")));
		fillRequest(phone, "RESIDENCE");
		screenshot(phone, "request");
		phone.findElement(By.id("submit-certificate")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-done")));
		assertThat(phone.findElement(By.id("certificate-status")).getText()).isEqualTo("待民需管家开具");
		assertThat(horizontalOverflow(phone)).as("the page fits a 375 px screen").isFalse();
		screenshot(phone, "requested");
		String page = phone.getCurrentUrl().replaceAll(".*(/certificates/\\d+).*", "$1");

		// a certificate the community no longer issues: answered at once
		phone.findElement(By.id("nav-certificates")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("request-certificate"))).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("form-certificate")));
		fillRequest(phone, "CRIMINAL_RECORD");
		phone.findElement(By.id("submit-certificate")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("certificate-refer-to")));
		assertThat(phone.findElement(By.id("certificate-refer-to")).getText()).contains("公安派出所");
		assertThat(phone.findElement(By.id("certificate-rule")).getText()).isNotBlank();
		assertThat(horizontalOverflow(phone)).as("the answer fits a 375 px screen").isFalse();
		screenshot(phone, "answered-at-once");

		WebDriver desk = browser(1280);
		signIn(desk, "steward1");
		desk.findElement(By.cssSelector("#claimable-tasks a[href='" + page + "']")).click();
		wait(desk).until(ExpectedConditions.presenceOfElementLocated(By.id("form-decision")));
		desk.findElement(By.id("issue-yes")).click();
		screenshot(desk, "issue");
		desk.findElement(By.id("submit-decision")).click();
		wait(desk).until(ExpectedConditions.textToBe(By.id("certificate-status"), "已开具"));

		phone.findElement(By.id("nav-certificates")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='" + page + "']"))).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("certificate-outcome")));
		assertThat(phone.findElement(By.id("certificate-outcome")).getText()).startsWith("证明已开具，请到社区党群服务中心综合窗口领取。");
		assertThat(horizontalOverflow(phone)).isFalse();
		screenshot(phone, "issued");

		phone.findElement(By.id("nav-consultations")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("consultations")));
		assertThat(horizontalOverflow(phone)).as("the list fits a 375 px screen").isFalse();
		screenshot(phone, "consultations");
		assertThat(scriptErrors(phone)).isEmpty();
	}

	// --- helpers

	/**
	 * A 375 px wide phone. Headless Chromium does not make a window narrower than 500 px, so the width is set on
	 * the page's viewport as a phone's (device metrics), and checked.
	 */
	private WebDriver phone() {
		WebDriver phone = browser(375);
		((ChromeDriver) phone).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
		phone.get(url("/login"));
		assertThat(((JavascriptExecutor) phone).executeScript("return window.innerWidth;")).isEqualTo(375L);
		return phone;
	}

	private void fillRequest(WebDriver phone, String kind) {
		new Select(phone.findElement(By.id("communityCode"))).selectByValue("xingfu");
		new Select(phone.findElement(By.id("kind"))).selectByValue(kind);
		phone.findElement(By.id("applicantName")).sendKeys("刘秀英");
		phone.findElement(By.id("applicantPhone")).sendKeys("13800000001");
		phone.findElement(By.id("purpose")).sendKeys("孩子入学报名");
	}

	/** The diagram is drawn and highlights these activities (none: the consultation has ended). */
	private static void diagramShows(WebDriver browser, String... active) {
		wait(browser).until(d -> "true".equals(d.findElement(By.id("diagram")).getDomAttribute("data-loaded")));
		assertThat(browser.findElements(By.cssSelector("#diagram svg"))).isNotEmpty();
		String shown = browser.findElement(By.id("diagram")).getDomAttribute("data-active");
		if (active.length == 0) {
			assertThat(shown).isEmpty();
		}
		for (String activity : active) {
			assertThat(shown).contains(activity);
		}
	}

	private void fire(long id, String timer) {
		String pid = consultations.findById(id).orElseThrow().getProcessInstanceId();
		Job job = management.createJobQuery().processInstanceId(pid).activityId(timer).singleResult();
		assertThat(job).as("timer %s", timer).isNotNull();
		ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
		management.executeJob(job.getId());
	}
}
