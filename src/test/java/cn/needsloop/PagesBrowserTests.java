package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.needsloop.design.ProjectRequests.Approval;
import cn.needsloop.design.ProjectRequests.DesignProject;
import cn.needsloop.design.ProjectService;
import cn.needsloop.design.ProjectView;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.implementation.ImplementationService;
import cn.needsloop.intake.Category;
import cn.needsloop.intake.Channel;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedRequests.Classify;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedRequests.Verify;
import cn.needsloop.intake.NeedService;
import cn.needsloop.intake.Needs;
import cn.needsloop.intake.Scope;
import cn.needsloop.intake.Urgency;
import cn.needsloop.intake.VerificationVerdict;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.system.Actor;

/**
 * The pages in a real browser: the whole application on a random port, driven by Selenium through
 * the system's headless Chromium and chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}; nothing is downloaded at run time). Each test signs in as the demo user
 * it plays and saves screenshots under {@code target/browser-screenshots/}. Without Chromium these
 * tests fail, they do not skip.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class PagesBrowserTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

	@LocalServerPort
	int port;

	@Autowired
	NeedService needService;

	@Autowired
	ProjectService projectService;

	@Autowired
	ImplementationService implementationService;

	@Autowired
	Needs needs;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService taskService;

	/** Tests name their engine uniquely; Camunda's webapps address it by that name. */
	@Autowired
	org.camunda.bpm.engine.ProcessEngine engine;

	private final List<WebDriver> browsers = new ArrayList<>();

	private String testName;

	private int shot;

	@BeforeAll
	static void startChromedriver() throws IOException {
		assertThat(CHROMIUM).as("Chromium is required: apt-get install -y chromium chromium-driver").isExecutable();
		assertThat(CHROMEDRIVER).as("chromedriver is required: apt-get install -y chromium-driver").isExecutable();
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		Files.createDirectories(SCREENSHOTS);
	}

	@org.junit.jupiter.api.BeforeEach
	void name(TestInfo info) {
		testName = info.getTestMethod().orElseThrow().getName();
	}

	@AfterEach
	void closeBrowsers() {
		browsers.forEach(WebDriver::quit);
	}

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
		assertThat(fast.findElement(By.id("project-claimant")).getText()).isEqualTo("aixin");
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
		WebElement note = slow.until(ExpectedConditions.elementToBeClickable(By.cssSelector("textarea")));
		assertThat(browser.getPageSource()).contains("办理");
		note.sendKeys("已组织双方协商，物业修复漏水");
		screenshot(browser, "tasklist-form");
		browser.findElement(By.cssSelector("button[ng-click='complete()']")).click();
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
			assertThat(page).as("the public board shows no reporter's name or phone")
				.doesNotContain(need.getReporterName())
				.doesNotContain(need.getReporterPhone());
			if (need.getReporterUser() != null) {
				assertThat(page).doesNotContain(need.getReporterUser());
			}
		}
		assertThat(page).doesNotContain("steward1").doesNotContain("王芳");
	}

	// ---- helpers ------------------------------------------------------------------------------

	private ServiceProject publishedProject(String title, String reporterName, String reporterPhone) {
		Actor steward = actor("steward1");
		Need need = needService.report(new ReportNeed("xingfu", "xingfu-02", Channel.STEWARD_STATION, title + " 需求",
				"多户居民反映同一问题", reporterName, reporterPhone, 8), actor("resident1"));
		needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "已核实"), steward);
		needService.classify(need.getId(), new Classify(Category.ELDERLY_CARE, Urgency.NORMAL, Scope.COMMON), steward);
		LocalDate end = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3);
		ServiceProject project = projectService.design(new DesignProject("xingfu", title, "目标", "方案", Category.ELDERLY_CARE,
				List.of(need.getId()), new BigDecimal("20000"), 8, false, end, List.of("准备", "实施")), steward);
		projectService.approve(project.getId(), new Approval(true, "同意"), actor("party1"));
		return project;
	}

	private Actor actor(String user) {
		return new Actor(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
	}

	private WebDriver browser(int width) {
		try {
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--lang=zh-CN", "--window-size=" + width + ",900",
					"--user-data-dir=" + Files.createTempDirectory("needsloop-chromium-"));
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logs);
			// the system's chromedriver, one per browser (quitting a browser stops its driver)
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			WebDriver driver = new ChromeDriver(service, options);
			browsers.add(driver);
			return driver;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void signIn(WebDriver browser, String user) {
		if (!browser.getCurrentUrl().contains("/login")) {
			browser.get(url("/login"));
		}
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys("demo");
		browser.findElement(By.id("login")).click();
		wait(browser).until(d -> !d.getCurrentUrl().contains("/login"));
	}

	private String camundaUser(WebDriver browser) {
		Object user = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/camunda/api/admin/auth/user/' + arguments[0], { credentials: 'same-origin' })
				  .then(r => r.ok ? r.text() : String(r.status)).then(done, e => done(String(e)));""", engine.getName());
		return String.valueOf(user);
	}

	private static boolean horizontalOverflow(WebDriver browser) {
		return (Boolean) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
	}

	private static List<String> scriptErrors(WebDriver browser) {
		return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(m -> !m.contains("favicon.ico"))
			.toList();
	}

	private byte[] download(WebDriver browser, String href) throws IOException, InterruptedException {
		String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create(url("/")).resolve(href)).header("Cookie", "JSESSIONID=" + session).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		return response.body();
	}

	private void screenshot(WebDriver browser, String name) {
		try {
			File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
			Files.copy(file.toPath(), SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", testName, ++shot, name)),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

}
