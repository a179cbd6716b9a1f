package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import cn.needsloop.support.ThrowawayDatabase;

/**
 * Two nodes of a cluster on one MySQL/MariaDB database (127.0.0.1:3306, a database of its own, the
 * schema from the Flyway scripts) count wrong passwords together: failures sent to both nodes at once
 * all count, a pause one node starts holds on the other, and a pause lifted on one is lifted on both.
 * Fails (never skips) when the server cannot be reached.
 */
class SignInThrottleMySqlIntegrationTests {

	@RegisterExtension
	static final ThrowawayDatabase DATABASE = ThrowawayDatabase.named("signin_it").migrated();

	private static final SignInLimits LIMITS = new SignInLimits(5, 20, 50, null, null, null);

	/** One node: its own connection pool, its own throttle. */
	private record Node(SignInThrottle throttle) {

		void failed(String account, String client) {
			throttle.failed(account, client);
		}
	}

	private static Node node() {
		HikariDataSource pool = DATABASE.pool(8);
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

		JdbcTemplate db = new JdbcTemplate(DATABASE.pool(1));
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
		JdbcTemplate db = new JdbcTemplate(DATABASE.pool(1));
		assertThat(db.queryForObject("select failures from sign_in_throttle where throttle_key = ?", Integer.class,
				SignInThrottle.key(SignInThrottle.Kind.CLIENT, null, client))).isEqualTo(5);
	}
}
