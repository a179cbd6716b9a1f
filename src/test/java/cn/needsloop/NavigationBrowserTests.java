package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import cn.needsloop.support.BrowserTest;

/**
 * Each demo user on a 375 px phone: signs in at the start page and reaches every page of their menu
 * by its links alone (no typed URL), and every one of those pages renders in their language, fits the
 * screen and runs without script errors.
 */
class NavigationBrowserTests extends BrowserTest {

	@Test
	void aResidentsMenuFitsTwoLinesOfAPhone() {
		WebDriver phone = browser(375);
		phone.get(url("/"));
		signIn(phone, "resident1");
		@SuppressWarnings("unchecked")
		List<Number> tops = (List<Number>) ((JavascriptExecutor) phone).executeScript(
				"return Array.from(document.querySelectorAll('header.topbar a, header.topbar button, header.topbar .who'))"
						+ ".filter(function (e) { return e.offsetParent !== null && !e.closest('.demo-banner'); })"
						+ ".map(function (e) { return Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2); });");
		Set<Long> lines = new java.util.TreeSet<>();
		for (Number top : tops) {
			// items of one line are centred within a few pixels of each other
			if (lines.stream().noneMatch(l -> Math.abs(l - top.longValue()) <= 8)) {
				lines.add(top.longValue());
			}
		}
		screenshot(phone, "resident-menu");
		assertThat(lines).as("lines of the resident's menu at 375 px").hasSizeLessThanOrEqualTo(2);
		assertThat(horizontalOverflow(phone)).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "steward1", "party1", "selfgov1", "org1", "manager1", "resident1", "dept1" })
	void everyMenuPageOpensFromTheStartPageOnAPhone(String user) {
		WebDriver phone = browser(375);
		phone.get(url("/"));
		signIn(phone, user);
		String home = phone.getCurrentUrl();
		assertThat(home).as("the start page sends %s home", user).doesNotEndWith("/login");
		screenshot(phone, user + "-home");

		Set<String> pages = new LinkedHashSet<>();
		for (WebElement link : phone.findElements(By.cssSelector("header.topbar nav a"))) {
			String href = link.getDomProperty("href");
			if (href.startsWith(url("/")) && !href.contains("lang=") && !href.contains("/camunda/")) {
				pages.add(href);
			}
		}
		assertThat(pages).as("%s's menu", user).isNotEmpty();
		for (String page : pages) {
			phone.get(page);
			String path = page.substring(url("").length());
			assertThat(phone.findElements(By.id("error-page"))).as("%s opening %s", user, path).isEmpty();
			assertThat(phone.findElement(By.tagName("h1")).getText()).as("%s's heading on %s", user, path)
				.isNotBlank()
				.containsPattern("\\p{IsHan}");
			assertThat(horizontalOverflow(phone)).as("%s fits 375 px", path).isFalse();
			assertThat(scriptErrors(phone)).as("script errors on %s", path).isEmpty();
			screenshot(phone, user + path.replaceAll("[^a-zA-Z0-9]+", "-"));
		}
	}
}
