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
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;

/**
 * Wrong passwords pause sign-in for a while, never for good, and only where they came from: one client
 * address guessing one account is paused after five, with 429, {@code Retry-After} and a message that
 * says the pause is temporary and how long it lasts (sign-in page, {@code /api}, {@code /engine-rest});
 * the owner signs in from elsewhere meanwhile; the pause ends by itself or when an administrator lifts
 * it; Camunda's own lock (ten wrong passwords from anyone locked an account until an administrator
 * unlocked it) no longer exists. Each test plays its own user and clients (documentation addresses,
 * forwarded by the loopback proxy the app trusts), so counts never meet.
 */
class SignInPauseTests extends ApiTest {

	private static final AtomicInteger CLIENTS = new AtomicInteger(10);

	private static final String PASSWORD = "right-horse-battery";

	@Autowired
	IdentityService identity;

	@Autowired
	SignInThrottle throttle;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	private String newUser() {
		String id = "pause-" + UUID.randomUUID().toString().substring(0, 8);
		User user = identity.newUser(id);
		user.setFirstName("暂停");
		user.setLastName("测试");
		user.setPassword(PASSWORD);
		identity.saveUser(user);
		identity.createMembership(id, "resident");
		return id;
	}

	/** A client address of its own (TEST-NET-3), as the trusted proxy on loopback forwards it. */
	private static String newClient() {
		return "203.0.113." + CLIENTS.incrementAndGet();
	}

	private Response api(String user, String password, String client, String path) {
		return api.as(user).password(password).header("X-Forwarded-For", client).language("zh-CN").get(path);
	}

	private void wrongPasswords(String user, String client, int times) {
		for (int i = 0; i < times; i++) {
			assertThat(api(user, "wrong-" + i, client, "/api/notifications").status()).as("wrong password %s", i + 1)
				.isIn(401, 429);
		}
	}

