package cn.needsloop.system;

/**
 * The application will not start as configured, and says why and exactly what to set. Spring Boot
 * prints it as "APPLICATION FAILED TO START" with the description and the action
 * ({@link StartRefusedFailureAnalyzer}), without a stack trace.
 */
public class StartRefusedException extends RuntimeException {

	private final String action;

	StartRefusedException(String description, String action) {
		super(description + " " + action);
		this.action = action;
	}

	/** What is wrong, without the action. */
	public String description() {
		return getMessage().substring(0, getMessage().length() - action.length() - 1);
	}

	/** What to set so that the next start succeeds. */
	public String action() {
		return action;
	}
}
