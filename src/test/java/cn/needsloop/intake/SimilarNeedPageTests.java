package cn.needsloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;
import cn.needsloop.support.PageSession.Page;

/**
 * Similar needs on the pages: the report form offers open needs like the one being written ("这些诉求可能和您的一样")
 * with 我也有此需求, and the steward verifying a need sees ranked suggestions with a score, one click to mark it a
 * duplicate. The same service as the API ({@link SimilarNeedControllerTests}).
 */
class SimilarNeedPageTests extends ApiTest {

	@LocalServerPort
	private int port;

	private static final java.util.concurrent.atomic.AtomicInteger BUILDINGS = new java.util.concurrent.atomic.AtomicInteger(
			600 + (int) (System.nanoTime() % 300));

	/** The fields a form sends: its inputs with a name and a value, as a browser would send them. */
	private static List<Map.Entry<String, String>> fieldsOf(Element form) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		for (Element input : form.select("input[name], textarea[name]")) {
			if (!input.attr("name").equals("_csrf")) {
				fields.add(Map.entry(input.attr("name"), input.is("textarea") ? input.text() : input.val()));
			}
		}
		return fields;
	}

	@Test
	void aResidentWritingANeedIsOfferedTheOpenOneAndJoinsItInsteadOfReporting() {
		int b = BUILDINGS.addAndGet(11);
		long open = api.report("steward1", "xingfu", b + "号楼楼道灯坏了", b + "号楼一单元的声控灯全坏了，晚上上楼看不见台阶", 1);
		long needsBefore = api.needCount();

		PageSession resident = PageSession.signIn(port, "resident1");
		Document form = resident.page("/resident/report");
		assertThat(form.selectFirst("#find-similar").attr("formaction")).endsWith("/resident/report/similar");
		assertThat(form.selectFirst("#similar-needs").hasAttr("hidden")).as("nothing offered before asking").isTrue();
		assertThat(form.selectFirst("#similar-needs").attr("data-me-too")).isEqualTo("我也有此需求");

		Page asked = resident.post("/resident/report/similar", List.of(Map.entry("channel", "ONLINE"),
				Map.entry("idempotencyKey", form.selectFirst("input[name=idempotencyKey]").val()),
				Map.entry("communityCode", "xingfu"), Map.entry("gridCode", ""), Map.entry("title", b + "号楼楼梯灯不亮"),
				Map.entry("description", "一单元晚上楼梯一片漆黑"), Map.entry("reporterName", "刘秀英"),
				Map.entry("reporterPhone", "13800000001")));
		assertThat(asked.location()).endsWith("/resident/report");
		Document offered = resident.page("/resident/report");
		assertThat(offered.selectFirst("#similar-needs h2").text()).isEqualTo("这些诉求可能和您的一样");
		Element suggestion = offered.selectFirst("#similar-needs .similar-need[data-need=" + open + "]");
		assertThat(suggestion).as("the open need is offered: %s", offered.select("#similar-needs")).isNotNull();
		assertThat(suggestion.selectFirst(".similar-title").text()).startsWith(b + "号楼楼道灯坏了");
		// what was written stays in the form: asking never loses the report
		assertThat(offered.selectFirst("#title").val()).isEqualTo(b + "号楼楼梯灯不亮");
		Element meToo = suggestion.selectFirst("form.me-too");
		assertThat(meToo.selectFirst("button").text()).isEqualTo("我也有此需求");
		assertThat(meToo.selectFirst("input[name=reporterName]").val()).isEqualTo("刘秀英");

		Page joined = resident.post("/needs/" + open + "/me-too", fieldsOf(meToo));
		assertThat(joined.location()).endsWith("/resident");
		assertThat(resident.page("/resident").selectFirst("#joined").text()).contains("#" + open, "2 户");
		assertThat(api.as("steward1").get("/api/needs/" + open).expect(200).path("householdCount").asInt()).isEqualTo(2);
		assertThat(api.needCount()).as("no need was reported").isEqualTo(needsBefore);

		// joining again is refused (back to the page it came from, with the reason) and counts nothing
		Page again = resident.post("/needs/" + open + "/me-too", fieldsOf(meToo));
		assertThat(again.location()).doesNotEndWith("/resident");
		assertThat(api.as("steward1").get("/api/needs/" + open).expect(200).path("householdCount").asInt()).isEqualTo(2);
	}

	@Test
	void theStewardVerifyingANeedSeesRankedSuggestionsAndMarksADuplicateInOneClick() {
		int b = BUILDINGS.addAndGet(11);
		long original = api.report("steward1", "xingfu", b + "号楼下水道堵了", b + "号楼一楼下水道堵了，污水从地漏往外冒", 1);
		long later = api.report("resident1", "xingfu", b + "号楼一楼返水", b + "号楼一楼厨房下水返上来了，满屋子臭水，下水道堵了", 1);

		PageSession steward = PageSession.signIn(port, "steward1");
		Document page = steward.page("/needs/" + later);
		assertThat(page.selectFirst("#similar-needs h3").text()).isEqualTo("可能重复的诉求（按相似度排列）");
		Element suggestion = page.selectFirst("#similar-needs .similar-need[data-need=" + original + "]");
		assertThat(suggestion).as("ranked: %s", page.select("#similar-needs")).isNotNull();
		assertThat(suggestion.selectFirst(".similar-score").text()).matches("相似度 \\d+%");
		assertThat(page.select("#similar-needs .similar-need[data-need=" + later + "]")).isEmpty();
		Element oneClick = suggestion.selectFirst("form.duplicate-of");
		assertThat(oneClick.selectFirst("button").text()).isEqualTo("标记为其重复");

		Page marked = steward.post(oneClick.attr("action").replaceFirst("^https?://[^/]+", ""), fieldsOf(oneClick));
		assertThat(marked.location()).endsWith("/needs/" + later);
		var closed = api.as("steward1").get("/api/needs/" + later).expect(200).json();
		assertThat(closed.path("verificationVerdict").asText()).isEqualTo("DUPLICATE");
		assertThat(closed.path("duplicateOfId").asLong()).isEqualTo(original);

		// a resident sees no suggestions on their own need's page
		assertThat(PageSession.signIn(port, "resident1").page("/needs/" + later).select("#similar-needs")).isEmpty();
	}
}
