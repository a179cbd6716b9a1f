package cn.needsloop.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link HouseholdImportBenchmarks} on the MySQL/MariaDB server at 127.0.0.1:3306 (root, no password; the mysql
 * profile), in a database of its own, {@code import_bench}, created for the run and dropped after it:
 * {@code ./mvnw test -Dtest=HouseholdImportMySqlBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "mysql", "demo", "test" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HouseholdImportMySqlBenchmark extends HouseholdImportBenchmarks {

	static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";

	static final String OPTIONS = "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false"
			+ "&allowPublicKeyRetrieval=true&serverTimezone=UTC";

	static final String DATABASE = "import_bench";

	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) throws Exception {
		try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + DATABASE);
			statement.execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
		}
		registry.add("spring.datasource.url", () -> SERVER + DATABASE + OPTIONS);
		registry.add("spring.datasource.username", () -> "root");
		registry.add("spring.datasource.password", () -> "");
	}

	/** Drops the database (the context's idle connections hold no lock that stops it). */
	@AfterAll
	static void dropDatabase() throws Exception {
		try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + DATABASE);
		}
	}

	@Override
	String database() {
		return "MariaDB";
	}
}
