package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy for a configured administrator password: strong ones pass, each kind of weak one is refused with its reason. */
class PasswordPolicyTests {

	@ParameterizedTest
	@ValueSource(strings = { "Harbour-Lantern-48!", "Qiu lin 7 harbour", "社区民需闭环管理2026!", "correct Horse battery 9",
			"Call-me-Ishmael-1851" })
	void acceptsStrongPasswords(String password) {
		assertThat(PasswordPolicy.weaknesses("district-admin", password)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { //
			"''                   | empty", //
			"demo                 | at least 12", //
			"Sh0rt-pass!          | at least 12", //
			"abcdefghijklmnop     | kinds of character", //
			"harbourlantern48     | kinds of character", //
			"Aa1!Aa1!Aa1!Aa1!     | different characters", //
			"District-Admin-2026! | contains the user id", //
			"Password1234!        | well-known", //
			"Demo-Demo-Demo-1     | well-known", //
			"ChangeMe-2026!       | well-known", //
			"Admin@Camunda#99     | well-known", //
			"1234567890!@#$%      | kinds of character" })
	void refusesWeakPasswordsSayingWhy(String password, String reason) {
		assertThat(PasswordPolicy.weaknesses("district-admin", password)).anySatisfy(w -> assertThat(w).contains(reason));
	}
}
