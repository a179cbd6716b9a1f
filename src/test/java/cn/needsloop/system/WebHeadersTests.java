package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import cn.needsloop.support.ApiTest;

/**
 * What every answer tells the browser, and whom the app believes: a content security policy on our pages
 * (Camunda's webapps keep their own) and on the APIs, Referrer-Policy, HSTS only when a trusted proxy
 * says the request came by HTTPS, the session cookie {@code HttpOnly; SameSite=Lax} and {@code Secure}
 * behind such a proxy, {@code X-Forwarded-*} believed from loopback only, and redirects that never take
 * the browser to the host a request claimed ({@code Host: evil.example}). Spoken over a raw socket, so
 * that the test can send any {@code Host} and sees the headers exactly as sent.
 */
class WebHeadersTests extends ApiTest {

	@Autowired
	ServletWebServerApplicationContext context;

	/** One HTTP/1.1 exchange, as sent and as answered. */
	private record Answer(int status, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null ? null : values.get(0);
		}

		List<String> all(String name) {
			return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
		}
	}

	private Answer exchange(String method, String path, String host, Map<String, String> headers, String body) {
		int port = Integer.parseInt(api.base().substring(api.base().lastIndexOf(':') + 1));
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
			if (body != null) {
				request.append("Content-Length: ").append(content.length).append("\r\n");
			}
			request.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String raw = all.toString(StandardCharsets.UTF_8);
			int end = raw.indexOf("\r\n\r\n");
			String[] lines = raw.substring(0, end).split("\r\n");
			Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				answerHeaders.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).trim());
			}
			return new Answer(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders, raw.substring(end + 4));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Answer get(String path, String host, Map<String, String> headers) {
		return exchange("GET", path, host, headers, null);
	}

	private String localHost() {
		return api.base().substring("http://".length());
	}

	private static String cookie(Answer answer, String name) {
		return answer.all("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).reduce((a, b) -> b).orElse(null);
	}

	@Test
	void pagesCarryAStrictContentSecurityPolicyAndKeepReferrersAtHome() {
		Answer login = get("/login", localHost(), Map.of());
		assertThat(login.status()).isEqualTo(200);
		String policy = login.header("Content-Security-Policy");
		assertThat(policy).contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'",
				"frame-ancestors 'self'");
		assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(login.header("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");

		Answer publicBoard = get("/public", localHost(), Map.of());
		assertThat(publicBoard.header("Content-Security-Policy")).isEqualTo(policy);

		Answer api = get("/api/needs", localHost(), Map.of("Accept", "application/json"));
		assertThat(api.status()).isEqualTo(401);
		assertThat(api.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
		assertThat(api.header("Referrer-Policy")).isEqualTo("same-origin");
		Answer engineRest = get("/engine-rest/task", localHost(), Map.of());
		assertThat(engineRest.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
	}

	@Test
	void camundasWebappsKeepTheirOwnPolicy() {
		String session = signIn("steward1", localHost());
		Answer tasklist = get("/camunda/app/tasklist/default/", localHost(), Map.of("Cookie", session, "Accept", "text/html"));
		assertThat(tasklist.status()).isEqualTo(200);
		// Camunda's single-page apps run inline scripts with a nonce: ours would stop them; theirs alone applies
		assertThat(tasklist.all("Content-Security-Policy")).hasSize(1)
			.allSatisfy(p -> assertThat(p).contains("'strict-dynamic'").doesNotContain(SecurityHeaders.PAGE_POLICY));
		assertThat(tasklist.header("Referrer-Policy")).isEqualTo("same-origin");
	}

	/** Signs in through the form with this Host; the session cookie ({@code JSESSIONID=...}). */
	private String signIn(String user, String host) {
		Answer form = get("/login", host, Map.of("Accept", "text/html"));
		String session = cookie(form, "JSESSIONID").split(";")[0];
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(token.find()).isTrue();
		Answer signedIn = exchange("POST", "/login", host,
				Map.of("Cookie", session, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"),
				"username=" + user + "&password=demo&_csrf=" + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).as("sign-in of %s", user).startsWith("/").doesNotContain("error", "evil");
		return cookie(signedIn, "JSESSIONID") == null ? session : cookie(signedIn, "JSESSIONID").split(";")[0];
	}

	@Test
	void hstsOnlyWhenATrustedProxySaysTheRequestCameByHttps() {
		assertThat(get("/login", localHost(), Map.of()).header("Strict-Transport-Security")).isNull();
		Answer https = get("/login", "needs.example.org", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.7"));
		assertThat(https.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
		Answer api = get("/api/needs", "needs.example.org", Map.of("X-Forwarded-Proto", "https"));
		assertThat(api.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
	}

	@Test
	void theSessionCookieIsHttpOnlyLaxAndSecureBehindATlsProxy() {
		Answer plain = get("/login", localHost(), Map.of());
		String cookie = cookie(plain, "JSESSIONID");
		assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");

		Answer tls = get("/login", "needs.example.org", Map.of("X-Forwarded-Proto", "https"));
		assertThat(cookie(tls, "JSESSIONID")).contains("HttpOnly", "SameSite=Lax", "Secure");
	}

	@Test
	void forwardedHeadersAreBelievedFromLoopbackOnly() {
		RemoteIpValve valve = null;
		TomcatWebServer server = (TomcatWebServer) context.getWebServer();
		for (Valve v : server.getTomcat().getService().getContainer().getPipeline().getValves()) {
			if (v instanceof RemoteIpValve remoteIp) {
				valve = remoteIp;
			}
		}
		assertThat(valve).as("Tomcat's RemoteIpValve (server.forward-headers-strategy=native)").isNotNull();
		Pattern trusted = Pattern.compile(valve.getInternalProxies());
		assertThat(trusted.matcher("127.0.0.1").matches()).isTrue();
		assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
		// Tomcat's own default also trusts every private network: any machine of the office or the cluster
		for (String untrusted : List.of("10.0.0.5", "192.168.1.20", "172.16.3.4", "169.254.1.1", "100.64.0.1")) {
			assertThat(trusted.matcher(untrusted).matches()).as(untrusted).isFalse();
		}
		assertThat(valve.getProtocolHeader()).isEqualToIgnoringCase("X-Forwarded-Proto");
	}

	@Test
	void aForeignHostHeaderNeverBecomesARedirect() {
		Map<String, String> browser = Map.of("Accept", "text/html");
		// the sign-in page a protected page sends you to
		Answer steward = get("/steward", "evil.example", browser);
		assertThat(steward.status()).isEqualTo(302);
		assertThat(steward.header("Location")).isEqualTo("/login").doesNotContain("evil");
		Answer tasklist = get("/camunda/app/tasklist/", "evil.example", browser);
		assertThat(tasklist.header("Location")).doesNotContain("evil");

		// signing in and out, all the way with the foreign host
		String signedInSession = signIn("steward1", "evil.example");

		Answer home = get("/", "evil.example", Map.of("Cookie", signedInSession, "Accept", "text/html"));
		assertThat(home.status()).isEqualTo(302);
		assertThat(home.header("Location")).isEqualTo("/steward");

		Answer page = get("/steward", "evil.example", Map.of("Cookie", signedInSession, "Accept", "text/html"));
		Matcher meta = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
		assertThat(meta.find()).isTrue();
		Answer out = exchange("POST", "/logout", "evil.example", Map.of("Cookie", signedInSession, "Content-Type",
				"application/x-www-form-urlencoded"), "_csrf=" + java.net.URLEncoder.encode(meta.group(1), StandardCharsets.UTF_8));
		assertThat(out.status()).isEqualTo(302);
		assertThat(out.header("Location")).isEqualTo("/login?logout");
	}
}
