package cn.needsloop.support;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;


import org.springframework.security.core.authority.SimpleGrantedAuthority;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.needsloop.shared.Actor;

/**
 * Base of the page tests: the pages as a browser posts to them (form fields, CSRF token, Referer),
 * signed in as a demo user with their Camunda groups, the HTML read with jsoup. The same Spring
 * context as the browser and API tests ({@code demo} and {@code test} profiles on a random port), so
 * the suites share one application; MockMvc is built on it rather than configured by annotation.
 */
@AppContext
public abstract class PageTest {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	protected IdentityService identity;

	protected MockMvc mvc;

	@BeforeEach
	void buildMockMvc() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	/** Signed in as the user, with the groups Camunda's identity service gives them. */
	protected RequestPostProcessor as(String userId) {
		return user(userId).password("demo")
			.authorities(identity.createGroupQuery().groupMember(userId).list().stream()
				.map(Group::getId)
				.map(SimpleGrantedAuthority::new)
				.toList());
	}

	protected Actor actor(String userId) {
		return new Actor(userId, identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
	}

	/** A page as the user sees it (after the flash attributes of a previous redirect, if any). */
	protected Document page(String userId, String path, Map<String, Object> flash) throws Exception {
		MockHttpServletRequestBuilder request = get(path).with(as(userId));
		if (flash != null) {
			request.flashAttrs(flash);
		}
		MvcResult result = mvc.perform(request).andReturn();
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	protected Document page(String userId, String path) throws Exception {
		return page(userId, path, null);
	}

	/** A form post from the page {@code from}, as the browser sends it. */
	protected MockHttpServletRequestBuilder form(String userId, String path, String from) {
		return post(path).with(as(userId)).with(csrf()).header("Referer", "http://localhost" + from);
	}

	/** A new user (password demo) in the given groups, so that tests do not share registrations. */
	protected String newUser(String prefix, String... groups) {
		String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		User user = identity.newUser(id);
		user.setFirstName(prefix);
		user.setLastName("");
		user.setPassword("demo");
		identity.saveUser(user);
		for (String group : groups) {
			identity.createMembership(id, group);
		}
		return id;
	}

	protected static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6);
	}

	/** The id at the end of a redirect to {@code /things/{id}}. */
	protected static Long redirectedId(MvcResult result) {
		return Long.valueOf(result.getResponse().getRedirectedUrl().replaceAll(".*/(\\d+)(\\?.*)?$", "$1"));
	}
}
