package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The pause a count of wrong passwords earns: none below the limit, then doubling, never past the ceiling. */
class SignInLimitsTests {

	private final SignInLimits defaults = new SignInLimits(null, null, null, null, null, null);

	@Test
	void pausesDoubleFromTheLimitUpToFifteenMinutes() {
		assertThat(defaults.pause(4, 5)).isZero();
		assertThat(defaults.pause(5, 5)).isEqualTo(Duration.ofMinutes(1));
		assertThat(defaults.pause(6, 5)).isEqualTo(Duration.ofMinutes(2));
		assertThat(defaults.pause(8, 5)).isEqualTo(Duration.ofMinutes(8));
		assertThat(defaults.pause(9, 5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(defaults.pause(Integer.MAX_VALUE, 5)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void eachCountHasItsOwnLimit() {
		assertThat(defaults.limit(SignInThrottle.Kind.CLIENT_ACCOUNT)).isEqualTo(5);
		assertThat(defaults.limit(SignInThrottle.Kind.CLIENT)).isEqualTo(20);
		assertThat(defaults.limit(SignInThrottle.Kind.ACCOUNT)).isEqualTo(50);
	}

	@Test
	void refusesLimitsThatWouldLockForGoodOrNeverPause() {
		assertThatThrownBy(() -> new SignInLimits(0, null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SignInLimits(null, null, null, Duration.ZERO, null, null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SignInLimits(null, null, null, null, Duration.ofDays(3650), null))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
