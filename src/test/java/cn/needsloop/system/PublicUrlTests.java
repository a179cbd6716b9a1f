package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Redirects go to this site only, built from {@code needsloop.public-url} when it is set, relative when it
 * is not, whatever {@code Host} the request claimed; and what counts as this site for a browser's
 * {@code Origin}.
 */
class PublicUrlTests {

	private static MockHttpServletRequest request(String host, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setServerName(host);
		request.setServerPort(80);
		return request;
	}

	@Test
	void buildsRedirectsFromThePublicUrlNeverFromTheHostHeader() {
		PublicUrl publicUrl = new PublicUrl("https://needs.example.org/");
		MockHttpServletRequest evil = request("evil.example", "/steward");
		assertThat(publicUrl.redirect("http://evil.example/login", evil)).isEqualTo("https://needs.example.org/login");
		assertThat(publicUrl.redirect("/login?logout", evil)).isEqualTo("https://needs.example.org/login?logout");
		assertThat(publicUrl.redirect("//evil.example/steward", evil)).isEqualTo("https://needs.example.org/steward");
		assertThat(publicUrl.redirect("https://elsewhere.example/a/b?c=1#d", evil))
			.isEqualTo("https://needs.example.org/a/b?c=1#d");
		assertThat(publicUrl.redirect("pool?x=1", request("evil.example", "/steward/projects"))).isEqualTo(
				"https://needs.example.org/steward/pool?x=1");
		assertThat(publicUrl.redirect("javascript:alert(1)", evil)).isEqualTo("https://needs.example.org/");
	}

	@Test
	void withoutAPublicUrlRedirectsAreRelative() {
		PublicUrl publicUrl = new PublicUrl("");
		MockHttpServletRequest evil = request("evil.example", "/steward");
		assertThat(publicUrl.redirect("http://evil.example/login", evil)).isEqualTo("/login");
		assertThat(publicUrl.redirect("http://evil.example", evil)).isEqualTo("/");
		assertThat(publicUrl.redirect("/camunda/app/tasklist/", evil)).isEqualTo("/camunda/app/tasklist/");
		assertThat(publicUrl.redirect("///evil.example/x", evil)).doesNotStartWith("//");
	}

	@Test
	void thisSiteIsThePublicUrlOrTheAddressTheBrowserAsked() {
		PublicUrl publicUrl = new PublicUrl("https://needs.example.org");
		MockHttpServletRequest behindProxy = request("app.internal", "/api/needs");
		behindProxy.setServerPort(8080);
		assertThat(publicUrl.isThisSite("https://needs.example.org", behindProxy)).isTrue();
		assertThat(publicUrl.isThisSite("http://app.internal:8080", behindProxy)).isTrue();
		assertThat(publicUrl.isThisSite("https://evil.example", behindProxy)).isFalse();
		assertThat(publicUrl.isThisSite("null", behindProxy)).isFalse();
		assertThat(new PublicUrl("").isThisSite("http://app.internal", request("app.internal", "/api"))).isTrue();
	}

	@Test
	void aFormIsSentBackToItsPageOnlyFromThisSite() {
		PublicUrl publicUrl = new PublicUrl("https://needs.example.org");
		MockHttpServletRequest behindProxy = request("app.internal", "/needs/7/verification");
		assertThat(PageExceptionHandler.sameSitePath("https://needs.example.org/needs/7?tab=2", behindProxy, publicUrl))
			.isEqualTo("/needs/7?tab=2");
		assertThat(PageExceptionHandler.sameSitePath("http://app.internal/needs/7", behindProxy, publicUrl)).isEqualTo("/needs/7");
		assertThat(PageExceptionHandler.sameSitePath("https://evil.example/needs/7", behindProxy, publicUrl)).isNull();
	}

	@Test
	void refusesAPublicUrlThatIsNotAnOrigin() {
		for (String wrong : new String[] { "needs.example.org", "ftp://needs.example.org", "https://needs.example.org/app",
				"https://needs.example.org?x=1", "https://user@needs.example.org" }) {
			assertThatThrownBy(() -> new PublicUrl(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("needsloop.public-url");
		}
	}
}
