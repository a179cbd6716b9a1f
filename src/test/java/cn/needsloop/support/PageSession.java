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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser without JavaScript for page tests: signs in through the login form, keeps the session
 * cookie, and posts forms with the CSRF token of the last page it read, as a browser does. Redirects
 * are not followed, so that a test sees where a form sends it.
 */
public final class PageSession {

	private final String base;

	private final HttpClient http;

	private String csrf;

	private PageSession(String base) {
		this(base, HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build());
	}

	private PageSession(String base, HttpClient http) {
		this.base = base;
		this.http = http;
	}

	/**
	 * The same browser (its cookies, so its session cookie) talking to another server on this host: another
	 * node of a cluster behind no proxy. Cookies are per host, not per port, as in a browser.
	 */
	public PageSession onPort(int port) {
		PageSession other = new PageSession("http://localhost:" + port, http);
		other.csrf = csrf;
		return other;
	}

	/** A session signed in as {@code user} (password {@code demo}). */
	public static PageSession signIn(int port, String user) {
		return signIn(port, user, Api.PASSWORD);
	}

	/** A session signed in as {@code user} with their password. */
	public static PageSession signIn(int port, String user, String password) {
		PageSession session = new PageSession("http://localhost:" + port);
		Page login = session.get("/login");
		session.csrf = login.document().selectFirst("form input[name=_csrf]").val();
		Page answer = session.post("/login", List.of(Map.entry("username", user), Map.entry("password", password)));
		assertThat(answer.status()).as("sign-in of %s", user).isEqualTo(302);
		assertThat(answer.location()).as("sign-in of %s", user).doesNotContain("error");
		return session;
	}

	/** A session nobody signed in to. */
	public static PageSession anonymous(int port) {
		return new PageSession("http://localhost:" + port);
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml")
			.GET());
	}

	/** A GET as a page's script makes it (JSON). */
	public Page getJson(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
	}

	/** Posts a form (fields may repeat) with the CSRF token of the last page read. */
	public Page post(String path, List<Map.Entry<String, String>> fields) {
		return post(path, fields, "text/html,application/xhtml+xml");
	}

	public Page post(String path, List<Map.Entry<String, String>> fields, String accept) {
		return post(path, fields, accept, true);
	}

	/** Posts a form as a forged or stale page would: without the CSRF token. */
	public Page postWithoutToken(String path, List<Map.Entry<String, String>> fields) {
		return post(path, fields, "text/html,application/xhtml+xml", false);
	}

	private Page post(String path, List<Map.Entry<String, String>> fields, String accept, boolean withToken) {
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		if (withToken && csrf != null) {
			all.add(Map.entry("_csrf", csrf));
		}
		String body = all.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", accept)
			.header("Referer", base + "/steward")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Sends a form with a file as a browser does ({@code multipart/form-data}, with the page's CSRF token), from the
	 * page {@code from}.
	 */
	public Page postFile(String from, String path, List<Map.Entry<String, String>> fields, String fileField,
			String fileName, byte[] content) {
		String boundary = "----page" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		if (csrf != null) {
			all.add(Map.entry("_csrf", csrf));
		}
		for (Map.Entry<String, String> field : all) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html,application/xhtml+xml")
			.header("Accept-Language", "zh-CN")
			.header("Referer", base + from)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** Follows a redirect the last answer gave. */
	public Page follow(Page redirect) {
		assertThat(redirect.status()).as("a redirect; body: %s", redirect.body()).isIn(301, 302, 303);
		URI target = URI.create(base).resolve(redirect.location());
		return get(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(120)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Page page = new Page(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null), response.body());
			if (page.contentType().startsWith("text/html")) {
				Element token = page.document().selectFirst("meta[name=_csrf]");
				if (token != null) {
					csrf = token.attr("content");
				}
			}
			return page;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A page that must answer 200, parsed; its links resolve against the server. */
	public Document page(String path) {
		Page page = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml")
			.header("Accept-Language", "zh-CN")
			.GET());
		assertThat(page.status()).as("GET %s; body: %s", path, page.body()).isEqualTo(200);
		return Jsoup.parse(page.body(), uri(path).toString());
	}

	/** The status of a GET, without following a redirect. */
	public int status(String path) {
		return get(path).status();
	}

	/** A file that must answer 200. */
	public byte[] bytes(String path) {
		try {
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "zh-CN")
				.timeout(Duration.ofSeconds(120))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
			return response.body();
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
		return URI.create(path.startsWith("http") ? path : base + path);
	}

	/** One answer: status, content type, where it redirects, the body (as HTML when it is a page). */
	public record Page(int status, String contentType, String location, String body) {

		public Document document() {
			return Jsoup.parse(body);
		}
	}
}
