package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Two nodes of a cluster on one MySQL/MariaDB database (127.0.0.1:3306, a database of its own, the
 * schema from the Flyway scripts) count wrong passwords together: failures sent to both nodes at once
 * all count, a pause one node starts holds on the other, and a pause lifted on one is lifted on both.
 * Fails (never skips) when the server cannot be reached.
 */
class SignInThrottleMySqlIntegrationTests {

	private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";

	private static final String OPTIONS = "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false"
			+ "&allowPublicKeyRetrieval=true&serverTimezone=UTC";

	private static final String DATABASE = "needsloop_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static final List<HikariDataSource> POOLS = new ArrayList<>();

	private static final SignInLimits LIMITS = new SignInLimits(5, 20, 50, null, null, null);

	@BeforeAll
	static void createDatabase() throws Exception {
		try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
		}
		Flyway.configure().dataSource(SERVER + DATABASE + OPTIONS, "root", "").locations("classpath:db/migration").load()
			.migrate();
	}

	@AfterAll
	static void dropDatabase() throws Exception {
		POOLS.forEach(HikariDataSource::close);
		try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + DATABASE);
		}
	}

	/** One node: its own connection pool, its own throttle. */
	private record Node(SignInThrottle throttle) {

		void failed(String account, String client) {
			throttle.failed(account, client);
		}
	}

	private static Node node() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(SERVER + DATABASE + OPTIONS);
		pool.setUsername("root");
		pool.setPassword("");
		pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
		pool.setMaximumPoolSize(8);
		POOLS.add(pool);
		return new Node(new SignInThrottle(pool, LIMITS));
	}

	@Test
	void twoNodesCountEveryFailureAndShareThePause() throws Exception {
		Node one = node();
		Node two = node();
		String client = "198.51.100.20";
		int threads = 8;
		int perThread = 5;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Node node = t % 2 == 0 ? one : two;
			String account = "guessed-" + t;
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < perThread; i++) {
					node.failed(account, client);
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get(60, TimeUnit.SECONDS);
		}
		pool.shutdown();

		JdbcTemplate db = new JdbcTemplate(POOLS.get(0));
		assertThat(db.queryForObject("select failures from sign_in_throttle where throttle_key = ?", Integer.class,
				SignInThrottle.key(SignInThrottle.Kind.CLIENT, null, client))).isEqualTo(threads * perThread);
		// 40 failures from one address against a limit of 20: paused, on both nodes, for 15 minutes at most
		assertThat(one.throttle().pause("someone-else", client)).hasValueSatisfying(
				pause -> assertThat(pause).isGreaterThan(Duration.ofMinutes(14)).isLessThanOrEqualTo(Duration.ofMinutes(15)));
		assertThat(two.throttle().pause("someone-else", client)).isPresent();
		// each account was guessed five times from there: paused from there, not from elsewhere
		assertThat(two.throttle().pause("guessed-0", "198.51.100.21")).isEmpty();
		assertThat(one.throttle().locks()).extracting(SignInThrottle.Lock::kind).contains(SignInThrottle.Kind.CLIENT,
				SignInThrottle.Kind.CLIENT_ACCOUNT);

		assertThat(two.throttle().lift(SignInThrottle.key(SignInThrottle.Kind.CLIENT, null, client))).isTrue();
		for (int t = 0; t < threads; t++) {
			two.throttle().lift(SignInThrottle.key(SignInThrottle.Kind.CLIENT_ACCOUNT, "guessed-" + t, client));
		}
		assertThat(one.throttle().pause("someone-else", client)).isEmpty();
	}

	@Test
	void theRightPasswordForgetsOnlyThatAccountsFailuresFromThatAddress() {
		Node one = node();
		Node two = node();
		String client = "198.51.100.30";
		for (int i = 0; i < 4; i++) {
			one.failed("owner", client);
		}
		two.throttle().succeeded("owner", client);
		one.failed("owner", client);
		assertThat(two.throttle().pause("owner", client)).as("counting again from one").isEmpty();
		JdbcTemplate db = new JdbcTemplate(POOLS.get(0));
		assertThat(db.queryForObject("select failures from sign_in_throttle where throttle_key = ?", Integer.class,
				SignInThrottle.key(SignInThrottle.Kind.CLIENT, null, client))).isEqualTo(5);
	}
}
