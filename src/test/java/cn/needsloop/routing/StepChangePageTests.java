package cn.needsloop.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * 退单、重新派单、延期、转办 on a need's page, as its people see them: the line holding the resolution returns it, the
 * steward re-routes it and asks for more time, the manager decides, a steward transfers a need; the dashboard counts.
 */
class StepChangePageTests extends ApiTest {

	private int port() {
		return Integer.parseInt(api.base().replaceAll(".*:", ""));
	}

	@Test
	void aLineReturnsANeedOnItsPageAndTheStewardReroutesIt() {
		// an elderly-care need is settled by the steward line (grid workers): it holds the resolution on the need's page
		long id = api.individualNeed("独居老人助餐", "ELDERLY_CARE");
		PageSession steward = PageSession.signIn(port(), "steward1");
		Document page = steward.page("/needs/" + id);
		assertThat(page.select("#form-resolve, #form-return, #form-extension")).hasSize(3);
		assertThat(page.select("#form-transfer, #form-reroute")).isEmpty();

		assertThat(steward.post("/needs/" + id + "/return", List.of(Map.entry("reason", "需党员志愿者上门助餐"))).location())
			.endsWith("/needs/" + id);

		Document rerouting = steward.page("/needs/" + id);
		assertThat(rerouting.select("#form-reroute input[name=decision]").eachAttr("value"))
			.containsExactly("ANOTHER_LINE", "RECLASSIFY", "TRANSFER");
		assertThat(rerouting.select("#timeline").text()).contains("退单：需党员志愿者上门助餐");
		steward.post("/needs/" + id + "/reroute", List.of(Map.entry("decision", "ANOTHER_LINE"), Map.entry("line", "PARTY"),
				Map.entry("communityCode", ""), Map.entry("note", "请双报到党员助餐")));
		assertThat(api.need(id).path("line").asText()).isEqualTo("PARTY");

		Document dashboard = PageSession.signIn(port(), "manager1").page("/manager?communityCode=xingfu");
		assertThat(dashboard.select("#table-returns tbody tr").text()).contains("民需管家服务站", "养老助餐");
	}

	@Test
	void aStewardAsksForMoreTimeAndTransfersOnTheNeedsPage() {
		long id = api.reportedNeed("村口路灯");
		PageSession steward = PageSession.signIn(port(), "steward1");
		Document page = steward.page("/needs/" + id);
		assertThat(page.select("#form-transfer option").eachAttr("value")).contains("dongshan").doesNotContain("xingfu");

		String due = api.need(id).path("verificationDueAt").asText();
		String asked = java.time.Instant.parse(due).plus(java.time.Duration.ofDays(1))
			.atZone(cn.needsloop.shared.ChinaTime.ZONE).toLocalDateTime().toString().substring(0, 16);
		steward.post("/needs/" + id + "/extension", List.of(Map.entry("due", asked), Map.entry("reason", "等物业监控")));
		PageSession lead = PageSession.signIn(port(), "lead1");
		assertThat(lead.page("/needs/" + id).select("#form-decide-extension")).hasSize(1);
		lead.post("/needs/" + id + "/extension/decision", List.of(Map.entry("granted", "true"), Map.entry("note", "同意")));
		assertThat(steward.page("/needs/" + id).select("#timeline").text()).contains("延期已批准");

		steward.post("/needs/" + id + "/transfer", List.of(Map.entry("communityCode", "dongshan"), Map.entry("reason", "属东山村")));
		assertThat(api.as("steward2").get("/api/needs/" + id).expect(200).path("communityCode").asText()).isEqualTo("dongshan");
	}
}
