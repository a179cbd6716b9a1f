package cn.needsloop.intake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The term index on MySQL/MariaDB (127.0.0.1:3306, a database of its own), two connection pools as two nodes
 * ({@link SimilarNeedIndexContract}). Fails (never skips) when the server cannot be reached.
 */
class SimilarNeedIndexMySqlIntegrationTests extends SimilarNeedIndexContract {

	private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";

	private static final String OPTIONS = "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false"
			+ "&allowPublicKeyRetrieval=true&serverTimezone=UTC";

	private static final String DATABASE = "needsloop_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static final List<HikariDataSource> POOLS = new ArrayList<>();

	@BeforeAll
	static void createDatabase() throws Exception {
		try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
		}
	}

	@AfterAll
	static void dropDatabase() throws Exception {
		POOLS.forEach(HikariDataSource::close);
		try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + DATABASE);
		}
	}

	@Override
	protected String url() {
		return SERVER + DATABASE + OPTIONS;
	}

	@Override
	protected DataSource node() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url());
		pool.setUsername("root");
		pool.setPassword("");
		pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
		pool.setMaximumPoolSize(4);
		POOLS.add(pool);
		return pool;
	}
}
