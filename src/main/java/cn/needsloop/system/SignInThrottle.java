package cn.needsloop.system;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import cn.needsloop.process.EngineClock;
import cn.needsloop.process.PasswordGate;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Our limits on wrong passwords, the only ones: every password check of Camunda's identity service
 * (our sign-in page, {@code /api} and {@code /engine-rest} with HTTP Basic, and whatever else asks the
 * engine) is counted here (the engine's identity provider asks it as its {@link PasswordGate}), and Camunda's own lock, which locked an
 * account for good after ten wrong passwords from anyone, is off. A count that reaches its limit
 * ({@link SignInLimits}) pauses sign-in for a while that doubles with every further failure, up to a
 * ceiling; the pause always ends, and an administrator can lift it earlier ({@code /admin/locks}).
 * <p>
 * The counts live in the table {@code sign_in_throttle}, so that all nodes of a cluster apply the same
 * limits. They are kept with plain SQL rather than JPA, each statement committed at once: a count is
 * raised by one {@code update}, so that failures counted at the same moment by several requests or
 * nodes all count, and a pause is only ever lengthened. A password check happens inside an engine
 * command, which holds a database connection; it is counted after the command, when the request's
 * door asks ({@link #settle()}) or the request ends ({@link ClientFilter}), so that counting never
 * needs a second connection while the first is held (a wave of wrong passwords would otherwise take
 * every connection of the pool) nor waits inside the engine's transaction. Times are epoch
 * milliseconds from the engine clock ({@link EngineClock}), so that nodes in any time zone agree and
 * tests can move time.
 * <p>
 * The client is the request's remote address: the real client's address when a trusted proxy
 * forwards it ({@code server.tomcat.remoteip.internal-proxies}), never a header anyone may send.
 */
@Component
public class SignInThrottle implements PasswordGate {

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

	/** One password check, not counted yet. */
	private record Check(String account, boolean right) {
	}

	/** The request being served: its client address and the password checks it made that are not counted yet. */
	private record Served(String client, List<Check> unsettled) {
	}

	private static final ThreadLocal<Served> SERVED = new ThreadLocal<>();

	private static final int MAX_ACCOUNT = 64;

	private static final int MAX_CLIENT = 64;

	private final JdbcTemplate jdbc;

	private final SignInLimits limits;

	SignInThrottle(DataSource dataSource, SignInLimits limits) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.limits = limits;
	}

	/** The client address of the request being served, or null outside a request. */
	public static String currentClient() {
		Served served = SERVED.get();
		return served == null ? null : served.client();
	}

	/** How long {@code account} must wait before signing in from {@code client}; empty when it need not. */
	public Optional<Duration> pause(String account, String client) {
		Instant now = now();
		List<String> keys = keys(account, client);
		Long until = jdbc.queryForObject("select max(locked_until_ms) from sign_in_throttle where throttle_key in ("
				+ String.join(", ", Collections.nCopies(keys.size(), "?")) + ")", Long.class, keys.toArray());
		if (until == null || until <= now.toEpochMilli()) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofMillis(until - now.toEpochMilli()));
	}

	@Override
	public boolean refuses(String userId) {
		return pause(userId, currentClient()).isPresent();
	}

	@Override
	public void checked(String userId, boolean right) {
		checked(userId, currentClient(), right);
	}

	/**
	 * A password check the engine made: counted when the request being served settles, or at once outside a
	 * request.
	 */
	void checked(String account, String client, boolean right) {
		Served served = SERVED.get();
		if (served != null && Objects.equals(served.client(), client)) {
			served.unsettled().add(new Check(account, right));
		}
		else {
			count(account, client, right);
		}
	}

	/**
	 * Counts the password checks the request being served has made so far. A door calls it after the
	 * engine's check, outside any transaction, to know at once whether this failure started a pause.
	 */
	public void settle() {
		Served served = SERVED.get();
		if (served == null) {
			return;
		}
		List<Check> checks = List.copyOf(served.unsettled());
		served.unsettled().clear();
		checks.forEach(check -> count(check.account(), served.client(), check.right()));
	}

	private void count(String account, String client, boolean right) {
		if (right) {
			succeeded(account, client);
		}
		else {
			failed(account, client);
		}
	}

	/** Counts a wrong password for {@code account} from {@code client}. */
	public void failed(String account, String client) {
		long now = now().toEpochMilli();
		long forgotten = now - limits.forgetAfter().toMillis();
		try {
			jdbc.update("delete from sign_in_throttle where last_failure_ms < ? and (locked_until_ms is null or locked_until_ms < ?)",
					forgotten, now);
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
			try {
				jdbc.update("insert into sign_in_throttle (throttle_key, kind, client, account, failures, first_failure_ms, "
						+ "last_failure_ms, locked_until_ms) values (?, ?, ?, ?, 1, ?, ?, null)", key, kind.name(), client,
						account, now, now);
			}
			catch (DuplicateKeyException ex) {
				raise(key, now, forgotten); // another request or node started this count at the same moment
			}
		}
		int failures = jdbc.queryForObject("select failures from sign_in_throttle where throttle_key = ?", Integer.class, key);
		Duration pause = limits.pause(failures, limits.limit(kind));
		if (!pause.isZero()) {
			long until = now + pause.toMillis();
			// never shortens a pause another request set from a higher count a moment ago
			jdbc.update("update sign_in_throttle set locked_until_ms = case when locked_until_ms is null or locked_until_ms < ? "
					+ "then ? else locked_until_ms end where throttle_key = ?", until, until, key);
		}
	}

	/** Raises a count by one, starting again from one when its last failure is forgotten; the rows changed. */
	private int raise(String key, long now, long forgotten) {
		return jdbc.update("update sign_in_throttle set failures = case when last_failure_ms < ? then 1 else failures + 1 end, "
				+ "first_failure_ms = case when last_failure_ms < ? then ? else first_failure_ms end, last_failure_ms = ? "
				+ "where throttle_key = ?", forgotten, forgotten, now, now, key);
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

	private static Instant now() {
		return EngineClock.now();
	}

	/**
	 * Serves each request with its client address at hand, for the password checks it causes deep inside
	 * the engine, whichever door it came through; when the request ends, counts what its door did not.
	 */
	@Component
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	static class ClientFilter extends OncePerRequestFilter {

		private final SignInThrottle throttle;

		ClientFilter(SignInThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			SERVED.set(new Served(request.getRemoteAddr(), new ArrayList<>()));
			try {
				chain.doFilter(request, response);
			}
			finally {
				try {
					throttle.settle();
				}
				finally {
					SERVED.remove();
				}
			}
		}
	}
}
