package cn.needsloop.registration;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Calls the JSON API over HTTP as a demo user (password {@code demo}), in English unless told. */
final class ApiClient {

	private final TestRestTemplate http;

	private final IdentityService identity;

	ApiClient(TestRestTemplate http, IdentityService identity) {
		this.http = http;
		this.identity = identity;
	}

	ResponseEntity<JsonNode> get(String user, String path) {
		return call(HttpMethod.GET, user, path, null, null);
	}

	ResponseEntity<JsonNode> post(String user, String path, Object body) {
		return call(HttpMethod.POST, user, path, body, null);
	}

	ResponseEntity<JsonNode> call(HttpMethod method, String user, String path, Object body, String language) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		if (language != null) {
			headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		}
		TestRestTemplate client = user == null ? http : http.withBasicAuth(user, "demo");
		return client.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	/** A new Camunda user (password demo) in the given groups, so that tests do not share registrants. */
	String newUser(String prefix, String... groups) {
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

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static List<String> errorFields(ResponseEntity<JsonNode> response) {
		return response.getBody().path("errors").findValuesAsText("field");
	}
}
