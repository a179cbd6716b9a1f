package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import cn.needsloop.system.StartRefusedException;

/**
 * A first production start on the {@code mysql} profile, against an empty database of its own on the
 * MySQL/MariaDB server at 127.0.0.1:3306: refused without an administrator, saying what to set; with
 * one configured, on the same database, it starts with that administrator and no demo user. Another
 * database with Camunda's tables on the server does not keep Camunda from creating its own. Real {@link SpringApplication}
 * runs without a web server (closing a web application would tear down Camunda's webapps under the
 * other tests of this JVM). Fails, never skips, when no server answers.
 */
class ProductionStartMySqlIntegrationTests {

	static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";

	static final String OPTIONS = "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false"
			+ "&allowPublicKeyRetrieval=true&serverTimezone=UTC";

	private final String database = "needsloop_start_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	/** Another Camunda database on the same server, as in production beside staging (or parallel test runs). */
	private final String otherDatabase = database.replace("_start_", "_other_");

	@BeforeEach
	void createDatabases() throws SQLException {
		execute("create database " + database + " character set utf8mb4 collate utf8mb4_bin");
		execute("create database " + otherDatabase + " character set utf8mb4 collate utf8mb4_bin");
		execute("create table " + otherDatabase + ".ACT_RU_EXECUTION (ID_ varchar(64) primary key)");
	}

	@AfterEach
	void dropDatabases() throws SQLException {
		execute("drop database if exists " + database);
		execute("drop database if exists " + otherDatabase);
	}

	@Test
	void refusesAFirstStartWithoutAnAdministratorThenStartsWithTheConfiguredOne() {
		Throwable failure = catchThrowable(() -> start("--needsloop.admin.user=", "--needsloop.admin.password=").close());

		Throwable cause = failure;
		while (cause != null && !(cause instanceof StartRefusedException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("refused: %s", failure).isInstanceOf(StartRefusedException.class);
		assertThat(((StartRefusedException) cause).action()).contains("Set NEEDSLOOP_ADMIN_USER and NEEDSLOOP_ADMIN_PASSWORD");

		// the same database, now with the variables set
		try (ConfigurableApplicationContext app = start("--needsloop.admin.user=district-admin",
				"--needsloop.admin.password=Harbour-Lantern-48!")) {
			IdentityService identity = app.getBean(IdentityService.class);
			assertThat(identity.checkPassword("district-admin", "Harbour-Lantern-48!")).isTrue();
			assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").singleResult().getId())
				.isEqualTo("district-admin");
			assertThat(identity.createUserQuery().count()).as("no demo users").isEqualTo(1);
			assertThat(app.getEnvironment().getActiveProfiles()).containsExactly("mysql");
		}
	}

	private ConfigurableApplicationContext start(String... admin) {
		String[] args = { "--spring.profiles.active=mysql", "--spring.datasource.url=" + SERVER + database + OPTIONS,
				"--spring.datasource.username=root", "--spring.datasource.password=", "--spring.main.web-application-type=none",
				"--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
				"--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.generate-unique-process-engine-name=true",
				"--camunda.bpm.generate-unique-process-application-name=true", "--spring.main.banner-mode=off", admin[0],
				admin[1] };
		return new SpringApplication(NeedsLoopApplication.class).run(args);
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}
}
