package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.evidence.TestFiles;
import cn.needsloop.field.HouseholdRequests.SaveHousehold;
import cn.needsloop.field.HouseholdService;
import cn.needsloop.field.HouseholdView;
import cn.needsloop.field.PatrolService;
import cn.needsloop.support.BrowserTest;

/**
 * The field side on a phone: a grid worker on a 375 px phone opens the day's patrol, records a visit with a photo
 * taken through the file input, reports a finding with a photo, and the steward sees the finding with its photo on
 * the need's page.
 */
class FieldWorkBrowserTests extends BrowserTest {

	@Autowired
	PatrolService patrols;

	@Autowired
	HouseholdService households;

	@Autowired
	WorkingCalendar calendar;

	@Test
	void aGridWorkerOnAPhoneVisitsWithAPhotoReportsAFindingAndTheStewardSeesItWithThePhoto() throws IOException {
		LocalDate day = HouseholdService.today();
		while (!calendar.isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		String head = "测试户" + unique();
		HouseholdView household = households.save("xingfu", new SaveHousehold("xingfu-01", "9", "1", unique(), null, null,
				head, "13800001234", "独居老人"), actor("steward1"));
		patrols.plan(day);
		Long patrol = patrols.open(actor("grid1")).stream()
			.filter(p -> !p.getPatrolDay().isBefore(HouseholdService.today()))
			.findFirst()
			.orElseThrow()
			.getId();
		Path photo = Files.createTempFile("visit-", ".jpg");
		Files.write(photo, TestFiles.jpegWithGps(800, 600, 1));
		Path findingPhoto = Files.createTempFile("finding-", ".jpg");
		Files.write(findingPhoto, TestFiles.jpegWithGps(640, 480, 1));

		WebDriver phone = browser(375);
		signIn(phone, "grid1");
		phone.get(url("/patrols/" + patrol));
		String card = "#household-" + household.id();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(card)));
		assertThat(phone.findElement(By.cssSelector(card)).getText()).contains(head).contains("13800001234");
		screenshot(phone, "patrol");

		// the visit: how it went, a note and a photo from the camera
		WebElement visit = phone.findElement(By.cssSelector(card + " form.visit"));
		visit.findElement(By.cssSelector("input[name=result][value=NEEDS_HELP]")).click();
		visit.findElement(By.name("note")).sendKeys("老人反映楼道灯不亮");
		visit.findElement(By.id("visit-photo-" + household.id())).sendKeys(photo.toString());
		screenshot(phone, "visit");
		visit.findElement(By.cssSelector("button[type=submit]")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-done")));
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(card + " .visit-photos img")));
		assertThat(loaded(phone, card + " .visit-photos img")).as("the visit's photo shows").isTrue();

		// the finding at that household, with its photo
		phone.findElement(By.cssSelector(card + " details:not(.spot) > summary")).click();
		WebElement finding = phone.findElement(By.cssSelector(card + " form.finding"));
		finding.findElement(By.id("title-" + household.id())).sendKeys("楼道灯不亮");
		finding.findElement(By.id("description-" + household.id())).sendKeys("9号楼1单元楼道灯不亮，独居老人夜里上下楼不便。");
		finding.findElement(By.id("finding-photo-" + household.id())).sendKeys(findingPhoto.toString());
		screenshot(phone, "finding");
		finding.findElement(By.cssSelector("button[type=submit]")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("reported-need")));
		String needPath = phone.findElement(By.cssSelector("#reported-need a")).getDomAttribute("href");
		long needId = Long.parseLong(needPath.replaceAll("\\D", ""));
		assertThat(horizontalOverflow(phone)).as("nothing wider than the phone").isFalse();
		assertThat(scriptErrors(phone)).isEmpty();
		screenshot(phone, "reported");

		WebDriver steward = browser(1280);
		signIn(steward, "steward1");
		steward.get(url("/needs/" + needId));
		wait(steward).until(ExpectedConditions.presenceOfElementLocated(By.id("evidence-gallery")));
		assertThat(steward.findElement(By.tagName("main")).getText()).contains("楼道灯不亮");
		assertThat(loaded(steward, "#evidence-gallery img.evidence-thumbnail")).as("the finding's photo shows").isTrue();
		screenshot(steward, "need-with-photo");
	}

	/** The image was fetched and decoded (its natural width is known). */
	private static boolean loaded(WebDriver browser, String selector) {
		wait(browser).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
				"const i = document.querySelector(arguments[0]); return i != null && i.complete;", selector));
		return (Boolean) ((JavascriptExecutor) browser).executeScript(
				"return document.querySelector(arguments[0]).naturalWidth > 0;", selector);
	}
}