	@Test
	void pausesOneClientAfterFiveWrongPasswordsAndSaysForHowLongInChinese() {
		String user = newUser();
		String guesser = newClient();
		for (int i = 0; i < 4; i++) {
			api(user, "wrong-" + i, guesser, "/api/notifications").expectProblem(401);
		}
		// the fifth failure starts the pause and says so
		api(user, "wrong-5", guesser, "/api/notifications").expectProblem(429);

		Response paused = api(user, PASSWORD, guesser, "/api/notifications").expectProblem(429);
		assertThat(paused.header("Retry-After")).isNotNull();
		assertThat(Long.parseLong(paused.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(paused.path("title").asText()).isEqualTo("尝试次数过多");
		assertThat(paused.path("detail").asText()).contains("1 分钟", "临时暂停", "不是永久锁定");
		assertThat(paused.path("code").asText()).isEqualTo("problem.signIn.paused");

		Response english = api.as(user).password(PASSWORD).header("X-Forwarded-For", guesser).get("/api/notifications")
			.expectProblem(429);
		assertThat(english.path("title").asText()).isEqualTo("Too many attempts");
		assertThat(english.path("detail").asText()).contains("paused for 1 minute", "temporary");

		// the owner, elsewhere, signs in as usual
		api(user, PASSWORD, newClient(), "/api/notifications").expect(200);
	}

	@Test
	void thePauseEndsByItselfAndDoublesWithEveryFurtherFailure() {
		String user = newUser();
		String client = newClient();
		long now = System.currentTimeMillis();
		ClockUtil.setCurrentTime(new Date(now));
		wrongPasswords(user, client, 5);
		assertThat(throttle.pause(user, client)).hasValue(Duration.ofMinutes(1));

		now += Duration.ofSeconds(61).toMillis();
		ClockUtil.setCurrentTime(new Date(now));
		api(user, PASSWORD, client, "/api/notifications").expect(200);

		// the right password forgot the failures: a typo later counts from one again
		api(user, "typo", client, "/api/notifications").expectProblem(401);
		api(user, PASSWORD, client, "/api/notifications").expect(200);

		// a guesser who goes on after a pause waits twice as long each time, fifteen minutes at most
		String guesser = newClient();
		wrongPasswords(user, guesser, 5);
		for (int extra = 1; extra <= 6; extra++) {
			now += Duration.ofMinutes(16).toMillis();
			ClockUtil.setCurrentTime(new Date(now));
			api(user, "wrong-again", guesser, "/api/notifications").expectProblem(429);
			Duration expected = Duration.ofMinutes(Math.min(15, 1L << extra));
			assertThat(throttle.pause(user, guesser)).as("pause after %s more failures", extra).hasValue(expected);
		}
	}

	@Test
	void camundaNoLongerLocksAnAccountForGood() {
		String user = newUser();
		// twelve wrong passwords from twelve places: Camunda locked the account after ten, until an
		// administrator unlocked it, whoever typed them
		for (int i = 0; i < 12; i++) {
			api(user, "wrong-" + i, newClient(), "/api/notifications").expectProblem(401);
		}
		api(user, PASSWORD, newClient(), "/api/notifications").expect(200);
		// and the engine itself, asked without a request (no client address), agrees
		for (int i = 0; i < 12; i++) {
			assertThat(identity.checkPassword(user, "wrong")).isFalse();
		}
		assertThat(identity.checkPassword(user, PASSWORD)).isTrue();
	}

	@Test
	void theEngineRestApiAnswersAPauseWith429AndRetryAfter() {
		String user = newUser();
		String client = newClient();
		for (int i = 0; i < 4; i++) {
			assertThat(api.as(user).password("wrong").header("X-Forwarded-For", client).get("/engine-rest/task").status())
				.isEqualTo(401);
		}
		// the fifth failure starts the pause and says so
		api.as(user).password("wrong").header("X-Forwarded-For", client).get("/engine-rest/task").expectProblem(429);
		Response paused = api.as(user).password(PASSWORD).header("X-Forwarded-For", client).get("/engine-rest/task")
			.expectProblem(429);
		assertThat(Long.parseLong(paused.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(paused.path("detail").asText()).contains("temporary");
		Response chinese = api.as(user).password(PASSWORD).header("X-Forwarded-For", client).language("zh-CN")
			.get("/engine-rest/task").expectProblem(429);
		assertThat(chinese.path("detail").asText()).contains("临时暂停");
		// the same count as /api: the pause holds there too
		api(user, PASSWORD, client, "/api/notifications").expectProblem(429);
		assertThat(api.as(user).password(PASSWORD).header("X-Forwarded-For", newClient()).get("/engine-rest/task").status())
			.isEqualTo(200);
	}

	@Test
	void theSignInPageSaysThePauseIsTemporaryAndForHowLong() {
		String user = newUser();
		String client = newClient();
		PageBrowser browser = new PageBrowser(client);
		for (int i = 0; i < 4; i++) {
			assertThat(browser.signIn(user, "wrong")).endsWith("/login?error");
		}
		assertThat(browser.signIn(user, "wrong")).endsWith("/login?paused");
		String location = browser.signIn(user, PASSWORD);
		assertThat(location).endsWith("/login?paused");
		Document page = Jsoup.parse(browser.get(location).body());
		assertThat(page.select("#login-paused").text()).contains("登录已暂停 1 分钟", "临时暂停", "不是永久锁定");
		assertThat(page.select("#login-error")).isEmpty();

		// another address signs in as usual
		assertThat(new PageBrowser(newClient()).signIn(user, PASSWORD)).doesNotContain("/login");
	}

	@Test
	void anAdministratorSeesThePauseAndLiftsIt() {
		String user = newUser();
		String client = newClient();
		wrongPasswords(user, client, 5);
		api(user, PASSWORD, client, "/api/notifications").expectProblem(429);

		PageBrowser manager = new PageBrowser(newClient());
		assertThat(manager.signIn("manager1", "demo")).doesNotContain("/login");
		assertThat(manager.get("/admin/locks").statusCode()).isEqualTo(403);

		PageBrowser admin = new PageBrowser(newClient());
		assertThat(admin.signIn("admin1", "demo")).doesNotContain("/login");
		Document locks = Jsoup.parse(admin.get("/admin/locks").body());
		String key = SignInThrottle.key(SignInThrottle.Kind.CLIENT_ACCOUNT, user, client);
		assertThat(locks.select("#locks-table tr[data-key=\"" + key + "\"]").text()).contains(client, user, "地址与账号", "5");

		HttpResponse<String> lifted = admin.post("/admin/locks/lift", Map.of("key", key));
		assertThat(lifted.statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(admin.get("/admin/locks").body()).select("#flash-done").text()).contains("已解除");
		api(user, PASSWORD, client, "/api/notifications").expect(200);
		assertThat(Jsoup.parse(admin.get("/admin/locks").body()).select("#locks-table tr[data-key=\"" + key + "\"]"))
			.isEmpty();
	}

	/** A browser at one client address: a cookie jar, the page's CSRF token, no redirects followed. */
	private final class PageBrowser {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private final String client;

		private String csrf;

		PageBrowser(String client) {
			this.client = client;
		}

		/** Signs in through the form; where it sends the browser. */
		String signIn(String user, String password) {
			get("/login");
			HttpResponse<String> answer = post("/login", Map.of("username", user, "password", password));
			assertThat(answer.statusCode()).isEqualTo(302);
			return answer.headers().firstValue("Location").orElseThrow();
		}

		HttpResponse<String> get(String path) {
			HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(api.base()).resolve(path)).GET());
			var token = Jsoup.parse(page.body()).selectFirst("meta[name=_csrf]");
			if (token != null) {
				csrf = token.attr("content");
			}
			return page;
		}

		HttpResponse<String> post(String path, Map<String, String> fields) {
			Map<String, String> all = new LinkedHashMap<>(fields);
			all.put("_csrf", csrf);
			String body = all.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(HttpRequest.newBuilder(URI.create(api.base() + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				return http.send(request.header("X-Forwarded-For", client).header("Accept", "text/html").build(),
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
	}
}
