package cn.needsloop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.needsloop.support.OutsideServices;

/**
 * The manager's dashboard in a real browser (the system's headless Chromium), timed from the start of the navigation:
 * the page's HTML received, every chart painted (its canvas on the page, the opening animation begun) and every chart
 * finished (the animation over: ECharts' {@code finished}, which the page marks {@code data-finished}). Run by
 * {@code bench/dashboard.sh}; prints p50, p95 and max of each over the timed loads. Timings only, never asserted.
 * <pre>
 * DashboardTiming --url http://localhost:8080 --user m-1 --password Bench-Loop-2026x --warmup 2 --times 10 [--path /manager]
 * </pre>
 */
public final class DashboardTiming {

	private static final String ALL_PAINTED = "var charts = document.querySelectorAll('.chart');"
			+ "return charts.length > 0 && Array.prototype.every.call(charts, function (c) {"
			+ " return c.dataset.empty === 'true' || c.querySelector('canvas') !== null; })"
			+ " ? performance.now() : null;";

	private static final String ALL_FINISHED = "var charts = document.querySelectorAll('.chart');"
			+ "return charts.length > 0 && Array.prototype.every.call(charts, function (c) {"
			+ " return c.dataset.finished === 'true'; }) ? performance.now() : null;";

	private static final String HTML_RECEIVED = "return performance.getEntriesByType('navigation')[0].responseEnd;";

	private DashboardTiming() {
	}

	public static void main(String[] args) throws Exception {
		String url = "http://localhost:8080", user = "m-1", password = DistrictPlan.DEFAULT_PASSWORD, path = "/manager";
		int warmup = 2, times = 10;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--url" -> url = args[i + 1];
				case "--user" -> user = args[i + 1];
				case "--password" -> password = args[i + 1];
				case "--path" -> path = args[i + 1];
				case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
				case "--times" -> times = Integer.parseInt(args[i + 1]);
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(OutsideServices.chromium().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--lang=zh-CN", "--window-size=1400,900");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(OutsideServices.chromedriver().toFile())
			.usingAnyFreePort()
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		try {
			driver.get(url + "/login");
			driver.findElement(By.id("username")).sendKeys(user);
			driver.findElement(By.id("password")).sendKeys(password);
			driver.findElement(By.id("login")).click();
			new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.getCurrentUrl().contains("/login"));
			List<Double> html = new ArrayList<>(), painted = new ArrayList<>(), finished = new ArrayList<>();
			JavascriptExecutor js = (JavascriptExecutor) driver;
			for (int i = 0; i < warmup + times; i++) {
				driver.get(url + path);
				WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(5));
				double paintedAt = ((Number) wait.until(d -> js.executeScript(ALL_PAINTED))).doubleValue();
				double finishedAt = ((Number) wait.until(d -> js.executeScript(ALL_FINISHED))).doubleValue();
				if (i >= warmup) {
					html.add(((Number) js.executeScript(HTML_RECEIVED)).doubleValue());
					painted.add(paintedAt);
					finished.add(finishedAt);
				}
			}
			System.out.printf(Locale.ROOT, "| %s as %s, %d loads (ms) | p50 | p95 | max |%n| --- | ---: | ---: | ---: |%n",
					path, user, times);
			row("HTML received", html);
			row("every chart painted", painted);
			row("every chart finished (animation over)", finished);
		}
		finally {
			driver.quit();
		}
	}

	private static void row(String what, List<Double> ms) {
		List<Double> sorted = new ArrayList<>(ms);
		Collections.sort(sorted);
		System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f |%n", what, at(sorted, 0.5), at(sorted, 0.95),
				sorted.get(sorted.size() - 1));
	}

	private static double at(List<Double> sorted, double p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
	}
}
