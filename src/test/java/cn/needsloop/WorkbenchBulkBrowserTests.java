package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.needsloop.shared.Channel;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.shared.Phase;
import cn.needsloop.intake.VerificationVerdict;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.support.BrowserTest;

/**
 * The steward's Monday morning on the workbench: tick several tasks, run a bulk action, watch its
 * progress reach 100 % and read the summary; and the friendly page for a page one may not open.
 */
class WorkbenchBulkBrowserTests extends BrowserTest {

	@Test
	void stewardClaimsSeveralTasksThenVerifiesThemAsGenuineWithProgress() {
		List<Need> reported = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			reported.add(needService.report(new ReportNeed("xingfu", "xingfu-01", Channel.STEWARD_STATION,
					"楼道灯不亮 " + i + " " + unique(), "居民反映楼道灯坏了", "刘秀英", "13800000001", 1), actor("resident1")));
		}
		WebDriver desk = browser(1280);
		signIn(desk, "steward1");
		assertThat(desk.getCurrentUrl()).endsWith("/steward");
		for (Need need : reported) {
			row(desk, "claimable-tasks", need).findElement(By.cssSelector("input.select-task")).click();
		}
		assertThat(desk.findElement(By.id("bulk-count")).getText()).isEqualTo("已选 4 项");
		screenshot(desk, "ticked");
		// meanwhile a colleague takes the last one in Tasklist
		taskService.claim(verifyTask(reported.get(3)).getId(), "colleague");

		desk.findElement(By.id("bulk-claim")).click();
		wait(desk).until(ExpectedConditions.presenceOfElementLocated(By.id("bulk-summary")));
		assertThat(desk.findElement(By.id("bulk-status")).getText()).isEqualTo("4 / 4 (100%)");
		assertThat(desk.findElement(By.cssSelector("#bulk-progress > div")).getDomAttribute("style")).contains("100%");
		assertThat(desk.findElement(By.id("bulk-summary-done")).getText()).isEqualTo("共 4 项，已办理 3 项。");
		assertThat(desk.findElement(By.id("bulk-failures")).getText()).contains("已被他人认领");
		assertThat(row(desk, "claimable-tasks", reported.get(0)).getDomAttribute("class")).contains("bulk-done");
		assertThat(row(desk, "claimable-tasks", reported.get(3)).getDomAttribute("class")).contains("bulk-failed");
		screenshot(desk, "claimed");
		for (Need need : reported.subList(0, 3)) {
			assertThat(verifyTask(need).getAssignee()).isEqualTo("steward1");
		}
		assertThat(verifyTask(reported.get(3)).getAssignee()).isEqualTo("colleague");
		assertThat(scriptErrors(desk)).isEmpty();

		// the three are now the steward's own: verify them as genuine at once, on a phone
		WebDriver phone = browser(375);
		signIn(phone, "steward1");
		phone.findElement(By.cssSelector("table[data-group=mine] input.select-all")).click();
		for (Need need : reported.subList(0, 3)) {
			assertThat(row(phone, "my-tasks", need).findElement(By.cssSelector("input.select-task")).isSelected()).isTrue();
		}
		phone.findElement(By.id("bulk-note")).sendKeys("已逐户上门查看，情况属实");
		screenshot(phone, "verify-ticked");
		phone.findElement(By.id("bulk-verify")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("bulk-summary")));
		assertThat(phone.findElement(By.id("bulk-status")).getText()).endsWith("(100%)");
		assertThat(phone.findElement(By.id("bulk-summary")).getText()).contains("批量核实完成");
		assertThat(horizontalOverflow(phone)).as("the workbench fits a 375 px screen").isFalse();
		screenshot(phone, "verified");
		for (Need need : reported.subList(0, 3)) {
			Need now = needs.findById(need.getId()).orElseThrow();
			assertThat(now.getVerificationVerdict()).isEqualTo(VerificationVerdict.GENUINE);
			assertThat(now.getPhase()).isEqualTo(Phase.CATEGORIZE);
		}
		WebElement summary = phone.findElement(By.id("bulk-summary"));
		phone.findElement(By.id("bulk-refresh")).click();
		wait(phone).until(ExpectedConditions.stalenessOf(summary));
		for (Need need : reported.subList(0, 3)) {
			assertThat(phone.findElements(By.cssSelector("tr[data-need-id='" + need.getId() + "'][data-task-key='"
					+ Step.VERIFY_NEED + "']"))).isEmpty();
		}
		screenshot(phone, "refreshed");
		assertThat(scriptErrors(phone)).isEmpty();
	}

	@Test
	void aResidentOpeningTheDashboardSeesTheFriendlyForbiddenPage() {
		WebDriver phone = browser(375);
		signIn(phone, "resident1");
		phone.get(url("/manager"));
		assertThat(phone.findElement(By.id("error-title")).getText()).isEqualTo("无权访问此页面");
		assertThat(phone.findElement(By.id("error-who")).getText()).contains("刘秀英（resident1）");
		assertThat(horizontalOverflow(phone)).isFalse();
		screenshot(phone, "forbidden-zh");
		phone.findElement(By.id("lang-en")).click();
		wait(phone).until(ExpectedConditions.textToBe(By.id("error-title"), "No permission for this page"));
		screenshot(phone, "forbidden-en");
		phone.findElement(By.id("error-home")).click();
		wait(phone).until(ExpectedConditions.urlContains("/resident"));
		phone.get(url("/no-such-page?lang=zh-CN"));
		assertThat(phone.findElement(By.id("error-title")).getText()).isEqualTo("页面不存在");
		screenshot(phone, "not-found");
	}

	private WebElement row(WebDriver browser, String table, Need need) {
		return browser.findElement(By.cssSelector("#" + table + " tr[data-need-id='" + need.getId() + "']"));
	}

	private Task verifyTask(Need need) {
		return taskService.createTaskQuery()
			.processInstanceId(needs.findById(need.getId()).orElseThrow().getProcessInstanceId())
			.taskDefinitionKey(Step.VERIFY_NEED)
			.singleResult();
	}
}
