package cn.needsloop.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import jakarta.servlet.http.Cookie;

/**
 * The pages as a browser without scripts sees them, on MockMvc: a user signs in through the login form (the
 * real authentication against Camunda's identity service), reads a page as HTML (jsoup), and submits a form
 * from a page the way a browser does (CSRF token, the page as Referer), then follows the redirect with its flash
 * message. No language is asked for, so the pages speak their default, Chinese.
 */
public class PageClient {

	private final MockMvc mvc;

	private final Map<String, Cookie> sessions = new HashMap<>();

	public PageClient(MockMvc mvc) {
		this.mvc = mvc;
	}

	/** A page the user reads, with its HTTP status. */
	public record Page(int status, String path, Document html) {

		public String text(String css) {
			return html.select(css).text();
		}

		public boolean has(String css) {
			return !html.select(css).isEmpty();
		}
	}

	/**
	 * The session cookie of the signed-in user. The session lives in the session store (Spring Session JDBC), not in
	 * the servlet container, so the cookie is what carries it from one request to the next, as in a browser.
	 */
	public Cookie session(String user) {
		return sessions.computeIfAbsent(user, u -> {
			try {
				MvcResult login = mvc.perform(formLogin("/login").user(u).password("demo")).andExpect(authenticated())
					.andReturn();
				Cookie cookie = login.getResponse().getCookie("JSESSIONID");
				assertThat(cookie).as("session cookie of %s", u).isNotNull();
				return cookie;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/** Reads a page; expects 200. */
	public Page get(String user, String path) throws Exception {
		Page page = read(user, path, Map.of());
		assertThat(page.status()).as("GET %s as %s", path, user).isEqualTo(200);
		return page;
	}

	/** Reads a page whatever its status. */
	public Page read(String user, String path, Map<String, Object> flash) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(path).cookie(session(user));
		if (!flash.isEmpty()) {
			request.flashAttrs(flash);
		}
		MvcResult result = mvc.perform(request).andReturn();
		return new Page(result.getResponse().getStatus(), path,
				Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8)));
	}

	/**
	 * Submits a form of page {@code from} to {@code action} with the fields as name, value pairs (a name may come
	 * again, as rows do) and follows the redirect, carrying its flash message.
	 */
	public Page submit(String user, String from, String action, String... fields) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(action).cookie(session(user)).with(csrf())
			.header("Referer", "http://localhost" + from);
		for (int i = 0; i + 1 < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		MvcResult result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as("POST %s as %s: %s", action, user,
				result.getResponse().getContentAsString(StandardCharsets.UTF_8)).isBetween(300, 399);
		URI location = URI.create(result.getResponse().getRedirectedUrl());
		String path = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
		Page page = read(user, path, result.getFlashMap());
		assertThat(page.status()).as("GET %s after POST %s", path, action).isEqualTo(200);
		return page;
	}
}
