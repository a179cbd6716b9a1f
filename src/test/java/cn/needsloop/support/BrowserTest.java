package cn.needsloop.support;

import static org.assertj.core.api.Assertions.assertThat;

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

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;


import org.springframework.boot.test.web.server.LocalServerPort;


import cn.needsloop.design.ProjectRequests.Approval;
import cn.needsloop.design.ProjectRequests.DesignProject;
import cn.needsloop.design.ProjectService;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.implementation.ImplementationService;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Channel;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedRequests.Classify;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedRequests.Verify;
import cn.needsloop.intake.NeedService;
import cn.needsloop.intake.Needs;
import cn.needsloop.intake.Scope;
import cn.needsloop.shared.Urgency;
import cn.needsloop.intake.VerificationVerdict;
import cn.needsloop.shared.Actor;

/**
 * Base of the browser tests: the whole application on a random port, driven by Selenium through
 * the system's headless Chromium and chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}; nothing is downloaded at run time). Each test signs in as the demo user
 * it plays and saves screenshots under {@code target/browser-screenshots/}. Without Chromium these
 * tests are skipped with one line saying what to install, and fail under
 * {@code -Dneedsloop.require-services=true}, as in CI ({@link OutsideServices}).
 */
@ExtendWith(OutsideServices.Browser.class)
@AppContext
public abstract class BrowserTest {

	static final Path CHROMIUM = OutsideServices.chromium();

	static final Path CHROMEDRIVER = OutsideServices.chromedriver();

	static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

	@LocalServerPort
	protected int port;

	@Autowired
	protected NeedService needService;

	@Autowired
	protected ProjectService projectService;

	@Autowired
	protected ImplementationService implementationService;

	@Autowired
	protected Needs needs;

	@Autowired
	protected IdentityService identity;

	@Autowired
	protected TaskService taskService;

	/** Tests name their engine uniquely; Camunda's webapps address it by that name. */
	@Autowired
	protected org.camunda.bpm.engine.ProcessEngine engine;

	private final List<WebDriver> browsers = new ArrayList<>();

	private String testName;

	private int shot;

	@BeforeAll
	protected static void startChromedriver() throws IOException {
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		Files.createDirectories(SCREENSHOTS);
	}

	@org.junit.jupiter.api.BeforeEach
	protected void name(TestInfo info) {
		testName = info.getTestMethod().orElseThrow().getName();
	}

	@AfterEach
	protected void closeBrowsers() {
		browsers.forEach(WebDriver::quit);
	}

	// ---- helpers ------------------------------------------------------------------------------

	protected ServiceProject publishedProject(String title, String reporterName, String reporterPhone) {
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

	protected Actor actor(String user) {
		return new Actor(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
	}

	protected WebDriver browser(int width) {
		try {
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--lang=zh-CN", "--window-size=" + width + ",900",
					"--user-data-dir=" + Files.createTempDirectory("needsloop-chromium-"));
			if (width < 500) {
				// a desktop window is at least 500 px wide in headless Chromium: a phone is emulated instead
				options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
						java.util.Map.of("width", width, "height", 812, "pixelRatio", 1.0, "touch", true)));
			}
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

	protected void signIn(WebDriver browser, String user) {
		if (!browser.getCurrentUrl().contains("/login")) {
			browser.get(url("/login"));
		}
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys("demo");
		browser.findElement(By.id("login")).click();
		wait(browser).until(d -> !d.getCurrentUrl().contains("/login"));
	}

	protected String camundaUser(WebDriver browser) {
		Object user = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/camunda/api/admin/auth/user/' + arguments[0], { credentials: 'same-origin' })
				  .then(r => r.ok ? r.text() : String(r.status)).then(done, e => done(String(e)));""", engine.getName());
		return String.valueOf(user);
	}

	protected static boolean horizontalOverflow(WebDriver browser) {
		return (Boolean) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
	}

	protected static List<String> scriptErrors(WebDriver browser) {
		return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(m -> !m.contains("favicon.ico"))
			.toList();
	}

	protected byte[] download(WebDriver browser, String href) throws IOException, InterruptedException {
		String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create(url("/")).resolve(href)).header("Cookie", "JSESSIONID=" + session).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(() -> href + " answered " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		return response.body();
	}

	protected void screenshot(WebDriver browser, String name) {
		try {
			File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
			Files.copy(file.toPath(), SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", testName, ++shot, name)),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	protected static String unique() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

}
