package cn.needsloop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * While demo accounts exist (here: the demo profile), every page of ours says so in a banner, in the
 * reader's language, signed in or not. Without them there is none ({@code ProductionStartTests}).
 */
class DemoAccountsTests extends ApiTest {

	@LocalServerPort
	int port;

	@Autowired
	DemoAccounts demoAccounts;

	@Test
	void findsTheDemoAccountsThatStillTakeTheDemoPassword() {
		assertThat(demoAccounts.present()).isTrue();
		assertThat(demoAccounts.accounts()).contains("admin1", "steward1", "manager1", "resident1").doesNotContain("test-admin");
	}

	@Test
	void showsTheDemoBannerOnEveryPageInTheReadersLanguage() {
		PageSession anonymous = PageSession.anonymous(port);
		Element chinese = anonymous.page("/login").getElementById("demo-banner");
		assertThat(chinese).isNotNull();
		assertThat(chinese.text()).contains("演示账号", "demo");
		assertThat(anonymous.page("/login?lang=en").getElementById("demo-banner").text()).contains("Demo accounts are active");
		assertThat(anonymous.page("/public").getElementById("demo-banner")).isNotNull();

		PageSession steward = PageSession.signIn(port, "steward1");
		for (String path : new String[] { "/steward", "/resident", "/consultations", "/no-such-page" }) {
			PageSession.Page page = steward.get(path);
			assertThat(page.document().getElementById("demo-banner")).as(path).isNotNull();
		}
	}
}
