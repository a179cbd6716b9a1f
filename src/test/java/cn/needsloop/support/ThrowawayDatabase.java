package cn.needsloop.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A database of its own on the MySQL/MariaDB server of the MySQL tests ({@link OutsideServices#mysqlServer()}, root
 * without a password), with a unique name, for a test class or a single test: registered with
 * {@code @RegisterExtension} on a static field it is created before the class and dropped after it, on an instance
 * field it is created before each test and dropped after it. The connection pools it hands out (its "nodes") are
 * closed before the drop. Optionally it gets the application's schema from the Flyway scripts first.
 * <p>
 * The name is {@code <prefix><label>_<12 hex digits>}; the prefix ({@value #PREFIX}, default none) lets people who
 * share one server tell their databases apart. Fails (never skips) when the server cannot be reached.
 */
public final class ThrowawayDatabase
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	/** System property: a prefix for the names of the databases the tests create. */
	public static final String PREFIX = "needsloop.test.database-prefix";

	/** The options of application-mysql.yml: Camunda needs no fractional seconds on MySQL. */
	public static final String OPTIONS = "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false"
			+ "&allowPublicKeyRetrieval=true&serverTimezone=UTC";

	private static final String USER = "root";

	private static final String PASSWORD = "";

	private final String label;

	private String collation = "utf8mb4_bin";

	private boolean migrated;

	private String name;

	private boolean perTest;

	private final List<HikariDataSource> pools = new ArrayList<>();

	private ThrowawayDatabase(String label) {
		this.label = label;
	}

	/** An empty database whose name starts with {@code label} (after the prefix), {@code utf8mb4_bin}. */
	public static ThrowawayDatabase named(String label) {
		return new ThrowawayDatabase(label);
	}

	/** Another collation of {@code utf8mb4}. */
	public ThrowawayDatabase collation(String collation) {
		this.collation = collation;
		return this;
	}

	/** With the application's schema, migrated by the Flyway scripts of {@code db/migration}. */
	public ThrowawayDatabase migrated() {
		this.migrated = true;
		return this;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws SQLException {
		create();
	}

	@Override
	public void afterAll(ExtensionContext context) throws SQLException {
		drop();
	}

	@Override
	public void beforeEach(ExtensionContext context) throws SQLException {
		if (name == null) {
			perTest = true;
			create();
		}
	}

	@Override
	public void afterEach(ExtensionContext context) throws SQLException {
		if (perTest) {
			drop();
		}
	}

	private void create() throws SQLException {
		name = System.getProperty(PREFIX, "") + label + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		onServer("create database `" + name + "` character set utf8mb4 collate " + collation);
		if (migrated) {
			Flyway.configure().dataSource(url(), USER, PASSWORD).locations("classpath:db/migration").load().migrate();
		}
	}

	private void drop() throws SQLException {
		pools.forEach(HikariDataSource::close);
		pools.clear();
		if (name != null) {
			onServer("drop database if exists `" + name + "`");
			name = null;
		}
	}

	/** The database's name. */
	public String name() {
		if (name == null) {
			throw new IllegalStateException("The database " + label + "_… exists only while its class or test runs");
		}
		return name;
	}

	/** The JDBC URL of the database, with the options of the {@code mysql} profile. */
	public String url() {
		return OutsideServices.mysqlServer() + name() + OPTIONS;
	}

	/** A connection pool of its own, as one node of a cluster has: read committed, at most {@code size} connections. */
	public HikariDataSource pool(int size) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url());
		pool.setUsername(USER);
		pool.setPassword(PASSWORD);
		pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
		pool.setMaximumPoolSize(size);
		pools.add(pool);
		return pool;
	}

	/** Runs the statements in the database, one connection for all. */
	public void execute(String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url(), USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static void onServer(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(OutsideServices.mysqlServer() + OPTIONS, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}
}
