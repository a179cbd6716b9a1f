package cn.needsloop.intake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The KPI read model on MySQL/MariaDB (127.0.0.1:3306, a fresh database for each test, dropped after it), two
 * connection pools as two nodes ({@link NeedCountsContract}). Fails (never skips) when the server cannot be reached.
 */
class NeedCountsMySqlIntegrationTests extends NeedCountsContract {

	private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";

	private static final String OPTIONS = "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false"
			+ "&allowPublicKeyRetrieval=true&serverTimezone=UTC";

	private final String database = "kpiread_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private final List<HikariDataSource> pools = new ArrayList<>();

	@BeforeEach
	void createDatabase() throws Exception {
		try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + database + " character set utf8mb4 collate utf8mb4_unicode_ci");
		}
	}

	@AfterEach
	void dropDatabase() throws Exception {
		pools.forEach(HikariDataSource::close);
		try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database);
		}
	}

	@Override
	protected DataSource node() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(SERVER + database + OPTIONS);
		pool.setUsername("root");
		pool.setPassword("");
		pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
		pool.setMaximumPoolSize(4);
		pools.add(pool);
		return pool;
	}
}
