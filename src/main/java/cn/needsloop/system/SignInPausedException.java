package cn.needsloop.system;

import java.time.Duration;
import java.time.Instant;

import cn.needsloop.process.EngineClock;

import org.springframework.security.core.AuthenticationException;

/**
 * Sign-in refused because too many wrong passwords paused it for a while ({@link SignInThrottle}). The
 * person is told that it is temporary and for how long: on the sign-in page, and as a 429 problem with
 * {@code Retry-After} on {@code /api} and {@code /engine-rest}.
 */
public class SignInPausedException extends AuthenticationException {

	private final Duration pause;

	private final Instant until;

	public SignInPausedException(Duration pause) {
		super("Sign-in paused for " + pause);
		this.pause = pause;
		this.until = EngineClock.now().plus(pause);
	}

	/** When the pause ends. */
	public Instant until() {
		return until;
	}

	public Duration pause() {
		return pause;
	}

	/** Whole seconds left, at least one: the value of {@code Retry-After}. */
	public long seconds() {
		return Math.max(1, (pause.toMillis() + 999) / 1000);
	}

	/** Whole minutes left, at least one: what a person is told. */
	public long minutes() {
		return Math.max(1, (seconds() + 59) / 60);
	}
}
