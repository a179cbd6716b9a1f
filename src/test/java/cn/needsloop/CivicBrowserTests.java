package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import cn.needsloop.shared.Channel;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.support.BrowserTest;

/**
 * The civic procedures in a real browser: a department submits work items and reads the admission
 * list's decision; a party member registers, the party line dispatches, the member answers on a phone
 * and the party line records the hours.
 */
class CivicBrowserTests extends BrowserTest {

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void departmentSubmitsWorkItemsAndSeesTheDecisions() {
		WebDriver phone = browser(375);
		signIn(phone, "dept1");
		assertThat(phone.getCurrentUrl()).as("a department starts at its work items").endsWith("/work-items");
		screenshot(phone, "work-items");
		phone.findElement(By.id("new-work-item")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("form-work-item")));
		String title = "低保申请入户调查 " + unique();
		phone.findElement(By.id("department")).sendKeys("市民政局");
		phone.findElement(By.id("title")).sendKeys(title);
		phone.findElement(By.id("legalBasis")).sendKeys("《社会救助暂行办法》第十一条");
		new Select(phone.findElement(By.id("itemType"))).selectByValue("MIN_LIVING_ALLOWANCE");
		phone.findElement(By.cssSelector("input[name=communityCodes][value=xingfu]")).click();
		assertThat(horizontalOverflow(phone)).as("the form fits a 375 px screen").isFalse();
		screenshot(phone, "submit-listed");
		phone.findElement(By.id("submit-work-item")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-done")));
		assertThat(phone.findElement(By.id("work-item-title")).getText()).isEqualTo(title);
		assertThat(phone.findElement(By.id("work-item-status")).getText()).isEqualTo("准入");
		assertThat(phone.findElement(By.id("decision-rule-id")).getText()).isEqualTo("ZR-01");
		assertThat(phone.findElement(By.id("decision-rule")).getText()).contains("居民最低生活保障");
		wait(phone).until(d -> "true".equals(d.findElement(By.id("diagram")).getDomAttribute("data-loaded")));
		assertThat(horizontalOverflow(phone)).as("the item's page fits a 375 px screen").isFalse();
		screenshot(phone, "admitted");

		phone.get(url("/work-items/new"));
		phone.findElement(By.id("department")).sendKeys("市创建办");
		phone.findElement(By.id("title")).sendKeys("文明社区创建考核排名 " + unique());
		phone.findElement(By.id("legalBasis")).sendKeys("市创建办通知");
		phone.findElement(By.cssSelector("input[name=communityCodes][value=xingfu]")).click();
		phone.findElement(By.id("submit-work-item")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-done")));
		assertThat(phone.findElement(By.id("work-item-status")).getText()).isEqualTo("不予准入");
		assertThat(phone.findElement(By.id("decision-rule")).getText()).contains("不得以行政命令的方式");
		screenshot(phone, "refused");

		phone.findElement(By.id("nav-work-items")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("work-items")));
		assertThat(phone.findElement(By.id("work-items")).getText()).contains(title);
		phone.findElement(By.id("admission-list")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("admission-rules")));
		assertThat(phone.findElement(By.id("admission-rules")).getText()).contains("ZR-01").contains("不予准入");
		assertThat(horizontalOverflow(phone)).as("the list scrolls inside its table, not the page").isFalse();
		screenshot(phone, "admission-list");
		assertThat(scriptErrors(phone)).isEmpty();
	}

	@Test
	void partyLineDispatchesAndAnInvitedMemberAnswersOnAPhone() {
		String member = "member-" + unique();
		User user = identity.newUser(member);
		user.setFirstName("赵党员");
		user.setLastName("");
		user.setPassword("demo");
		identity.saveUser(user);
		identity.createMembership(member, "resident");
		String skill = "水电维修" + unique();

		WebDriver phone = browser(375);
		signIn(phone, member);
		// a resident's menu leaves dual registration out: a party member finds it on their start page
		phone.findElement(By.id("link-registrations")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("form-register")));
		new Select(phone.findElement(By.id("communityCode"))).selectByValue("xingfu");
		phone.findElement(By.id("name")).sendKeys("赵党员");
		phone.findElement(By.id("unit")).sendKeys("市税务局");
		phone.findElement(By.id("phone")).sendKeys("13800003333");
		phone.findElement(By.id("skills")).sendKeys(skill + "，助老");
		screenshot(phone, "register");
		phone.findElement(By.id("submit-registration")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-done")));
		assertThat(phone.findElement(By.id("my-registrations")).getText()).contains("幸福社区").contains(skill);
		assertThat(horizontalOverflow(phone)).isFalse();
		screenshot(phone, "registered");

		Need need = needService.report(new ReportNeed("xingfu", "xingfu-01", Channel.PARTY, "独居老人家水管漏水 " + unique(),
				"需要懂水电维修的党员上门", "刘秀英", "13800000001", 1), actor("resident1"));
		WebDriver desk = browser(1280);
		signIn(desk, "party1");
		desk.findElement(By.id("nav-dispatches")).click();
		wait(desk).until(ExpectedConditions.presenceOfElementLocated(By.id("new-dispatch"))).click();
		wait(desk).until(ExpectedConditions.presenceOfElementLocated(By.id("form-dispatch")));
		new Select(desk.findElement(By.id("needId"))).selectByValue(need.getId().toString());
		desk.findElement(By.id("skill")).sendKeys(skill);
		desk.findElement(By.id("people")).clear();
		desk.findElement(By.id("people")).sendKeys("1");
		// a datetime-local input takes its text in the browser's locale order; set the ISO value as the picker does
		((JavascriptExecutor) desk).executeScript("arguments[0].value = arguments[1]", desk.findElement(By.id("at")),
				LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).withHour(9).withMinute(30)
					.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
		screenshot(desk, "new-dispatch");
		desk.findElement(By.id("submit-dispatch")).click();
		wait(desk).until(ExpectedConditions.presenceOfElementLocated(By.id("dispatch-status")));
		assertThat(desk.findElement(By.id("dispatch-status")).getText()).isEqualTo("邀请中");
		assertThat(desk.findElement(By.id("offers")).getText()).contains("赵党员").contains("待答复");
		String dispatchId = desk.getCurrentUrl().replaceAll(".*/dispatches/(\\d+).*", "$1");
		screenshot(desk, "dispatched");

		// the invitation, from the member's start page (a resident's menu leaves dispatches out)
		phone.get(url("/resident"));
		phone.findElement(By.id("link-dispatches")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("my-invitations")));
		String invitation = ".invitation[data-dispatch='" + dispatchId + "']";
		assertThat(phone.findElement(By.cssSelector(invitation)).getText()).contains(skill).contains("待答复");
		assertThat(horizontalOverflow(phone)).isFalse();
		screenshot(phone, "invitation");
		phone.findElement(By.cssSelector(invitation + " input[name=note]")).sendKeys("周六上午到");
		phone.findElement(By.cssSelector(invitation + " button.accept")).click();
		wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-done")));
		assertThat(phone.findElement(By.id("dispatch-status")).getText()).isEqualTo("已满员");
		assertThat(phone.findElement(By.id("offers")).getText()).contains("已接受").contains("周六上午到");
		assertThat(horizontalOverflow(phone)).isFalse();
		screenshot(phone, "answered");

		desk.navigate().refresh();
		assertThat(desk.findElement(By.id("dispatch-status")).getText()).isEqualTo("已满员");
		// hours are recorded after the service: the page says when, then (the clock past it) offers the form
		assertThat(desk.findElement(By.id("hours-after-service")).getText()).contains("之后可登记服务时长");
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(3))));
		desk.navigate().refresh();
		desk.findElement(By.cssSelector("form.hours input[name=hours]")).sendKeys("2.5");
		desk.findElement(By.cssSelector("form.hours button")).click();
		wait(desk).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-done")));
		assertThat(desk.findElement(By.id("hours")).getText()).contains("市税务局").contains("2.5");
		wait(desk).until(d -> "true".equals(d.findElement(By.id("diagram")).getDomAttribute("data-loaded")));
		screenshot(desk, "hours-recorded");
		assertThat(scriptErrors(desk)).isEmpty();
	}
}
