package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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
import cn.needsloop.support.BrowserTest;
import cn.needsloop.shared.Actor;

/**
 * Camunda Tasklist's own chrome is in Chinese for a Chinese browser, and in English for an English
 * one: our {@code locales/zh.json} and {@code scripts/config.js} are served instead of the stock
 * English-only configuration. Headless Chromium ignores {@code --lang}, so each browser here is
 * given its languages ({@code navigator.languages}, {@code Accept-Language}) over DevTools.
 */
class TasklistChineseBrowserTests extends BrowserTest {

	@Test
	void tasklistSpeaksChineseToAChineseBrowser() {
		Task task = taskForSelfGovernance();
		WebDriver browser = browser(1280);
		languages(browser, "zh-CN,zh");
		signIn(browser, "selfgov1");
		browser.get(url("/camunda/app/tasklist/" + engine.getName() + "/#/?task=" + task.getId()));
		WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(40));
		WebElement claim = slow.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
		slow.until(d -> claim.getText().equals("认领"));
		// the form loads after the task's header: wait for its buttons before reading the page
		slow.until(d -> d.findElements(By.cssSelector("button[ng-click='complete()']")).stream()
			.anyMatch(button -> button.getText().equals("完成")));
		WebElement body = browser.findElement(By.tagName("body"));
		assertThat(body.getText()).contains("新建任务", "发起流程", "创建时间", "表单", "历史", "流程图", "描述", "保存", "完成")
			.doesNotContain("Start process", "Created", "History", "Diagram", "Description", "Keyboard Shortcuts");
		assertThat(browser.findElement(By.cssSelector("button[ng-click='complete()']")).getText()).isEqualTo("完成");
		screenshot(browser, "tasklist-zh-claim");

		claim.click();
		slow.until(d -> taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() != null);
		slow.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
		assertThat(browser.findElement(By.cssSelector("button[ng-click='complete()']")).getText()).isEqualTo("完成");
		assertThat(body.getText()).doesNotContain("Claim", "Complete");
		assertThat(browser.getPageSource()).doesNotContain("Error in localization configuration");
		screenshot(browser, "tasklist-zh-claimed");
	}

	@Test
	void tasklistStaysEnglishForAnEnglishBrowser() {
		Task task = taskForSelfGovernance();
		WebDriver browser = browser(1280);
		languages(browser, "en-US,en");
		signIn(browser, "selfgov1");
		browser.get(url("/camunda/app/tasklist/" + engine.getName() + "/#/?task=" + task.getId()));
		WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(40));
		WebElement claim = slow.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
		slow.until(d -> claim.getText().equals("Claim"));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("Start process", "Diagram");
		screenshot(browser, "tasklist-en");
	}

	@Test
	void tasklistShowsTheNeedsTitleChineseDropDownsNoMigrationBannerAndTheWayBack() {
		String title = "路灯不亮 " + unique();
		Need need = needService.report(new ReportNeed("xingfu", "xingfu-01", Channel.ONLINE, title, "3号楼前路灯坏了一周",
				"刘秀英", "13800000001", 1), actor("resident1"));
		Task task = taskService.createTaskQuery()
			.processInstanceId(needs.findById(need.getId()).orElseThrow().getProcessInstanceId())
			.taskDefinitionKey(Step.VERIFY_NEED)
			.singleResult();
		taskService.claim(task.getId(), "steward1");
		WebDriver browser = browser(1280);
		languages(browser, "zh-CN,zh");
		signIn(browser, "steward1");
		browser.get(url("/camunda/app/tasklist/" + engine.getName() + "/#/?task=" + task.getId()));
		WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(90));

		// the task form's drop-down asks in Chinese
		WebElement verdict = slow.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-select-display")));
		slow.until(d -> verdict.getText().equals("请选择"));
		screenshot(browser, "tasklist-zh-form");
		// the list says which need a task is about (the filter's variables, under the task's name)
		slow.until(d -> d.findElements(By.cssSelector(".variable-value")).stream().anyMatch(v -> v.getText().contains(title)));
		// no banner telling community workers to migrate to Camunda 8
		assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
		assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
		// and a way back to the app
		WebElement home = slow.until(ExpectedConditions.visibilityOfElementLocated(By.id("needsloop-home")));
		assertThat(home.getText()).contains("民需闭环");
		assertThat(home.getAttribute("href")).isEqualTo(url("/"));
		screenshot(browser, "tasklist-zh-need-title");
		home.click();
		slow.until(d -> !d.getCurrentUrl().contains("/camunda/"));
		assertThat(browser.getCurrentUrl()).contains("/steward");
	}

	private Task taskForSelfGovernance() {
		Actor steward = actor("steward1");
		Need need = needService.report(new ReportNeed("xingfu", "xingfu-01", Channel.SELF_GOVERNANCE,
				"楼道堆物 " + unique(), "楼道里堆放杂物，影响通行", "刘秀英", "13800000001", 1), actor("resident1"));
		needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "已核实"), steward);
		needService.classify(need.getId(), new Classify(Category.NEIGHBOR_DISPUTE, Urgency.NORMAL, Scope.INDIVIDUAL),
				steward);
		Task task = taskService.createTaskQuery()
			.processInstanceId(needs.findById(need.getId()).orElseThrow().getProcessInstanceId())
			.taskDefinitionKey(Step.RESOLVE_NEED)
			.singleResult();
		assertThat(task).isNotNull();
		return task;
	}

	/** The browser's languages, as a user sets them in Chromium's settings. */
	private static void languages(WebDriver browser, String languages) {
		String userAgent = (String) ((JavascriptExecutor) browser).executeScript("return navigator.userAgent;");
		((HasCdp) browser).executeCdpCommand("Emulation.setUserAgentOverride",
				Map.of("userAgent", userAgent, "acceptLanguage", languages));
	}

}
