package cn.needsloop.system;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Our limits on wrong passwords, the only ones: every password check of Camunda's identity service
 * (our sign-in page, {@code /api} and {@code /engine-rest} with HTTP Basic, and whatever else asks the
 * engine) is counted here ({@link ThrottledIdentityProvider}), and Camunda's own lock, which locked an
 * account for good after ten wrong passwords from anyone, is off. A count that reaches its limit
 * ({@link SignInLimits}) pauses sign-in for a while that doubles with every further failure, up to a
 * ceiling; the pause always ends, and an administrator can lift it earlier ({@code /admin/locks}).
 * <p>
 * The counts live in the table {@code sign_in_throttle}, so that all nodes of a cluster apply the same
 * limits. They are kept with plain SQL rather than JPA: a count is raised by one {@code update} that
 * holds the row while this transaction runs, the usual way to count safely across nodes; a new count's
 * row is made on a connection of its own, committed at once. The check runs inside the engine's own
 * command, where a failed insert (another node was faster) must not spoil the JPA session. Times are epoch milliseconds from the engine clock ({@link ClockUtil}), so
 * that nodes in any time zone agree and tests can move time.
 * <p>
 * The client is the request's remote address: the real client's address when a trusted proxy
 * forwards it ({@code server.tomcat.remoteip.internal-proxies}), never a header anyone may send.
 */
@Component
public class SignInThrottle {

	/** What a count counts. */
	public enum Kind {
		/** one client address signing in as one account: a person mistyping, or a guesser */
		CLIENT_ACCOUNT,
		/** one client address, whatever the accounts: one guesser trying many accounts */
		CLIENT,
		/** one account, whatever the addresses: many guessers trying one account */
		ACCOUNT
	}

	/** A current pause, for the administrators' page. */
	public record Lock(String key, Kind kind, String client, String account, int failures, Instant lastFailure,
			Instant lockedUntil) {
	}

	private static final ThreadLocal<String> CLIENT = new ThreadLocal<>();

	private static final int MAX_ACCOUNT = 64;

	private static final int MAX_CLIENT = 64;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final SignInLimits limits;

