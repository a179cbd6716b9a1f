package cn.needsloop.registration;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

import cn.needsloop.support.Api;

/** Fresh accounts and names for the registration API tests, so that tests do not share registrants. */
final class TestUsers {

	private TestUsers() {
	}

	/** A new Camunda user (password {@link Api#PASSWORD}) in the given groups. */
	static String newUser(IdentityService identity, String prefix, String... groups) {
		String id = unique(prefix);
		User user = identity.newUser(id);
		user.setFirstName(prefix);
		user.setLastName("");
		user.setPassword(Api.PASSWORD);
		identity.saveUser(user);
		for (String group : groups) {
			identity.createMembership(id, group);
		}
		return id;
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
