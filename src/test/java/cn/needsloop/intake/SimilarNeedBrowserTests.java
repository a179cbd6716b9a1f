package cn.needsloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.shared.Channel;
import cn.needsloop.support.BrowserTest;

/**
 * 我也有此需求 in a real browser (issue 13): a resident writing about a broken light already reported is offered the
 * open need as they type, joins it with one click, and no second need is reported.
 */
class SimilarNeedBrowserTests extends BrowserTest {

	@Test
	void aResidentWritingAboutABrokenLightAlreadyReportedJoinsTheOpenNeed() {
		int building = 900 + (int) (System.nanoTime() % 90);
		Need open = needService.report(new ReportNeed("xingfu", null, Channel.STEWARD_STATION, building + "号楼楼道灯坏了",
				building + "号楼二单元三楼到五楼的声控灯都不亮，晚上上楼只能用手机照", "王大爷", "13800000002", 1), actor("steward1"));
		long needsBefore = needs.count();

		WebDriver phone = browser(375);
		signIn(phone, "resident1");
		phone.get(url("/resident/report"));
		new Select(phone.findElement(By.id("communityCode"))).selectByValue("xingfu");
		phone.findElement(By.id("reporterName")).sendKeys("刘秀英");
		phone.findElement(By.id("reporterPhone")).sendKeys("13800000001");
		phone.findElement(By.id("title")).sendKeys(building + "号楼楼梯灯不亮");
		phone.findElement(By.id("description")).sendKeys("二单元晚上楼梯一片漆黑，声控灯坏了好久");
		By offered = By.cssSelector("#similar-needs .similar-need[data-need='" + open.getId() + "'] button");
		new WebDriverWait(phone, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(offered));
		assertThat(phone.findElement(By.cssSelector("#similar-needs h2")).getText()).isEqualTo("这些诉求可能和您的一样");
		assertThat(phone.findElement(offered).getText()).isEqualTo("我也有此需求");
		screenshot(phone, "similar-offered");

		phone.findElement(offered).click();
		new WebDriverWait(phone, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("joined")));
		assertThat(phone.findElement(By.id("joined")).getText()).contains("#" + open.getId());
		assertThat(scriptErrors(phone)).isEmpty();
		screenshot(phone, "similar-joined");
		assertThat(needs.findById(open.getId()).orElseThrow().getHouseholdCount()).isEqualTo(2);
		assertThat(needs.count()).as("no second need").isEqualTo(needsBefore);
	}
}