	SignInThrottle(DataSource dataSource, SignInLimits limits) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.limits = limits;
	}

	/** The client address of the request being served, or null outside a request. */
	public static String currentClient() {
		return CLIENT.get();
	}

	/** How long {@code account} must wait before signing in from {@code client}; empty when it need not. */
	public Optional<Duration> pause(String account, String client) {
		Instant now = now();
		List<String> keys = keys(account, client);
		Long until = jdbc.queryForObject("select max(locked_until_ms) from sign_in_throttle where throttle_key in ("
				+ placeholders(keys.size()) + ")", Long.class, keys.toArray());
		if (until == null || until <= now.toEpochMilli()) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofMillis(until - now.toEpochMilli()));
	}

	/** Counts a wrong password for {@code account} from {@code client}. */
	public void failed(String account, String client) {
		long now = now().toEpochMilli();
		long forgotten = now - limits.forgetAfter().toMillis();
		try {
			outsideTransaction(db -> db.update("delete from sign_in_throttle where last_failure_ms < ? "
					+ "and (locked_until_ms is null or locked_until_ms < ?)", forgotten, now));
		}
		catch (DataAccessException ex) {
			// housekeeping only: the next failure tries again
		}
		for (Kind kind : Kind.values()) {
			String key = key(kind, account, client);
			if (key != null) {
				count(key, kind, kind == Kind.ACCOUNT ? null : clientOf(client), kind == Kind.CLIENT ? null : accountOf(account),
						now, forgotten);
			}
		}
	}

	/**
	 * Forgets the failures of {@code account} from {@code client} after the right password. The client's
	 * and the account's counts stay: signing in to one's own account must not reset a guesser's count
	 * against others, and the owner's sign-ins must not reset the guessers' count against the owner.
	 */
	public void succeeded(String account, String client) {
		String key = key(Kind.CLIENT_ACCOUNT, account, client);
		if (key != null) {
			jdbc.update("delete from sign_in_throttle where throttle_key = ?", key);
		}
	}

	/** The pauses in force now, longest first. */
	public List<Lock> locks() {
		return jdbc.query("select * from sign_in_throttle where locked_until_ms > ? order by locked_until_ms desc, throttle_key",
				(rs, row) -> new Lock(rs.getString("throttle_key"), Kind.valueOf(rs.getString("kind")), rs.getString("client"),
						rs.getString("account"), rs.getInt("failures"), Instant.ofEpochMilli(rs.getLong("last_failure_ms")),
						Instant.ofEpochMilli(rs.getLong("locked_until_ms"))),
				now().toEpochMilli());
	}

	/** Lifts a pause and forgets its count; false when there was none. */
	public boolean lift(String key) {
		return jdbc.update("delete from sign_in_throttle where throttle_key = ?", key) > 0;
	}

	private void count(String key, Kind kind, String client, String account, long now, long forgotten) {
		if (raise(key, now, forgotten) == 0) {
			// a new count: its row is made outside this transaction, so that requests (or nodes) starting the same
			// count at once do not hold each other's new row (on MySQL: a deadlock), then counted like any other
			try {
				outsideTransaction(db -> db.update("insert into sign_in_throttle (throttle_key, kind, client, account, "
						+ "failures, first_failure_ms, last_failure_ms, locked_until_ms) values (?, ?, ?, ?, 0, ?, ?, null)",
						key, kind.name(), client, account, now, now));
			}
			catch (DuplicateKeyException ex) {
				// another request or node made it first
			}
			raise(key, now, forgotten);
		}
		// the row is ours until this transaction ends: the count read here is the one just raised
		int failures = jdbc.queryForObject("select failures from sign_in_throttle where throttle_key = ?", Integer.class, key);
		Duration pause = limits.pause(failures, limits.limit(kind));
		if (!pause.isZero()) {
			jdbc.update("update sign_in_throttle set locked_until_ms = ? where throttle_key = ?", now + pause.toMillis(), key);
		}
	}

	/** Raises a count by one, starting again from one when its last failure is forgotten; the rows changed. */
	private int raise(String key, long now, long forgotten) {
		return jdbc.update("update sign_in_throttle set failures = case when last_failure_ms < ? then 1 else failures + 1 end, "
				+ "first_failure_ms = case when last_failure_ms < ? then ? else first_failure_ms end, last_failure_ms = ? "
				+ "where throttle_key = ?", forgotten, forgotten, now, now, key);
	}

	/** Runs statements on a connection of its own that commits each at once, whatever transaction is under way. */
	private void outsideTransaction(java.util.function.Consumer<JdbcTemplate> statements) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			statements.accept(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("No connection for the sign-in limits", ex);
		}
	}

	private static List<String> keys(String account, String client) {
		List<String> keys = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			String key = key(kind, account, client);
			if (key != null) {
				keys.add(key);
			}
		}
		return keys;
	}

	/** The key of a count; null for a count that needs a client when there is none. */
	static String key(Kind kind, String account, String client) {
		return switch (kind) {
			case CLIENT_ACCOUNT -> client == null ? null : "pair:" + clientOf(client) + "|" + accountOf(account);
			case CLIENT -> client == null ? null : "client:" + clientOf(client);
			case ACCOUNT -> "account:" + accountOf(account);
		};
	}

	/** Account ids as the identity service matches them (case-insensitive on MySQL), cut to a column's width. */
	private static String accountOf(String account) {
		String id = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
		return id.length() > MAX_ACCOUNT ? id.substring(0, MAX_ACCOUNT) : id;
	}

	private static String clientOf(String client) {
		return client.length() > MAX_CLIENT ? client.substring(0, MAX_CLIENT) : client;
	}

	private static String placeholders(int count) {
		return String.join(", ", java.util.Collections.nCopies(count, "?"));
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/**
	 * Remembers the client address of each request while it is served, for the password checks it causes
	 * deep inside the engine ({@link ThrottledIdentityProvider}), whichever door it came through.
	 */
	@Component
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	static class ClientFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CLIENT.set(request.getRemoteAddr());
			try {
				chain.doFilter(request, response);
			}
			finally {
				CLIENT.remove();
			}
		}
	}
}
