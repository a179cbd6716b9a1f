package cn.needsloop.process;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, for whatever must agree with it (sign-in pauses, idempotency keys): the
 * system clock, unless a test has set the engine's ({@code ClockUtil}).
 */
public final class EngineClock {

	private EngineClock() {
	}

	public static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}
}
