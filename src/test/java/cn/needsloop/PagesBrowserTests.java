package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.needsloop.design.ProjectView;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Channel;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedRequests.Classify;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedRequests.Verify;
import cn.needsloop.intake.Scope;
import cn.needsloop.shared.Urgency;
import cn.needsloop.intake.VerificationVerdict;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.shared.Actor;
import cn.needsloop.support.BrowserTest;

/**
 * The pages in a real browser: the whole application on a random port, driven by Selenium through
 * the system's headless Chromium and chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}; nothing is downloaded at run time). Each test signs in as the demo user
 * it plays and saves screenshots under {@code target/browser-screenshots/}. Without Chromium these
 * tests fail, they do not skip.
 */
/** The pages of the browser checks, each as the demo user who does it. */
class PagesBrowserTests extends BrowserTest {

	// ---- the tests ----------------------------------------------------------------------------

	@Test
	void signsInOnceForPagesAndTasklistAndLogoutEndsBoth() {
		WebDriver browser = browser(1280);
		browser.get(url("/camunda/app/tasklist/" + engine.getName() + "/"));
		wait(browser).until(ExpectedConditions.urlContains("/login"));
		signIn(browser, "steward1");
		browser.get(url("/camunda/app/tasklist/" + engine.getName() + "/"));
		String[] seen = new String[1];
		wait(browser).withMessage(() -> "Camunda's user: " + seen[0])
			.until(d -> (seen[0] = camundaUser(d)).contains("steward1"));
		screenshot(browser, "tasklist-signed-in");
		browser.get(url("/steward"));
		browser.findElement(By.id("logout")).click();
		wait(browser).until(ExpectedConditions.urlContains("/login?logout"));
		assertThat(camundaUser(browser)).doesNotContain("steward1");
		browser.get(url("/camunda/app/tasklist/" + engine.getName() + "/"));
		wait(browser).until(ExpectedConditions.urlContains("/login"));
		screenshot(browser, "after-logout");
	}

