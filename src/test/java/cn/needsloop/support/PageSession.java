package cn.needsloop.support;

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
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The pages over real HTTP as a browser without scripts sees them: a cookie session signed in through
 * the login form (or anonymous), pages parsed with jsoup. For page tests that check what a page
 * shows and where its links lead, without starting Chromium.
 */
public final class PageSession {

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String base;

	private PageSession(String base) {
		this.base = base;
	}

	public static PageSession anonymous(int port) {
		return new PageSession("http://localhost:" + port);
	}

	/** Signs in through the login form (with its CSRF token), as a browser does. */
	public static PageSession signedIn(int port, String user) {
		PageSession session = anonymous(port);
		String token = session.page("/login").select("input[name=_csrf]").attr("value");
		HttpResponse<String> login = session.send(HttpRequest.newBuilder(session.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", Api.PASSWORD, "_csrf", token)))),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as("sign-in of %s", user).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).as("sign-in of %s", user).doesNotContain("error");
		return session;
	}

	/** A page that must answer 200, parsed; its links resolve against the server. */
	public Document page(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "zh-CN").GET(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as("GET %s; body: %s", path, response.body()).isEqualTo(200);
		return Jsoup.parse(response.body(), uri(path).toString());
	}

	/** The status of a GET, without following a redirect. */
	public int status(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** A file that must answer 200. */
	public byte[] bytes(String path) {
		HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "zh-CN").GET(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return response.body();
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("http") ? path : base + path);
	}

	private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(60)).build(), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}
}
