package cn.needsloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * Everyone's notification settings page: the channels the deployment sends on (e-mail in the tests), their own
 * address only, quiet hours, language, the digest for stewards; refused input explained in the person's language
 * and nothing saved, checked as the API checks it.
 */
class NotificationSettingsPageTests extends ApiTest {

	private static final String PAGE = "/settings/notifications";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void inAppOnlyAgain() {
		jdbc.update("delete from notification_preference where user_id in ('steward1', 'resident1', 'selfgov1')");
	}

	private static List<Map.Entry<String, String>> form(String... pairs) {
		List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.add(Map.entry(pairs[i], pairs[i + 1]));
		}
		return fields;
	}

	@Test
	void aResidentChoosesEmailAndQuietHoursOnThePage() {
		PageSession resident = PageSession.signIn(port, "resident1");
		Document page = resident.page("/resident");
		assertThat(page.getElementById("nav-notification-settings").attr("href")).endsWith(PAGE);

		page = resident.page(PAGE);
		assertThat(page.select("h1").text()).isEqualTo("我的通知设置");
		assertThat(page.select("input[name=channels]").eachAttr("value")).as("only what the deployment sends on")
			.containsExactly("EMAIL");
		assertThat(page.getElementById("phone")).isNull();
		assertThat(page.getElementById("wechatOpenId")).isNull();
		assertThat(page.getElementById("email").val()).as("the account's address offered").isEqualTo("resident1@demo.needsloop.cn");
		assertThat(page.getElementById("digest")).as("the digest is for stewards").isNull();
		assertThat(page.select("#form-notification-settings input[name=_csrf]")).isNotEmpty();

		PageSession.Page saved = resident.post(PAGE, form("channels", "EMAIL", "_channels", "on", "email",
				"resident1@mail.example.cn", "quietFrom", "22:30", "quietUntil", "06:45", "locale", "en"));
		assertThat(saved.status()).isEqualTo(302);
		Document after = resident.follow(saved).document();
		assertThat(after.getElementById("flash-done").text()).isEqualTo("通知设置已保存。");
		assertThat(after.getElementById("channel-EMAIL").hasAttr("checked")).isTrue();
		assertThat(after.getElementById("email").val()).isEqualTo("resident1@mail.example.cn");
		assertThat(after.getElementById("quietFrom").val()).isEqualTo("22:30");
		assertThat(after.select("#locale option[selected]").val()).isEqualTo("en");

		JsonNode api = this.api.as("resident1").get("/api/notifications/preferences").expect(200).json();
		assertThat(api.path("channels").toString()).isEqualTo("[\"EMAIL\"]");
		assertThat(api.path("quietUntil").asText()).isEqualTo("06:45");
		assertThat(api.path("locale").asText()).isEqualTo("en");

		// unticking every channel: in-app only again, the address kept
		resident.follow(resident.post(PAGE, form("_channels", "on", "email", "resident1@mail.example.cn", "locale", "zh-CN")));
		assertThat(this.api.as("resident1").get("/api/notifications/preferences").expect(200).json().path("channels").toString())
			.isEqualTo("[]");

		// someone else's page shows their own settings, never this address
		Document other = PageSession.signIn(port, "selfgov1").page(PAGE);
		assertThat(other.getElementById("email").val()).isNotEqualTo("resident1@mail.example.cn");
		assertThat(other.html()).doesNotContain("resident1@mail.example.cn");
	}

	@Test
	void badInputIsExplainedInChineseAndChangesNothing() {
		PageSession resident = PageSession.signIn(port, "resident1");
		resident.page(PAGE);
		PageSession.Page refused = resident.post(PAGE, form("channels", "EMAIL", "_channels", "on", "email", "not-an-address"));
		assertThat(refused.status()).isEqualTo(302);
		Document page = resident.follow(refused).document();
		assertThat(page.getElementById("flash-error").text()).isEqualTo("电子邮箱：请填写有效的电子邮件地址。");
		assertThat(page.getElementById("email").val()).as("what was typed, kept").isEqualTo("not-an-address");
		assertThat(jdbc.queryForObject("select count(*) from notification_preference where user_id = 'resident1'", Integer.class))
			.isZero();

		page = resident.follow(resident.post(PAGE, form("_channels", "on", "quietFrom", "22:00"))).document();
		assertThat(page.getElementById("flash-error").text()).isEqualTo("免打扰结束时间：免打扰时段须同时填写开始和结束时间（时:分，如 22:00）。");

		page = resident.follow(resident.post(PAGE, form("channels", "SMS", "_channels", "on", "phone", "13800000000"))).document();
		assertThat(page.getElementById("flash-error").text()).isEqualTo("接收渠道：本系统未开通此通知渠道（SMS）。");

		page = resident.follow(resident.post(PAGE, form("channels", "PIGEON", "_channels", "on"))).document();
		assertThat(page.getElementById("flash-error").text()).startsWith("接收渠道：");
		assertThat(jdbc.queryForObject("select count(*) from notification_preference where user_id = 'resident1'", Integer.class))
			.isZero();

		assertThat(resident.postWithoutToken(PAGE, form("_channels", "on")).status()).as("without the CSRF token").isEqualTo(403);
		assertThat(PageSession.anonymous(port).status(PAGE)).isEqualTo(302);
	}

	@Test
	void inEnglishToo() {
		PageSession resident = PageSession.signIn(port, "resident1");
		Document page = resident.page(PAGE + "?lang=en");
		assertThat(page.select("h1").text()).isEqualTo("My notification settings");
		Document refused = resident.follow(resident.post(PAGE, form("channels", "EMAIL", "_channels", "on"))).document();
		assertThat(refused.getElementById("flash-error").text()).isEqualTo("E-mail address: This channel needs an address.");
	}

	@Test
	void aStewardTurnsTheDigestOff() {
		PageSession steward = PageSession.signIn(port, "steward1");
		Document page = steward.page(PAGE);
		assertThat(page.getElementById("digest").hasAttr("checked")).as("on by default").isTrue();
		Document after = steward.follow(steward.post(PAGE, form("_channels", "on", "_digest", "on", "locale", "zh-CN")))
			.document();
		assertThat(after.getElementById("flash-done")).isNotNull();
		assertThat(after.getElementById("digest").hasAttr("checked")).isFalse();
		assertThat(api.as("steward1").get("/api/notifications/preferences").expect(200).json().path("digest").asBoolean())
			.isFalse();

		// a resident's form cannot turn a digest off it does not show
		PageSession resident = PageSession.signIn(port, "resident1");
		resident.page(PAGE);
		resident.follow(resident.post(PAGE, form("_channels", "on", "_digest", "on")));
		assertThat(api.as("resident1").get("/api/notifications/preferences").expect(200).json().path("digest").asBoolean())
			.isTrue();
	}
}
