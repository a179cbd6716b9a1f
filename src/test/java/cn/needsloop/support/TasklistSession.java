package cn.needsloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jsoup.Jsoup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Camunda Tasklist as its scripts call the engine: signed in on our login page (single sign-on into the apps),
 * then JSON to {@code /camunda/api/engine/engine/default/...} with the session cookie and Camunda's XSRF token
 * (the {@code XSRF-TOKEN} cookie sent back as the {@code X-XSRF-TOKEN} header), exactly as the browser does.
 */
public final class TasklistSession {

	public static final String ENGINE = "/camunda/api/engine/engine/default";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private String language = "zh-CN";

	private TasklistSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** Signs {@code user} in (password {@code demo}) and opens Tasklist, which hands out the XSRF cookie. */
	public static TasklistSession signIn(int port, String user) {
		TasklistSession session = new TasklistSession(port);
		String login = session.send(HttpRequest.newBuilder(session.uri("/login")).GET()).body();
		String csrf = Jsoup.parse(login).selectFirst("form input[name=_csrf]").val();
		String form = "username=" + enc(user) + "&password=" + enc(Api.PASSWORD) + "&_csrf=" + enc(csrf);
		HttpResponse<String> answer = session.send(HttpRequest.newBuilder(session.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(answer.statusCode()).as("sign-in of %s", user).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
		assertThat(session.send(HttpRequest.newBuilder(session.uri("/camunda/app/tasklist/default/")).GET()).statusCode())
			.isEqualTo(200);
		session.get(ENGINE + "/task?maxResults=1");
		assertThat(session.xsrf()).as("XSRF-TOKEN cookie for %s", user).isNotNull();
		return session;
	}

	/** Sends {@code Accept-Language} (zh-CN by default). */
	public TasklistSession language(String language) {
		this.language = language;
		return this;
	}

	public Api.Response get(String path) {
		return call("GET", path, null);
	}

	public Api.Response post(String path, Object body) {
		return call("POST", path, body);
	}

	public Api.Response put(String path, Object body) {
		return call("PUT", path, body);
	}

	public Api.Response delete(String path) {
		return call("DELETE", path, null);
	}

	public Api.Response call(String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "application/json, text/plain, */*")
			.header("Accept-Language", language);
		String xsrf = xsrf();
		if (xsrf != null) {
			request.header("X-XSRF-TOKEN", xsrf);
		}
		try {
			if (body == null) {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", "application/json");
				request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		HttpResponse<String> response = send(request);
		JsonNode json;
		try {
			json = response.body() == null || response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
		}
		catch (IOException ex) {
			json = MissingNode.getInstance();
		}
		return new Api.Response(method + " " + path + " in Tasklist", response.statusCode(), response.headers(), response.body(),
				json);
	}

	private String xsrf() {
		return cookies.getCookieStore().getCookies().stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(base + path);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
