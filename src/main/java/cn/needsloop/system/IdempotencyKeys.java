package cn.needsloop.system;

import cn.needsloop.shared.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import cn.needsloop.process.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Idempotency keys: a client that sends a creating request again (after a timeout, a double click, a
 * reload) with the same key gets the first answer, and nothing is created twice. A key belongs to the
 * user who sent it (two users' keys never meet) and lives {@code needsloop.idempotency.retention} (24 h).
 * <p>
 * Keys live in the database, table {@code idempotency_key}, so that a retry that reaches another node
 * finds them. A request first claims its key (a row in state {@code PENDING}, committed at once: a second
 * request with the key sees it); the transaction that writes the request's records marks the row
 * {@code EXECUTED} before it commits, in that same transaction ({@link MarkExecuted}); the answer is
 * stored afterwards ({@code DONE}). So the records and the mark commit together or not at all, and when a
 * node dies in between, the key tells which:
 * <ul>
 * <li>{@code PENDING} for longer than {@code in-flight-timeout}: the request never committed; the next
 * request with the key takes the claim over and runs;</li>
 * <li>{@code EXECUTED} for longer than that: it committed but its answer was lost; the next request gets
 * a 409 saying so, never a second record.</li>
 * </ul>
 * A second request with the key while the first still runs waits for it (up to {@code wait}) and then
 * gets its answer; after the wait, a 409. The request is compared by a SHA-256 hash of its operation and
 * its canonical body (JSON with sorted keys): the same key with another request is refused (422).
 */
@Component
public class IdempotencyKeys {

	/** The header of the API. */
	public static final String HEADER = "Idempotency-Key";

	/** The hidden field of a page's form. */
	public static final String FORM_FIELD = "idempotencyKey";

	/** Printable, bounded, safe in logs and in a primary key. */
	public static final String KEY_PATTERN = "[A-Za-z0-9._:-]{1,64}";

	private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

	/** The claim of the request running on this thread; its write transactions mark it executed. */
	private static final ThreadLocal<Claim> BOUND = new ThreadLocal<>();

	private static final ObjectMapper CANONICAL = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate own;

	private final Settings settings;

	IdempotencyKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, Settings settings) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.settings = settings;
	}

	public static boolean isValid(String key) {
		return key != null && KEY.matcher(key).matches();
	}

	/** A fresh key, for a form when it is shown. */
	public static String newKey() {
		return UUID.randomUUID().toString();
	}

	/** The fingerprint of a request: its operation ({@code POST /api/needs}) and its body as canonical JSON. */
	public static String fingerprint(String operation, Object request) {
		try {
			return sha256(operation + "\n" + CANONICAL.writeValueAsString(request));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("not serialisable: " + request.getClass(), ex);
		}
	}

	/**
	 * The fingerprint of a request with a JSON body: the same JSON with its keys in another order or other
	 * white space is the same request; a body that is not JSON counts byte for byte.
	 */
	public static String fingerprintOfJson(String operation, byte[] body) {
		if (body.length == 0) {
			return sha256(operation + "\n");
		}
		try {
			return fingerprint(operation, CANONICAL.readValue(body, Object.class));
		}
		catch (java.io.IOException notJson) {
			return sha256(operation + "\n" + new String(body, StandardCharsets.UTF_8));
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Claims the key for a request, or says what became of the request that holds it. Waits (up to
	 * {@code wait}) while that request is still running.
	 */
	public Outcome begin(String userId, String key, String fingerprint) {
		long deadline = System.nanoTime() + settings.inFlightWait().toNanos();
		long pause = 20;
		int vanished = 0;
		while (true) {
			Outcome outcome = attempt(userId, key, fingerprint);
			if (outcome == null && ++vanished < 5) {
				continue; // the row that held the key went away in between (released, expired): claim it now
			}
			if (outcome == null) {
				outcome = new InFlight();
			}
			if (!(outcome instanceof InFlight) || System.nanoTime() >= deadline) {
				return outcome;
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return outcome;
			}
			pause = Math.min(250, pause * 2);
		}
	}

	/** One look at the key; null when the row that held it went away in between. */
	private Outcome attempt(String userId, String key, String fingerprint) {
		Instant now = now();
		Claim claim = new Claim(userId, key, UUID.randomUUID().toString());
		try {
			inOwnTransaction(() -> jdbc.update("insert into idempotency_key (user_id, idem_key, request_hash, owner, state, "
					+ "created_at, updated_at) values (?, ?, ?, ?, 'PENDING', ?, ?)", userId, key, fingerprint, claim.owner(),
					time(now), time(now)));
			return new Proceed(claim);
		}
		catch (DuplicateKeyException taken) {
			// another request holds the key: below
		}
		Row row = inOwnTransaction(() -> jdbc.query("select request_hash, owner, state, response_status, response_location, "
				+ "response_content_type, response_body, created_at, updated_at from idempotency_key "
				+ "where user_id = ? and idem_key = ?", (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
						new StoredResponse(rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7)),
						rs.getObject(8, LocalDateTime.class).toInstant(ZoneOffset.UTC),
						rs.getObject(9, LocalDateTime.class).toInstant(ZoneOffset.UTC)), userId, key))
			.stream().findFirst().orElse(null);
		if (row == null) {
			return null;
		}
		if (row.createdAt().isBefore(now.minus(settings.retention()))) {
			// expired, not yet cleaned up: a new request
			inOwnTransaction(() -> jdbc.update("delete from idempotency_key where user_id = ? and idem_key = ? and owner = ?",
					userId, key, row.owner()));
			return null;
		}
		if (!row.fingerprint().equals(fingerprint)) {
			return new Mismatch();
		}
		boolean stale = row.updatedAt().isBefore(now.minus(settings.inFlightTimeout()));
		return switch (row.state()) {
			case "DONE" -> new Replay(row.response());
			case "EXECUTED" -> stale ? new Lost() : new InFlight();
			default -> {
				if (!stale) {
					yield new InFlight();
				}
				// the node that claimed it stopped before it committed anything: take the claim over
				int taken = inOwnTransaction(() -> jdbc.update("update idempotency_key set owner = ?, updated_at = ? "
						+ "where user_id = ? and idem_key = ? and owner = ? and state = 'PENDING'", claim.owner(), time(now),
						userId, key, row.owner()));
				log.info("Idempotency key of {} taken over from a request that stopped before it committed", userId);
				yield taken == 1 ? new Proceed(claim) : new InFlight();
			}
		};
	}

	/**
	 * Runs the request's work with the claim bound to this thread, so that every transaction that writes on
	 * this thread marks it executed as it commits.
	 */
	public <T> T within(Claim claim, Supplier<T> work) {
		bind(claim);
		try {
			return work.get();
		}
		finally {
			unbind();
		}
	}

	void bind(Claim claim) {
		BOUND.set(claim);
	}

	void unbind() {
		BOUND.remove();
	}

	static void unbindThread() {
		BOUND.remove();
	}

	/** Stores the request's answer: the same key and request get it from now on. */
	public void finish(Claim claim, StoredResponse response) {
		inOwnTransaction(() -> jdbc.update("update idempotency_key set state = 'DONE', response_status = ?, "
				+ "response_location = ?, response_content_type = ?, response_body = ?, updated_at = ? "
				+ "where user_id = ? and idem_key = ? and owner = ?", response.status(), response.location(),
				response.contentType(), response.body(), time(now()), claim.userId(), claim.key(), claim.owner()));
	}

	/**
	 * Gives the key back when the request ended without an answer to keep (a 5xx, a conflict, bad input): the
	 * next request with it runs anew. A request that committed its records keeps its key (the records are
	 * there: running it again would create them twice).
	 */
	public void release(Claim claim) {
		inOwnTransaction(() -> jdbc.update("delete from idempotency_key where user_id = ? and idem_key = ? and owner = ? "
				+ "and state = 'PENDING'", claim.userId(), claim.key(), claim.owner()));
	}

	/** Every hour, on every node (a delete of old rows is safe to run twice at once). */
	@Scheduled(initialDelayString = "${needsloop.idempotency.cleanup-interval:PT1H}",
			fixedDelayString = "${needsloop.idempotency.cleanup-interval:PT1H}")
	void removeExpiredKeys() {
		removeExpired();
	}

	/** Removes the keys older than the retention; returns how many. */
	public int removeExpired() {
		int removed = inOwnTransaction(() -> jdbc.update("delete from idempotency_key where created_at < ?",
				time(now().minus(settings.retention()))));
		if (removed > 0) {
			log.debug("Removed {} expired idempotency keys", removed);
		}
		return removed;
	}

	private static Instant now() {
		return EngineClock.now();
	}

	private static LocalDateTime time(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** The store's own statements run in short transactions of their own, never marked as a request's. */
	private <T> T inOwnTransaction(Supplier<T> work) {
		Claim bound = BOUND.get();
		BOUND.remove();
		try {
			return own.execute(status -> work.get());
		}
		finally {
			if (bound != null) {
				BOUND.set(bound);
			}
		}
	}

	/** Which answers are kept for the key: successes and refusals that stay true; not bad input, timing or failures. */
	public static boolean isKept(int status) {
		if (status >= 200 && status < 300) {
			return true;
		}
		return status >= 400 && status < 500 && !NOT_KEPT.contains(status);
	}

	/** 400 bad input (fix it and send it again), 401, 408, 409 (timing: try again), 425, 429. */
	private static final List<Integer> NOT_KEPT = List.of(400, 401, 408, 409, 425, 429);

	/** A request's claim on a key. */
	public record Claim(String userId, String key, String owner) {
	}

	/** The answer kept for a key. */
	public record StoredResponse(int status, String location, String contentType, String body) {
	}

	private record Row(String fingerprint, String owner, String state, StoredResponse response, Instant createdAt,
			Instant updatedAt) {
	}

	/** What became of {@link #begin}. */
	public sealed interface Outcome permits Proceed, Replay, Mismatch, InFlight, Lost {
	}

	/** The key is this request's: run it. */
	public record Proceed(Claim claim) implements Outcome {
	}

	/** The request was done before: answer as then. */
	public record Replay(StoredResponse response) implements Outcome {
	}

	/** The key was used for another request. */
	public record Mismatch() implements Outcome {
	}

	/** The request with the key is still running. */
	public record InFlight() implements Outcome {
	}

	/** The request with the key committed, but its node stopped before its answer was kept. */
	public record Lost() implements Outcome {
	}

	/**
	 * Marks the claim bound to this thread executed in every transaction that writes on the thread, just
	 * before it commits: the records and the mark commit together. A claim that another request took over
	 * (this one ran past the in-flight timeout) fails the commit, so only one of them writes.
	 */
	@Component
	static class MarkExecuted implements TransactionExecutionListener {

		private final JdbcTemplate jdbc;

		MarkExecuted(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public void beforeCommit(TransactionExecution transaction) {
			Claim claim = BOUND.get();
			if (claim == null || !transaction.isNewTransaction() || transaction.isReadOnly()
					|| transaction.isRollbackOnly()) {
				return;
			}
			int marked = jdbc.update("update idempotency_key set state = 'EXECUTED', updated_at = ? "
					+ "where user_id = ? and idem_key = ? and owner = ? and state <> 'DONE'", time(now()), claim.userId(),
					claim.key(), claim.owner());
			if (marked != 1) {
				throw ProblemException.conflict("problem.idempotency.inFlight");
			}
		}
	}

	/**
	 * {@code needsloop.idempotency.*}: how long a key is kept ({@code retention}, 24 h), how long a second request
	 * waits for the first one with its key ({@code in-flight-wait}, 10 s), after how long a claim whose request
	 * neither finished nor answered counts as left by a stopped node ({@code in-flight-timeout}, 1 min).
	 */
	@ConfigurationProperties("needsloop.idempotency")
	public record Settings(Duration retention, Duration inFlightWait, Duration inFlightTimeout) {

		public Settings {
			retention = retention == null ? Duration.ofHours(24) : retention;
			inFlightWait = inFlightWait == null ? Duration.ofSeconds(10) : inFlightWait;
			inFlightTimeout = inFlightTimeout == null ? Duration.ofMinutes(1) : inFlightTimeout;
		}
	}
}
