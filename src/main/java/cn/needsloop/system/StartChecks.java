package cn.needsloop.system;

import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The settings a start cannot do without, checked before any bean is made, so that a wrong setting
 * stops the start before the database is touched, with a message that says what to set:
 * <ul>
 * <li>the {@code mysql} profile has no default database account: {@code MYSQL_USER} and
 * {@code MYSQL_PASSWORD} must be given (an empty password given on purpose is accepted, with a
 * warning);</li>
 * <li>the configured first administrator ({@code NEEDSLOOP_ADMIN_USER} / {@code NEEDSLOOP_ADMIN_PASSWORD},
 * the properties {@code needsloop.admin.user} / {@code needsloop.admin.password}) comes as a pair, with
 * a valid user id and a password that passes {@link PasswordPolicy}, checked at every start while it
 * is set.</li>
 * </ul>
 * Whether an administrator exists at all is checked once the engine is up ({@link Administrators}).
 */
@Component
class StartChecks implements BeanFactoryPostProcessor, EnvironmentAware {

	static final String ADMIN_USER = "needsloop.admin.user";

	static final String ADMIN_PASSWORD = "needsloop.admin.password";

	/** What Camunda accepts as a user id here (its resource whitelist), within its 64-character column. */
	private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	static final String POLICY = "The password needs at least " + PasswordPolicy.MIN_LENGTH
			+ " characters of at least three kinds (lower case, upper case, digits, Chinese characters, others),"
			+ " must not contain the user id and must not be a well-known or demo password.";

	private static final Logger LOG = LoggerFactory.getLogger(StartChecks.class);

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (environment.matchesProfiles("mysql")) {
			checkDatabaseAccount();
		}
		configuredAdministrator(environment);
	}

	private void checkDatabaseAccount() {
		String user = valueOrNull("spring.datasource.username");
		String password = valueOrNull("spring.datasource.password");
		if (user == null || user.isBlank() || password == null) {
			throw new StartRefusedException(
					"The mysql profile has no default database account, and "
							+ (user == null || user.isBlank() ? "no database user" : "no database password") + " is given.",
					"Set MYSQL_USER and MYSQL_PASSWORD (the properties spring.datasource.username and"
							+ " spring.datasource.password), and MYSQL_URL unless the database is"
							+ " jdbc:mysql://127.0.0.1:3306/needsloop.");
		}
		if (password.isEmpty()) {
			LOG.warn("The database password (MYSQL_PASSWORD) is empty: use an account with a password in production");
		}
	}

	/** A property, or null when it is not set or refers to a variable that is not set. */
	private String valueOrNull(String key) {
		try {
			return environment.getProperty(key);
		}
		catch (IllegalArgumentException unresolved) {
			return null;
		}
	}

	/**
	 * The configured first administrator, or null when none is configured; refuses the start when
	 * only half of it is given or the password is weak.
	 */
	static Administrator configuredAdministrator(Environment environment) {
		String user = blankToNull(environment.getProperty(ADMIN_USER));
		String password = blankToNull(environment.getProperty(ADMIN_PASSWORD));
		if (user == null && password == null) {
			return null;
		}
		if (user == null || password == null) {
			throw new StartRefusedException(
					(user == null ? "NEEDSLOOP_ADMIN_PASSWORD is set but NEEDSLOOP_ADMIN_USER is not."
							: "NEEDSLOOP_ADMIN_USER is set but NEEDSLOOP_ADMIN_PASSWORD is not."),
					"Set both NEEDSLOOP_ADMIN_USER and NEEDSLOOP_ADMIN_PASSWORD (the properties " + ADMIN_USER + " and "
							+ ADMIN_PASSWORD + "), or neither once an administrator exists. " + POLICY);
		}
		if (!USER_ID.matcher(user).matches()) {
			throw new StartRefusedException("NEEDSLOOP_ADMIN_USER '" + user + "' is not a valid user id.",
					"Set NEEDSLOOP_ADMIN_USER to 1 to 64 letters, digits, '-' or '_'.");
		}
		List<String> weaknesses = PasswordPolicy.weaknesses(user, password);
		if (!weaknesses.isEmpty()) {
			throw new StartRefusedException(
					"NEEDSLOOP_ADMIN_PASSWORD is too weak for the administrator '" + user + "': "
							+ String.join("; ", weaknesses) + ".",
					"Set NEEDSLOOP_ADMIN_PASSWORD to a stronger password. " + POLICY);
		}
		return new Administrator(user, password);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	/** The first administrator from configuration. */
	record Administrator(String userId, String password) {

		@Override
		public String toString() {
			return "Administrator[" + userId + "]"; // never the password
		}
	}
}
