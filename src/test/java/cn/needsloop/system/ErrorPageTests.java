package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;
import cn.needsloop.support.PageSession.Page;

/**
 * A page one may not open (403) or that does not exist (404) is a page in the app's layout and the
 * user's language, naming who is signed in and leading back to their start page; the JSON API and the
 * engine's REST API answer the same errors as RFC 9457 problems, never as HTML, whatever the caller accepts.
 */
class ErrorPageTests extends ApiTest {

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	// ---------------------------------------------------------------- pages

	@Test
	void showsAFriendlyForbiddenPageInChineseAndInEnglish() {
		PageSession resident = PageSession.signIn(port(), "resident1");
		Page page = resident.get("/manager");
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.contentType()).startsWith("text/html");
		Document html = page.document();
		assertThat(html.select("#error-title").text()).isEqualTo("无权访问此页面");
		assertThat(html.select("#error-who").text()).isEqualTo("您当前登录的账号：刘秀英（resident1）。");
		assertThat(html.select("#error-home").attr("href")).isEqualTo("/");
		assertThat(html.select("header.topbar .who").text()).isEqualTo("resident1");
		assertThat(html.title()).contains("无权访问此页面");

		Document english = resident.get("/manager?lang=en").document();
		assertThat(english.select("#error-title").text()).isEqualTo("No permission for this page");
		assertThat(english.select("#error-who").text()).isEqualTo("You are signed in as 刘秀英 (resident1).");
		assertThat(english.select("#error-home").text()).isEqualTo("Back to my start page");
		// the start page link leads the resident to their own page
		assertThat(resident.get("/").location()).endsWith("/resident");
	}

	@Test
	void showsAFriendlyNotFoundPage() {
		PageSession steward = PageSession.signIn(port(), "steward1");
		Page page = steward.get("/no-such-page");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.document().select("#error-title").text()).isEqualTo("页面不存在");
		assertThat(page.document().select("#error-who").text()).contains("王芳（steward1）");
		assertThat(page.document().select("#error-path").text()).isEqualTo("/no-such-page");

		Page anonymous = PageSession.anonymous(port()).get("/css/no-such-file.css");
		assertThat(anonymous.status()).isEqualTo(404);
		assertThat(anonymous.document().select("#error-who").text()).isEqualTo("您尚未登录。");
		assertThat(anonymous.document().select("#error-login").attr("href")).isEqualTo("/login");
	}

	@Test
	void anUnknownNeedIsANotFoundPageInTheLayoutWithItsMenu() {
		PageSession steward = PageSession.signIn(port(), "steward1");
		Page page = steward.get("/needs/987654321");
		assertThat(page.status()).isEqualTo(404);
		Document html = page.document();
		assertThat(html.select("#error-title").text()).isEqualTo("页面不存在");
		assertThat(html.select("#error-text").text()).isEqualTo("不存在编号为 987654321 的民需。");
		assertThat(html.select("#error-who").text()).contains("王芳（steward1）");
		// the same layout as every other page: the menu of the signed-in user and the footer
		Document known = steward.get("/steward").document();
		assertThat(html.select("header.topbar nav a").eachAttr("href"))
			.isNotEmpty()
			.isEqualTo(known.select("header.topbar nav a").eachAttr("href"));
		assertThat(html.select("header.topbar .who").text()).isEqualTo("steward1");
		assertThat(html.select("footer")).isNotEmpty();
		assertThat(html.title()).contains("页面不存在");
	}

	@Test
	void answersAPageScriptThatAsksForJsonWithAProblem() throws IOException {
		PageSession resident = PageSession.signIn(port(), "resident1");
		Page page = resident.getJson("/manager/exports/some-id");
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.contentType()).startsWith("application/problem+json");
		assertThat(json.readTree(page.body()).path("status").asInt()).isEqualTo(403);
	}

	/** Refused by the step itself rather than by the security rules: still a problem for the script, a page for people. */
	@Test
	void answersAPageScriptWithAProblemWhenTheStepRefuses() throws IOException {
		long need = api.reportedNeed("脚本越权");
		PageSession steward2 = PageSession.signIn(port(), "steward2");

		Page diagram = steward2.getJson("/needs/" + need + "/diagram");
		assertThat(diagram.status()).isEqualTo(403);
		assertThat(diagram.contentType()).startsWith("application/problem+json");
		JsonNode problem = json.readTree(diagram.body());
		assertThat(problem.path("status").asInt()).isEqualTo(403);
		assertThat(problem.path("code").asText()).isEqualTo("problem.need.notYours");
		assertThat(problem.path("detail").asText()).isNotBlank();

		Page job = steward2.getJson("/tasks/bulk/jobs/no-such-job");
		assertThat(job.status()).isEqualTo(404);
		assertThat(job.contentType()).startsWith("application/problem+json");
		assertThat(json.readTree(job.body()).path("status").asInt()).isEqualTo(404);

		Page page = steward2.get("/needs/" + need);
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.contentType()).startsWith("text/html");
	}

	// ---------------------------------------------------------------- the API and the engine's REST API

	@Test
	void answersTheApiWithProblemsEvenToABrowser() throws Exception {
		HttpResponse<String> notFound = send("/api/no-such-resource", "steward1", "text/html,application/xhtml+xml");
		assertProblem(notFound, 404);
		assertThat(json.readTree(notFound.body()).path("title").asText()).isEqualTo("Not found");
		assertThat(json.readTree(notFound.body()).path("instance").asText()).isEqualTo("/api/no-such-resource");

		long need = api.reportedNeed("越权查看");
		HttpResponse<String> forbidden = send("/api/needs/" + need, "steward2", "text/html");
		assertProblem(forbidden, 403);
		assertProblem(send("/api/needs", null, "text/html"), 401);
		api.as("steward1").get("/api/no-such-resource").expectProblem(404);
	}

	/**
	 * The engine's REST API keeps Camunda's own error format (JSON with {@code type} and {@code message}, what
	 * Camunda's clients parse), and its 401 has no body; none of it becomes the HTML error page.
	 */
	@Test
	void answersTheEngineRestApiWithJsonNotHtml() throws Exception {
		long need = api.reportedNeed("engine-rest 越权");
		String task = null;
		for (JsonNode t : api.as("steward1").get("/api/tasks?max=1000").expect(200).json()) {
			if (t.path("needId").asLong() == need) {
				task = t.path("id").asText();
			}
		}
		assertThat(task).isNotNull();
		for (String accept : new String[] { "text/html,application/xhtml+xml", "application/json" }) {
			// a browser's Accept: the engine's resources only produce JSON, and say so (406) in JSON
			int orNotAcceptable = accept.startsWith("text/html") ? 406 : 0;
			assertEngineJson(send("/engine-rest/no-such-resource", "steward1", accept), 404);
			assertEngineJson(send("/engine-rest/task/no-such-task", "steward1", accept), 404, orNotAcceptable);
			assertEngineJson(send("/engine-rest/task/" + task, "resident1", accept), 404, orNotAcceptable);
			assertEngineJson(post("/engine-rest/task/" + task + "/claim", "resident1", accept, "{\"userId\":\"resident1\"}"),
					403, orNotAcceptable);
			HttpResponse<String> unauthorized = send("/engine-rest/task", null, accept);
			assertThat(unauthorized.statusCode()).isEqualTo(401);
			assertThat(unauthorized.body()).doesNotContain("<html").doesNotContain("<!DOCTYPE");
		}
	}

	private void assertEngineJson(HttpResponse<String> response, int... status) throws IOException {
		assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isIn(
				java.util.Arrays.stream(status).boxed().toArray());
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as("content type of %s", response.uri())
			.startsWith("application/").contains("json");
		assertThat(json.readTree(response.body()).path("message").asText()).isNotBlank();
	}

	// ---------------------------------------------------------------- helpers

	private HttpResponse<String> send(String path, String user, String accept) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Accept", accept), user);
	}

	private HttpResponse<String> post(String path, String user, String accept, String body)
			throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Accept", accept)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), user);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String user) throws IOException, InterruptedException {
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private void assertProblem(HttpResponse<String> response, int status) throws IOException {
		assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as("content type of %s", response.uri())
			.startsWith("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asText()).isNotBlank();
		assertThat(problem.path("type").asText()).startsWith("https://needsloop.cn/problems/");
	}

	private int port() {
		return Integer.parseInt(api.base().substring(api.base().lastIndexOf(':') + 1));
	}
}
