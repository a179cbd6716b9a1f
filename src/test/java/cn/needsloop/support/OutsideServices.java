package cn.needsloop.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The services outside the JVM that some suites need: the system's Chromium and chromedriver for the
 * browser tests, a MySQL-protocol server for the MySQL tests. On a fresh machine without them
 * {@code ./mvnw verify} passes: such a suite is skipped, and one line on the console says what to
 * install or start. CI ({@code .ci/run}) provides both and sets {@value #REQUIRE}{@code =true}, which
 * turns a missing service into a failure of the suite, so that nothing is skipped there unseen.
 * <p>
 * Where they are looked for: {@code -Dneedsloop.test.chromium=PATH} and
 * {@code -Dneedsloop.test.chromedriver=PATH} (default: {@code chromium} and {@code chromedriver} on the
 * {@code PATH}, else {@code /usr/bin}); {@code -Dneedsloop.test.mysql=HOST:PORT} (default
 * {@code 127.0.0.1:3306}, user {@code root} without a password).
 */
public final class OutsideServices {

	/** System property that makes a missing service fail its suite instead of skipping it. */
	public static final String REQUIRE = "needsloop.require-services";

	private static final ConcurrentMap<Class<?>, Optional<String>> MISSING = new ConcurrentHashMap<>();

	private OutsideServices() {
	}

	public static Path chromium() {
		return executable("needsloop.test.chromium", "chromium");
	}

	public static Path chromedriver() {
		return executable("needsloop.test.chromedriver", "chromedriver");
	}

	/** {@code jdbc:mysql://host:port/}, the server the MySQL tests create their databases on. */
	public static String mysqlServer() {
		return "jdbc:mysql://" + System.getProperty("needsloop.test.mysql", "127.0.0.1:3306") + "/";
	}

	private static Path executable(String property, String name) {
		String configured = System.getProperty(property);
		if (configured != null) {
			return Path.of(configured);
		}
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
				return Path.of(dir, name);
			}
		}
		return Path.of("/usr/bin", name);
	}

	/** Runs the class when its service is there; otherwise skips it with one line, or fails it under {@value #REQUIRE}. */
	abstract static class Condition implements ExecutionCondition {

		/** The suites, as the line names them: "Browser tests". */
		abstract String suites();

		/** What is missing and what to do about it, or empty when the service is there. */
		abstract Optional<String> missing();

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			Optional<String> missing = MISSING.computeIfAbsent(getClass(), kind -> {
				Optional<String> why = missing();
				// one line per kind of service and run, not one per class
				why.ifPresent(reason -> System.err.println(Boolean.getBoolean(REQUIRE) ? "[ERROR] " + suites()
						+ " cannot run: " + reason : "[WARNING] " + suites() + " skipped: " + reason));
				return why;
			});
			return decide(suites(), missing);
		}
	}

	static ConditionEvaluationResult decide(String suites, Optional<String> missing) {
		if (missing.isEmpty()) {
			return ConditionEvaluationResult.enabled("service available");
		}
		if (Boolean.getBoolean(REQUIRE)) {
			throw new ExtensionConfigurationException(suites + " cannot run (" + REQUIRE + "=true): " + missing.get());
		}
		return ConditionEvaluationResult.disabled(suites + " skipped: " + missing.get());
	}

	/** The system's headless Chromium and its chromedriver. */
	public static final class Browser extends Condition {

		@Override
		String suites() {
			return "Browser tests";
		}

		@Override
		Optional<String> missing() {
			Path chromium = chromium();
			Path driver = chromedriver();
			if (Files.isExecutable(chromium) && Files.isExecutable(driver)) {
				return Optional.empty();
			}
			return Optional.of((Files.isExecutable(chromium) ? "" : "no Chromium at " + chromium + "; ")
					+ (Files.isExecutable(driver) ? "" : "no chromedriver at " + driver + "; ")
					+ "install them with: apt-get install chromium chromium-driver fonts-wqy-microhei");
		}
	}

	/** A MySQL or MariaDB server that takes {@code root} without a password. */
	public static final class MySql extends Condition {

		@Override
		String suites() {
			return "MySQL tests";
		}

		@Override
		Optional<String> missing() {
			String server = mysqlServer();
			try (Connection connection = DriverManager.getConnection(
					server + "?connectTimeout=3000&socketTimeout=5000&useSSL=false&allowPublicKeyRetrieval=true", "root", "")) {
				return Optional.empty();
			}
			catch (SQLException ex) {
				return Optional.of("no MySQL/MariaDB server answers at " + server + " as root without a "
						+ "password (" + ex.getMessage().lines().findFirst().orElse("") + "); start one, e.g. apt-get install "
						+ "mariadb-server && service mariadb start, or run bash .ci/run");
			}
		}
	}
}
