package cn.needsloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;
import cn.needsloop.support.PageSession.Page;

/**
 * The report page (residents and stewards alike) carries an idempotency key in its form: a double click or a
 * reload that sends the form again reports one need.
 */
class ReportPageTests extends ApiTest {

	@LocalServerPort
	private int port;

	private static String key(Document form) {
		return form.selectFirst("#form-report input[name=idempotencyKey]").val();
	}

	private static List<Map.Entry<String, String>> fields(String key, String title) {
		return List.of(Map.entry("channel", "ONLINE"), Map.entry("idempotencyKey", key),
				Map.entry("communityCode", "xingfu"), Map.entry("title", title),
				Map.entry("description", "单元门禁坏了，老人进出不便"), Map.entry("reporterName", "刘秀英"),
				Map.entry("reporterPhone", "13800000001"));
	}

	@Test
	void theFormNamesTheCommunitiesAndOffersTheirGrids() {
		PageSession resident = PageSession.signIn(port, "resident1");
		Document form = resident.page("/resident/report");
		assertThat(form.select("#communityCode option").eachText()).contains("幸福社区", "东山村").doesNotContain("");
		assertThat(form.selectFirst("#communityCode option[value=xingfu]").text()).isEqualTo("幸福社区");
		// the grid is optional: the first choice is none, then each community's grids under its name
		assertThat(form.selectFirst("#gridCode option").val()).isEmpty();
		assertThat(form.select("#gridCode optgroup[data-community=xingfu] option").eachAttr("value"))
			.containsExactly("xingfu-01", "xingfu-02");
		assertThat(form.selectFirst("#gridCode optgroup[data-community=xingfu]").attr("label")).isEqualTo("幸福社区");
		assertThat(form.select("#gridCode optgroup[data-community=dongshan] option").eachAttr("value"))
			.containsExactly("dongshan-01");
	}

	@Test
	void aNeedReportedWithAGridJoinsItAndWithoutOneJoinsNone() {
		PageSession resident = PageSession.signIn(port, "resident1");
		List<Map.Entry<String, String>> withGrid = new ArrayList<>(fields(key(resident.page("/resident/report")),
				"网格 " + Api.unique()));
		withGrid.add(Map.entry("gridCode", "xingfu-02"));
		Page reported = resident.post("/resident/report", withGrid);
		assertThat(reported.location()).matches(".*/needs/\\d+");
		long id = Long.parseLong(reported.location().replaceAll(".*/", ""));
		assertThat(api.as("resident1").get("/api/needs/" + id).expect(200).path("gridCode").asText()).isEqualTo("xingfu-02");

		List<Map.Entry<String, String>> noGrid = new ArrayList<>(fields(key(resident.page("/resident/report")),
				"不选网格 " + Api.unique()));
		noGrid.add(Map.entry("gridCode", ""));
		Page second = resident.post("/resident/report", noGrid);
		assertThat(second.location()).matches(".*/needs/\\d+");
		long other = Long.parseLong(second.location().replaceAll(".*/", ""));
		assertThat(api.as("resident1").get("/api/needs/" + other).expect(200).path("gridCode").isNull()).isTrue();

		List<Map.Entry<String, String>> otherCommunity = new ArrayList<>(fields(key(resident.page("/resident/report")),
				"别的社区的网格 " + Api.unique()));
		otherCommunity.add(Map.entry("gridCode", "dongshan-01"));
		assertThat(resident.post("/resident/report", otherCommunity).location()).doesNotMatch(".*/needs/\\d+");
	}

	@Test
	void eachFormShownCarriesAKeyOfItsOwn() {
		PageSession resident = PageSession.signIn(port, "resident1");
		String first = key(resident.page("/resident/report"));
		String second = key(resident.page("/resident/report"));
		assertThat(first).isNotBlank().isNotEqualTo(second);
	}