	@Test
	void switchesLanguageBetweenChineseAndEnglish() {
		WebDriver browser = browser(1280);
		browser.get(url("/login"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
		screenshot(browser, "login-zh");
		browser.findElement(By.id("lang-en")).click();
		wait(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Sign in"));
		screenshot(browser, "login-en");
		signIn(browser, "steward1");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My workbench");
		browser.findElement(By.id("lang-zh")).click();
		wait(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "我的工作台"));
		screenshot(browser, "workbench-zh");
	}

	@Test
	void stewardWalksANeedFromReportToProject() {
			WebDriver phone = browser(375);
		signIn(phone, "resident1");
		phone.get(url("/resident/report"));
		String title = "老人午餐无人照料 " + unique();
		new Select(phone.findElement(By.id("communityCode"))).selectByValue("xingfu");
		phone.findElement(By.id("title")).sendKeys(title);
		phone.findElement(By.id("description")).sendKeys("独居老人多，中午没人做饭，希望社区开设助餐点。");
		phone.findElement(By.id("reporterName")).sendKeys("刘秀英");
		phone.findElement(By.id("reporterPhone")).sendKeys("13800000001");
		phone.findElement(By.id("householdCount")).sendKeys("6");
		screenshot(phone, "resident-report");
		phone.findElement(By.id("submit-report")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-done")));
		assertThat(phone.findElement(By.id("need-title")).getText()).isEqualTo(title);
		assertThat(horizontalOverflow(phone)).as("the page fits a 375 px screen").isFalse();
		screenshot(phone, "resident-need");
		Long needId = Long.valueOf(phone.getCurrentUrl().replaceAll(".*/needs/(\\d+).*", "$1"));

			WebDriver desk = browser(1280);
		signIn(desk, "steward1");
		assertThat(desk.getCurrentUrl()).endsWith("/steward");
		assertThat(desk.findElement(By.id("claimable-tasks")).getText()).contains("核实民需");
		screenshot(desk, "workbench");
		desk.get(url("/needs/" + needId));
		wait(desk).until(d -> "true".equals(d.findElement(By.id("diagram")).getDomAttribute("data-loaded")));
		assertThat(desk.findElement(By.id("diagram")).getDomAttribute("data-active")).contains(Step.VERIFY_NEED);
		assertThat(desk.findElements(By.cssSelector("#diagram svg"))).isNotEmpty();
		screenshot(desk, "need-verify");
		new Select(desk.findElement(By.id("verdict"))).selectByValue("GENUINE");
		desk.findElement(By.id("verify-note")).sendKeys("已电话核实，情况属实");
		desk.findElement(By.cssSelector("#form-verify button")).click();
		wait(desk).until(ExpectedConditions.presenceOfElementLocated(By.id("form-classify")));
		new Select(desk.findElement(By.id("category"))).selectByValue("ELDERLY_CARE");
		new Select(desk.findElement(By.id("scope"))).selectByValue("COMMON");
		screenshot(desk, "need-classify");
		desk.findElement(By.cssSelector("#form-classify button")).click();
		wait(desk).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-done")));
		assertThat(desk.findElement(By.id("timeline")).getText()).contains("需求池");

			desk.get(url("/steward/pool"));
		desk.findElement(By.id("pool-need-" + needId)).click();
		screenshot(desk, "pool");
		desk.findElement(By.id("design-project")).click();
		wait(desk).until(ExpectedConditions.presenceOfElementLocated(By.id("form-project")));
		desk.findElement(By.id("title")).sendKeys("幸福社区助餐点 " + unique());
		desk.findElement(By.id("goal")).sendKeys("为独居老人提供午餐");
		desk.findElement(By.id("plan")).sendKeys("租用社区活动室，委托社会组织运营");
		desk.findElement(By.id("budgetYuan")).sendKeys("30000");
		desk.findElement(By.id("milestones")).sendKeys("场地改造\n开餐运营");
		// a date input takes its text in the browser's locale order; set the ISO value as the picker does
		((JavascriptExecutor) desk).executeScript("arguments[0].value = arguments[1]", desk.findElement(By.id("plannedEnd")),
				LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3).toString());
		screenshot(desk, "project-new");
		desk.findElement(By.id("submit-project")).click();
		wait(desk).until(ExpectedConditions.presenceOfElementLocated(By.id("project-status")));
		assertThat(desk.findElement(By.id("project-status")).getText()).isEqualTo("待党组织审批");
		screenshot(desk, "project-created");
		assertThat(needs.findById(needId).orElseThrow().getProjectId()).isNotNull();
	}

	@Test
	void managerDashboardRendersItsChartsWithoutScriptErrorsAndExportsExcel() throws Exception {
		publishedProject("文体活动 " + unique(), "刘秀英", "13800000001");
		WebDriver browser = browser(1280);
		signIn(browser, "manager1");
		assertThat(browser.getCurrentUrl()).endsWith("/manager");
		wait(browser).until(d -> "5".equals(d.findElement(By.id("charts")).getDomAttribute("data-rendered")));
		// each chart is drawn, or says it has no data in the period
		assertThat(browser.findElements(By.cssSelector("#charts .chart"))).hasSize(5).allSatisfy(chart -> assertThat(
				!chart.findElements(By.tagName("canvas")).isEmpty() || chart.getText().contains("暂无数据")).isTrue());
		assertThat(browser.findElements(By.cssSelector("#charts canvas"))).isNotEmpty();
		screenshot(browser, "dashboard");
		assertThat(scriptErrors(browser)).as("script errors on the dashboard").isEmpty();

		byte[] kpis = download(browser, browser.findElement(By.id("export-kpis")).getDomProperty("href"));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(kpis))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标");
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isGreaterThan(10);
		}

		browser.findElement(By.id("kpi-needs")).click();
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("drill-table")));
		screenshot(browser, "drill-down");
		assertThat(browser.findElement(By.id("export-download")).isDisplayed()).as("no download link before the file exists")
			.isFalse();
		browser.findElement(By.id("export-needs")).click();
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("export-download")));
		assertThat(browser.findElement(By.id("export-status")).getText()).isEqualTo("导出完成。");
		screenshot(browser, "export-finished");
		byte[] list = download(browser, browser.findElement(By.id("export-download")).getDomProperty("href"));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(list))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).as("community by its name")
				.containsPattern("\\p{IsHan}");
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(1);
		}
		assertThat(scriptErrors(browser)).as("script errors on the drill-down").isEmpty();
	}

	@Test
	void theDiagramIsReadableOnAPhoneAndTheCurrentStepStandsOut() {
		Need need = needService.report(new ReportNeed("xingfu", "xingfu-01", Channel.ONLINE, "流程图 " + unique(),
				"看看流程走到哪一步了", "刘秀英", "13800000001", 1), actor("resident1"));

		WebDriver phone = browser(375);
		signIn(phone, "resident1");
		phone.get(url("/needs/" + need.getId()));
		wait(phone).until(d -> "true".equals(d.findElement(By.id("diagram")).getDomAttribute("data-loaded")));
		JavascriptExecutor js = (JavascriptExecutor) phone;
		WebElement diagram = phone.findElement(By.id("diagram"));
		// the current step is drawn at its natural size (a task box is 100 px wide), not shrunk to fit 375 px
		Number stepWidth = (Number) js.executeScript("return document.querySelector("
				+ "'#diagram [data-element-id=\"" + Step.VERIFY_NEED + "\"]').getBoundingClientRect().width;");
		assertThat(stepWidth.doubleValue()).as("width of the current step on a phone").isGreaterThanOrEqualTo(90);
		// the model scrolls inside its box, which starts at the current step, and the page itself fits the screen
		assertThat((Boolean) js.executeScript("var d = arguments[0]; return d.scrollWidth > d.clientWidth;", diagram)).isTrue();
		assertThat((Boolean) js.executeScript("var d = arguments[0].getBoundingClientRect();"
				+ " var s = document.querySelector('#diagram [data-element-id=\"" + Step.VERIFY_NEED + "\"]').getBoundingClientRect();"
				+ " return s.left >= d.left && s.right <= d.right;", diagram)).as("the current step is in view").isTrue();
		assertThat(horizontalOverflow(phone)).as("the page fits a 375 px screen").isFalse();
		screenshot(phone, "diagram-phone");

		WebDriver desk = browser(1280);
		signIn(desk, "steward1");
		desk.get(url("/needs/" + need.getId()));
		// the verify form asks for the original need only for a duplicate
		Select verdict = new Select(desk.findElement(By.id("verdict")));
		verdict.selectByValue("GENUINE");
		assertThat(desk.findElement(By.id("duplicateOfId")).isDisplayed()).isFalse();
		verdict.selectByValue("DUPLICATE");
		assertThat(desk.findElement(By.id("duplicateOfId")).isDisplayed()).isTrue();
		verdict.selectByValue("NOT_GENUINE");
		assertThat(desk.findElement(By.id("duplicateOfId")).isDisplayed()).isFalse();
		wait(desk).until(d -> "true".equals(d.findElement(By.id("diagram")).getDomAttribute("data-loaded")));
		// the current step carries a label, so that a small event is as easy to find as a task
		WebElement now = desk.findElement(By.cssSelector("#diagram .diagram-now"));
		assertThat(now.isDisplayed()).isTrue();
		assertThat(now.getText()).isEqualTo("当前");
		screenshot(desk, "diagram-desk");
	}

	@Test
	void organisationClaimsAndTheSlowerOneIsToldAnotherWasFaster() {
		ServiceProject project = publishedProject("助老服务 " + unique(), "刘秀英", "13800000001");
		WebDriver slow = browser(1280);
		signIn(slow, "org1");
		slow.get(url("/hall"));
		WebDriver fast = browser(1280);
		signIn(fast, "org2");
		fast.get(url("/hall"));
		screenshot(fast, "hall");
		fast.findElement(By.cssSelector(".open-project[data-project='" + project.getId() + "'] button.claim")).click();
		wait(fast).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-done")));
		assertThat(fast.findElement(By.id("project-claimant")).getText()).isEqualTo("爱心志愿者协会");
		screenshot(fast, "claim-won");
		slow.findElement(By.cssSelector(".open-project[data-project='" + project.getId() + "'] button.claim")).click();
		wait(slow).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-refused")));
		assertThat(slow.findElement(By.id("flash-refused")).getText()).contains("其他社会组织已抢先认领");
		screenshot(slow, "claim-lost");
	}

	@Test
	void communityRatesTheImplementerOfADeliveredProject() {
		ServiceProject project = publishedProject("心理关怀 " + unique(), "刘秀英", "13800000001");
		Actor org1 = actor("org1");
		implementationService.claim(project.getId(), org1);
		for (int i = 0; i < 2; i++) {
			implementationService.reportMilestone(project.getId(), i, "已完成", 1, 3, org1);
		}
		implementationService.complete(project.getId(), "服务已全部完成", org1);
		WebDriver browser = browser(1280);
		signIn(browser, "steward1");
		browser.get(url("/projects/" + project.getId()));
		WebElement form = browser.findElement(By.cssSelector("form.form-rate[data-step='" + Step.RATE_AS_COMMUNITY + "']"));
		form.findElement(By.cssSelector("input[name=score][value='4']")).click();
		form.findElement(By.name("comment")).sendKeys("按时完成，居民反映好");
		screenshot(browser, "rate");
		form.findElement(By.cssSelector("button")).click();
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-done")));
		assertThat(browser.findElement(By.id("ratings")).getText()).contains("社区评价承接方").contains("4");
		screenshot(browser, "rated");
		ProjectView view = projectService.view(project.getId(), actor("steward1"));
		assertThat(view.evaluations()).anyMatch(e -> e.perspective().equals("COMMUNITY") && e.score() == 4);
	}

	@Test
	void aTasklistFormIsCompletedInTasklist() {
		Actor steward = actor("steward1");
		Need need = needService.report(new ReportNeed("xingfu", "xingfu-01", Channel.SELF_GOVERNANCE,
				"楼上漏水 " + unique(), "楼上卫生间漏水，协商未果", "刘秀英", "13800000001", 1), actor("resident1"));
		needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "已核实"), steward);
		needService.classify(need.getId(), new Classify(Category.NEIGHBOR_DISPUTE, Urgency.NORMAL, Scope.INDIVIDUAL),
				steward);
		Task task = taskService.createTaskQuery().processInstanceId(needs.findById(need.getId()).orElseThrow()
			.getProcessInstanceId()).taskDefinitionKey(Step.RESOLVE_NEED).singleResult();
		assertThat(task).isNotNull();

		WebDriver browser = browser(1280);
		signIn(browser, "selfgov1");
		browser.get(url("/camunda/app/tasklist/" + engine.getName() + "/#/?task=" + task.getId()));
		WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(40));
		slow.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
		// Tasklist draws the form again once the claim is through: typing before that loses the text, so wait for
		// the claim, then type until the form holds the text (a person would see it vanish and type again)
		slow.until(d -> taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() != null);
		slow.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
		String text = "已组织双方协商，物业修复漏水";
		slow.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
			WebElement note = d.findElement(By.cssSelector("textarea"));
			if (!note.isDisplayed() || !note.isEnabled()) {
				return false;
			}
			if (text.equals(note.getAttribute("value"))) {
				return true;
			}
			note.clear();
			note.sendKeys(text);
			return false;
		});
		assertThat(browser.getPageSource()).contains("办理");
		screenshot(browser, "tasklist-form");
		// the form is long (the step's photo hint): the button is scrolled to, as a person would
		org.openqa.selenium.WebElement complete = browser.findElement(By.cssSelector("button[ng-click='complete()']"));
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});",
				complete);
		complete.click();
		slow.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
		screenshot(browser, "tasklist-completed");
		assertThat(needs.findById(need.getId()).orElseThrow().getResolutionNote()).isEqualTo("已组织双方协商，物业修复漏水");
	}

	@Test
	void publicBoardShowsProjectsButNoPersonalData() {
		String title = "公示项目 " + unique();
		publishedProject(title, "欧阳娜娜", "13912345678");
		WebDriver browser = browser(375);
		browser.get(url("/public"));
		String page = browser.getPageSource();
		assertThat(page).contains(title);
		screenshot(browser, "public-board");
		for (Need need : needs.findAll()) {
			assertThat(page).as("the public board shows no reporter's phone").doesNotContain(need.getReporterPhone());
			// a reporter written down only as 居民 ("a resident", as other tests in the shared context do) cannot
			// be told from the board's own label 居民评价: such a need is checked by its phone and user alone
			if (!"居民".equals(need.getReporterName())) {
				assertThat(page).as("the public board shows no reporter's name").doesNotContain(need.getReporterName());
			}
			if (need.getReporterUser() != null) {
				assertThat(page).doesNotContain(need.getReporterUser());
			}
		}
		assertThat(page).doesNotContain("steward1").doesNotContain("王芳");
	}

}
