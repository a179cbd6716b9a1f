package cn.needsloop.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many wrong passwords in a row earn a pause, and how long it lasts ({@code needsloop.sign-in.*}).
 * Failures are counted three ways: one client address signing in as one account, one client address
 * whatever the accounts, one account whatever the addresses. A count that reaches its limit pauses
 * sign-in for {@code first-pause}; every further failure doubles the pause, up to {@code longest-pause}.
 * A count is forgotten once nothing has failed for {@code forget-after}. No count ever locks an account
 * for good: the pause always ends.
 */
@ConfigurationProperties("needsloop.sign-in")
public record SignInLimits(Integer perClientAndAccount, Integer perClient, Integer perAccount, Duration firstPause,
		Duration longestPause, Duration forgetAfter) {

	public SignInLimits {
		perClientAndAccount = perClientAndAccount == null ? 5 : perClientAndAccount;
		perClient = perClient == null ? 20 : perClient;
		perAccount = perAccount == null ? 50 : perAccount;
		firstPause = firstPause == null ? Duration.ofMinutes(1) : firstPause;
		longestPause = longestPause == null ? Duration.ofMinutes(15) : longestPause;
		forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
		if (perClientAndAccount < 1 || perClient < 1 || perAccount < 1) {
			throw new IllegalArgumentException("needsloop.sign-in.per-* limits must be at least 1");
		}
		if (firstPause.isNegative() || firstPause.isZero() || longestPause.compareTo(firstPause) < 0
				|| forgetAfter.compareTo(longestPause) < 0) {
			throw new IllegalArgumentException(
					"needsloop.sign-in: need 0 < first-pause <= longest-pause <= forget-after");
		}
	}

	/** The limit of a count of this kind. */
	int limit(SignInThrottle.Kind kind) {
		return switch (kind) {
			case CLIENT_ACCOUNT -> perClientAndAccount;
			case CLIENT -> perClient;
			case ACCOUNT -> perAccount;
		};
	}

	/** The pause a count of {@code failures} earns against {@code limit}: none below it, then doubling, capped. */
	Duration pause(int failures, int limit) {
		if (failures < limit) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - limit, 30);
		Duration pause = firstPause.multipliedBy(1L << doublings);
		return pause.compareTo(longestPause) > 0 ? longestPause : pause;
	}
}
