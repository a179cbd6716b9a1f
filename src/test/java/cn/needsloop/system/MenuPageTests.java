package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * Each role's menu offers what that role can use: a resident reports and follows needs, requests certificates and
 * takes part in consultations, and is not offered the workbench of the lines, dispatches, dual registration or
 * Camunda Tasklist; the party line is. The workbench of the party and self-governance lines is titled as its menu
 * entry, and offers only the bulk actions its user may take.
 */
class MenuPageTests extends ApiTest {

	private int port() {
		return Integer.parseInt(api.base().replaceAll(".*:", ""));
	}

	private List<String> menu(String user) {
		Document page = PageSession.signIn(port(), user).page("/resident");
		return page.select("header.topbar nav a").eachAttr("href");
	}

	@Test
	void aResidentIsOfferedOnlyWhatAResidentUses() {
		assertThat(menu("resident1")).contains("/resident", "/consultations", "/certificates", "/public")
			.doesNotContain("/tasks", "/dispatches", "/registrations", "/camunda/app/tasklist/", "/steward");
		// a resident who is a party member finds dual registration and their invitations on their start page
		Document home = PageSession.signIn(port(), "resident1").page("/resident");
		assertThat(home.select("#link-registrations").attr("href")).isEqualTo("/registrations");
		assertThat(home.select("#link-dispatches").attr("href")).isEqualTo("/dispatches");
	}

	@Test
	void staffAreOfferedTheirWorkbenchDispatchesRegistrationsAndTasklist() {
		assertThat(menu("party1")).contains("/tasks", "/dispatches", "/registrations", "/camunda/app/tasklist/");
		assertThat(menu("steward1")).contains("/steward", "/steward/pool", "/dispatches", "/registrations",
				"/camunda/app/tasklist/").doesNotContain("/tasks");
		assertThat(menu("manager1")).contains("/manager", "/tasks", "/camunda/app/tasklist/");
	}

	@Test
	void thePartyLinesWorkbenchIsTitledAsItsMenuEntryAndOffersNoVerification() {
		// a project waiting for the party line's approval
		api.designedProject("ELDERLY_CARE", List.of(api.pooledNeed("待办标题", "ELDERLY_CARE")), List.of("第一阶段"));
		Document party = PageSession.signIn(port(), "party1").page("/tasks");
		String entry = party.select("header.topbar nav a[href=/tasks]").text();
		assertThat(party.selectFirst("h1").text()).isEqualTo(entry).isEqualTo("我的待办");
		assertThat(party.title()).startsWith(entry);
		assertThat(party.select("#bulk-form")).as("party1 has tasks to act on").isNotEmpty();
		assertThat(party.select("#bulk-verify, #bulk-note")).isEmpty();
		assertThat(party.text()).doesNotContain("核实为属实");

		Document steward = PageSession.signIn(port(), "steward1").page("/steward");
		String stewardEntry = steward.select("header.topbar nav a[href=/steward]").text();
		assertThat(steward.selectFirst("h1").text()).isEqualTo(stewardEntry).isEqualTo("我的工作台");
	}
}