	@Test
	void sendingTheFormAgainReportsOneNeed() {
		PageSession resident = PageSession.signIn(port, "resident1");
		String key = key(resident.page("/resident/report"));
		String title = "门禁坏了 " + Api.unique();
		long before = api.needCount();

		Page first = resident.post("/resident/report", fields(key, title));
		Page reload = resident.post("/resident/report", fields(key, title));

		assertThat(first.status()).isEqualTo(302);
		assertThat(first.location()).matches(".*/needs/\\d+");
		assertThat(reload.status()).isEqualTo(302);
		assertThat(reload.location()).isEqualTo(first.location());
		assertThat(api.needCount()).isEqualTo(before + 1);
		assertThat(resident.follow(reload).body()).contains(title);
	}

	@Test
	void aDoubleClickOfTheStewardReportsOneNeed() {
		PageSession steward = PageSession.signIn(port, "steward1");
		String key = key(steward.page("/resident/report"));
		String title = "双击上报 " + Api.unique();
		long before = api.needCount();
		List<Supplier<Page>> clicks = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			clicks.add(() -> steward.post("/resident/report", fields(key, title)));
		}

		List<Page> answers = Api.atOnce(clicks);

		assertThat(answers).extracting(Page::status).containsOnly(302);
		assertThat(answers.get(1).location()).isEqualTo(answers.get(0).location()).matches(".*/needs/\\d+");
		assertThat(api.needCount()).isEqualTo(before + 1);
	}

	@Test
	void aFormFromTheHistorySentWithOtherFieldsComesBackWithThem() {
		PageSession resident = PageSession.signIn(port, "resident1");
		String key = key(resident.page("/resident/report"));
		assertThat(resident.post("/resident/report", fields(key, "第一件事 " + Api.unique())).status()).isEqualTo(302);
		long before = api.needCount();

		String other = "另一件事 " + Api.unique();
		Page back = resident.post("/resident/report", fields(key, other));

		assertThat(back.location()).endsWith("/resident/report");
		Document form = resident.page("/resident/report");
		assertThat(form.selectFirst("#flash-refused").text()).contains("此表单已提交过其他内容");
		assertThat(form.selectFirst("#title").val()).isEqualTo(other);
		assertThat(key(form)).isNotEqualTo(key);
		assertThat(api.needCount()).isEqualTo(before);
		assertThat(resident.post("/resident/report", fields(key(form), other)).location()).matches(".*/needs/\\d+");
		assertThat(api.needCount()).isEqualTo(before + 1);
	}

	@Test
	void theStewardSeesOnTheVerifyAndClassifyStepsTheWordsThatDecidedAndAnUrgentMarkIsKept() {
		PageSession resident = PageSession.signIn(port, "resident1");
		String key = key(resident.page("/resident/report"));
		String title = "楼上太吵 " + Api.unique();
		List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("channel", "ONLINE"),
				Map.entry("idempotencyKey", key), Map.entry("communityCode", "xingfu"), Map.entry("title", title),
				Map.entry("description", "楼上天天半夜蹦跶，说了好几次都不听"), Map.entry("reporterName", "刘秀英"),
				Map.entry("reporterPhone", "13800000001"), Map.entry("urgent", "true")));
		Page reported = resident.post("/resident/report", fields);
		String path = reported.location().replaceAll("^.*(/needs/\\d+)$", "$1");

		PageSession steward = PageSession.signIn(port, "steward1");
		Document verify = steward.page(path);
		assertThat(verify.selectFirst("#verify-reading").text()).contains("邻里纠纷").contains("上报人标记为紧急");
		List<String> words = verify.select("#verify-reading mark.decisive-word").eachText();
		assertThat(words).isNotEmpty().allSatisfy(w -> assertThat(title + "。楼上天天半夜蹦跶，说了好几次都不听").contains(w));

		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		api.verify("steward1", id, "GENUINE").expect(200);
		Document classify = steward.page(path);
		assertThat(classify.select("#classify-reading mark.decisive-word").eachText()).isEqualTo(words);
		assertThat(api.as("steward1").get("/api/needs/" + id).expect(200).path("proposedUrgency").asText())
			.isEqualTo("URGENT");
	}
}
