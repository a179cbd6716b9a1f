package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;

/**
 * The JSON API and a browser: the pages' session reaches {@code /api} (a page's script may call it), but a
 * change signed only by that session must show it comes from this site, by the page's CSRF token or the
 * browser's {@code Origin}, so that a page of another site cannot make a signed-in browser change
 * anything; HTTP Basic clients need no token; a browser's change from another site is refused even with
 * HTTP Basic credentials the browser remembered.
 */
class ApiCsrfTests extends ApiTest {

	private final ObjectMapper json = new ObjectMapper();

	/** A signed-in browser: its cookie jar and the CSRF token of the page it last read. */
	private final class Browser {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		String token;

		String tokenHeader;

		Browser(String user) {
			Document login = Jsoup.parse(send(HttpRequest.newBuilder(URI.create(api.base() + "/login")).GET()).body());
			String formToken = login.selectFirst("form input[name=_csrf]").val();
			HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(api.base() + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
						+ URLEncoder.encode(formToken, StandardCharsets.UTF_8))));
			assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
			Document page = Jsoup.parse(send(HttpRequest.newBuilder(URI.create(api.base() + "/resident")).GET()).body());
			token = page.selectFirst("meta[name=_csrf]").attr("content");
			tokenHeader = page.selectFirst("meta[name=_csrf_header]").attr("content");
		}

		HttpResponse<String> postNeed(String title, String... headers) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/api/needs"))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header("Accept-Language", "zh-CN");
			if (headers.length > 0) {
				request.headers(headers);
			}
			try {
				return send(request.POST(HttpRequest.BodyPublishers
					.ofString(json.writeValueAsString(Api.needBody("xingfu", title, "会话提交的民需", 1)))));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private JsonNode body(HttpResponse<String> response) {
		try {
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(response.body(), ex);
		}
	}

	@Test
	void aChangeSignedOnlyByThePagesSessionNeedsItsCsrfToken() {
		Browser browser = new Browser("resident1");
		long before = api.needCount();

		HttpResponse<String> forged = browser.postNeed("没有令牌 " + Api.unique());
		assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
		assertThat(forged.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(body(forged).path("detail").asText()).contains("CSRF");
		assertThat(api.needCount()).isEqualTo(before);

		HttpResponse<String> withToken = browser.postNeed("带令牌 " + Api.unique(), browser.tokenHeader, browser.token);
		assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
		assertThat(api.needCount()).isEqualTo(before + 1);

		// a page of this site (Swagger UI) says where it comes from: its Origin; another site's is refused
		HttpResponse<String> sameSite = browser.postNeed("本站页面 " + Api.unique(), "Origin", api.base());
		assertThat(sameSite.statusCode()).as(sameSite.body()).isEqualTo(201);
		HttpResponse<String> otherSite = browser.postNeed("他站页面 " + Api.unique(), "Origin", "https://evil.example");
		assertThat(otherSite.statusCode()).as(otherSite.body()).isEqualTo(403);
		assertThat(api.needCount()).isEqualTo(before + 2);

		// reading needs no token; the session is not changed by /api
		HttpResponse<String> mine = browser.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/notifications"))
			.header("Accept", "application/json").GET());
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void httpBasicClientsNeedNoTokenAndAreJudgedByTheirOwnCredentials() {
		api.as("resident1").post("/api/needs", Api.needBody("xingfu", "Basic " + Api.unique(), "描述", 1)).expect(201);
		// a session cookie does not rescue wrong Basic credentials
		Browser browser = new Browser("resident1");
		HttpResponse<String> wrong = browser.postNeed("错误密码 " + Api.unique(), "Authorization",
				"Basic " + java.util.Base64.getEncoder().encodeToString("resident1:wrong".getBytes(StandardCharsets.UTF_8)));
		assertThat(wrong.statusCode()).isEqualTo(401);
	}

	@Test
	void aBrowsersChangeFromAnotherSiteIsRefusedEvenWithBasicCredentials() {
		long before = api.needCount();
		api.as("resident1").header("Origin", "https://evil.example")
			.post("/api/needs", Api.needBody("xingfu", "跨站 " + Api.unique(), "描述", 1))
			.expectProblem(403);
		api.as("steward1").header("Origin", "https://evil.example").post("/engine-rest/task/none/claim", java.util.Map.of("userId", "steward1"))
			.expectProblem(403);
		assertThat(api.needCount()).isEqualTo(before);
		// this site's own pages (Swagger UI, a page's script) send their own origin
		api.as("resident1").header("Origin", api.base())
			.post("/api/needs", Api.needBody("xingfu", "同站 " + Api.unique(), "描述", 1))
			.expect(201);
	}
}
