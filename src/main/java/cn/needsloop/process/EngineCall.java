package cn.needsloop.process;

import java.util.Locale;
import java.util.Optional;

/**
 * A call that reached the engine from outside the application: through the engine's REST API ({@code /engine-rest})
 * or Tasklist's ({@code /camunda/api/engine}). Opened by the web filter in front of both, for the length of the
 * request; the engine's rules ({@link EngineRules}) hold such calls to what a person working a task may do, and
 * the first command that fails leaves its exception here, so that the filter can answer with the reason in the
 * caller's language instead of the engine's text.
 */
public final class EngineCall {

	private static final ThreadLocal<EngineCall> CURRENT = new ThreadLocal<>();

	private final Locale locale;

	private Throwable failure;

	private EngineCall(Locale locale) {
		this.locale = locale;
	}

	public static EngineCall begin(Locale locale) {
		EngineCall call = new EngineCall(locale);
		CURRENT.set(call);
		return call;
	}

	public static void end() {
		CURRENT.remove();
	}

	public static Optional<EngineCall> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	public Locale locale() {
		return locale;
	}

	/** The exception the outermost failed engine command ended with, or null. */
	public Throwable failure() {
		return failure;
	}

	void failed(Throwable failure) {
		this.failure = failure;
	}
}
