package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import cn.needsloop.shared.Channel;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.support.BrowserTest;

/**
 * The content security policy in a real browser: Chromium refuses a script injected into one of our pages,
 * and every page that runs scripts (the workbench's bulk actions, bpmn-js diagrams, the needs pool, the
 * ECharts dashboard with its tooltips, exports, Swagger UI, the administrators' locks page) still works
 * under it without a single refusal or script error. Camunda's Tasklist runs under Camunda's own policy.
 */
class ContentSecurityPolicyBrowserTests extends BrowserTest {

	private static boolean injectedScriptRan(WebDriver browser) {
		return (Boolean) ((JavascriptExecutor) browser).executeScript("""
				window.injected = false;
				const script = document.createElement('script');
				script.textContent = 'window.injected = true;';
				document.body.appendChild(script);
				return window.injected;""");
	}

	private static List<String> refusals(WebDriver browser) {
		return scriptErrors(browser);
	}

	@Test
	void theBrowserRefusesAScriptInjectedIntoOurPages() {
		WebDriver browser = browser(1280);
		browser.get(url("/public"));
		assertThat(injectedScriptRan(browser)).as("an inline script ran on /public").isFalse();
		assertThat(refusals(browser)).anySatisfy(m -> assertThat(m).contains("Content Security Policy"));
	}

	@Test
	void pagesThatRunScriptsWorkUnderThePolicy() {
		Need need = needService.report(new ReportNeed("xingfu", "xingfu-01", Channel.ONLINE, "内容安全策略 " + unique(),
				"页面脚本在内容安全策略下运行", "刘秀英", "13800000001", 1), actor("resident1"));
		WebDriver desk = browser(1280);
		signIn(desk, "steward1");
		// the workbench: bulk actions run from bulk.js
		desk.get(url("/steward"));
		WebElement all = desk.findElement(By.cssSelector("input.select-all"));
		assertThat(all.isDisplayed()).as("bulk.js shows select-all").isTrue();
		all.click();
		assertThat(desk.findElement(By.id("bulk-count")).getText()).doesNotContain("{0}");
		assertThat(refusals(desk)).as("on the workbench").isEmpty();
		// a need's page: bpmn-js draws its process
		desk.get(url("/needs/" + need.getId()));
		wait(desk).until(d -> "true".equals(d.findElement(By.id("diagram")).getDomAttribute("data-loaded")));
		assertThat(desk.findElements(By.cssSelector("#diagram svg"))).isNotEmpty();
		assertThat(refusals(desk)).as("on the need's page").isEmpty();
		desk.get(url("/steward/pool"));
		assertThat(refusals(desk)).as("on the needs pool").isEmpty();
		screenshot(desk, "steward");

		WebDriver manager = browser(1280);
		signIn(manager, "manager1");
		wait(manager).until(d -> "5".equals(d.findElement(By.id("charts")).getDomAttribute("data-rendered")));
		WebElement chart = manager.findElement(By.id("chart-channel"));
		wait(manager).until(d -> "true".equals(chart.getDomAttribute("data-finished")));
		// a tooltip: ECharts writes it as HTML with styles of its own
		new Actions(manager).moveToElement(chart).pause(500).moveByOffset(5, 5).pause(500).perform();
		screenshot(manager, "dashboard-tooltip");
		assertThat(refusals(manager)).as("on the dashboard").isEmpty();
		manager.findElement(By.id("kpi-needs")).click();
		wait(manager).until(d -> !d.findElements(By.id("export-form")).isEmpty());
		manager.findElement(By.cssSelector("#export-form button[type=submit]")).click();
		wait(manager).until(d -> "true".equals(d.findElement(By.id("export-form")).getDomAttribute("data-done")));
		assertThat(refusals(manager)).as("exporting a list").isEmpty();

		WebDriver admin = browser(1280);
		signIn(admin, "admin1");
		admin.get(url("/admin/locks"));
		assertThat(admin.findElement(By.tagName("h1")).getText()).isEqualTo("登录锁定");
		assertThat(refusals(admin)).as("on the locks page").isEmpty();
		admin.get(url("/camunda/app/tasklist/"));
		wait(admin).until(d -> !d.findElements(By.cssSelector("[cam-widget-header], .navbar")).isEmpty());
		assertThat(refusals(admin)).as("in Camunda Tasklist").noneSatisfy(m -> assertThat(m).contains("Content Security Policy"));

		// Swagger UI is for signed-in users
		WebDriver anyone = browser(1280);
		signIn(anyone, "steward1");
		anyone.get(url("/swagger-ui/index.html"));
		wait(anyone).until(d -> !d.findElements(By.cssSelector(".swagger-ui .info")).isEmpty());
		screenshot(anyone, "swagger");
		assertThat(refusals(anyone)).as("in Swagger UI").isEmpty();
	}
}
