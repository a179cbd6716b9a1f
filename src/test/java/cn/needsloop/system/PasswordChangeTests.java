package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.TasklistSession;

/**
 * A password set through the engine's APIs (a person's own on Tasklist's profile page or {@code /engine-rest}, an
 * administrator's for a new user in Camunda Admin) keeps the same rules as the first administrator's
 * ({@link PasswordPolicy}): a weak one is refused with a 400 that says what a password needs, in the reader's
 * language, and the old password stays.
 */
class PasswordChangeTests extends ApiTest {

	private static final String STRONG = "Laterne-7Qk#Tee";

	@LocalServerPort
	private int port;

	@Autowired
	private IdentityService identity;

	private String user;

	@BeforeEach
	void aResident() {
		user = "pw" + Api.unique().replaceAll("[^A-Za-z0-9]", "").toLowerCase();
		User resident = identity.newUser(user);
		resident.setFirstName("测试");
		resident.setLastName("居民");
		resident.setPassword(Api.PASSWORD);
		identity.saveUser(resident);
		identity.createMembership(user, "resident");
	}

	@AfterEach
	void removeUsers() {
		identity.deleteUser(user);
		identity.deleteUser(user + "new");
	}

	@Test
	void aWeakOwnPasswordIsRefusedOnEveryWayAndTheOldOneStays() {
		Map<String, Object> weak = Map.of("password", "abc123", "authenticatedUserPassword", Api.PASSWORD);
		Api.Response rest = api.as(user).language("zh-CN").put("/engine-rest/user/" + user + "/credentials", weak);
		assertThat(rest.status()).isEqualTo(400);
		assertThat(rest.json().path("message").asText()).contains("密码太弱").contains("12");

		Api.Response english = api.as(user).language("en").put("/engine-rest/user/" + user + "/credentials",
				Map.of("password", user + "-Strong-1", "authenticatedUserPassword", Api.PASSWORD));
		assertThat(english.status()).as("a password holding the user name").isEqualTo(400);
		assertThat(english.json().path("message").asText()).contains("too weak");

		TasklistSession tasklist = TasklistSession.signIn(port, user);
		Api.Response fromTasklist = tasklist.put(TasklistSession.ENGINE + "/user/" + user + "/credentials",
				Map.of("password", "demodemodemo1", "authenticatedUserPassword", Api.PASSWORD));
		assertThat(fromTasklist.status()).isEqualTo(400);
		assertThat(fromTasklist.json().path("message").asText()).contains("密码太弱");

		assertThat(identity.checkPassword(user, Api.PASSWORD)).isTrue();
		assertThat(identity.checkPassword(user, "abc123")).isFalse();
	}

	@Test
	void aStrongOwnPasswordIsTaken() {
		api.as(user).put("/engine-rest/user/" + user + "/credentials",
				Map.of("password", STRONG, "authenticatedUserPassword", Api.PASSWORD)).expect(204);
		assertThat(identity.checkPassword(user, STRONG)).isTrue();
		assertThat(identity.checkPassword(user, Api.PASSWORD)).isFalse();
	}

	@Test
	void anAdministratorCreatesNoUserWithAWeakPassword() {
		String created = user + "new";
		Map<String, Object> profile = Map.of("id", created, "firstName", "新", "lastName", "用户");
		Api.Response weak = api.as("admin1").language("zh-CN").post("/engine-rest/user/create",
				Map.of("profile", profile, "credentials", Map.of("password", "123456")));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().path("message").asText()).contains("密码太弱");
		assertThat(identity.createUserQuery().userId(created).count()).isZero();

		api.as("admin1").post("/engine-rest/user/create", Map.of("profile", profile, "credentials", Map.of("password", STRONG)))
			.expect(204);
		assertThat(identity.checkPassword(created, STRONG)).isTrue();
	}
}
