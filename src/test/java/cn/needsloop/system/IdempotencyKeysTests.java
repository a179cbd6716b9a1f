package cn.needsloop.system;

import cn.needsloop.shared.ProblemException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.needsloop.system.IdempotencyKeys.Claim;
import cn.needsloop.system.IdempotencyKeys.Lost;
import cn.needsloop.system.IdempotencyKeys.Mismatch;
import cn.needsloop.system.IdempotencyKeys.Outcome;
import cn.needsloop.system.IdempotencyKeys.Proceed;
import cn.needsloop.system.IdempotencyKeys.Replay;
import cn.needsloop.system.IdempotencyKeys.StoredResponse;
import cn.needsloop.support.ApiTest;

/**
 * What a key tells after a node stopped in the middle of a request: a request that never committed is run by
 * the next one with its key; a request that committed is never run twice. The records of a request and the
 * mark on its key commit in one transaction.
 */
class IdempotencyKeysTests extends ApiTest {

	private static final String FINGERPRINT = IdempotencyKeys.fingerprint("POST /api/needs", "body");

	@Autowired
	private IdempotencyKeys keys;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	private Claim claim(String key) {
		Outcome outcome = keys.begin("tester", key, FINGERPRINT);
		assertThat(outcome).isInstanceOf(Proceed.class);
		return ((Proceed) outcome).claim();
	}

	private String state(String key) {
		return jdbc.query("select state from idempotency_key where user_id = 'tester' and idem_key = ?",
				(rs, i) -> rs.getString(1), key).stream().findFirst().orElse(null);
	}

	/** A transaction of the request that writes a row of its own (another key), as a record of the request. */
	private void write(String recordKey) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> jdbc.update(
				"insert into idempotency_key (user_id, idem_key, request_hash, owner, state, created_at, updated_at) "
						+ "values ('record', ?, ?, 'x', 'DONE', current_timestamp, current_timestamp)",
				recordKey, FINGERPRINT));
	}

	private boolean written(String recordKey) {
		return jdbc.queryForObject("select count(*) from idempotency_key where user_id = 'record' and idem_key = ?",
				Integer.class, recordKey) == 1;
	}

	private static void minutesPass(int minutes) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(minutes))));
	}

	@Test
	void theTransactionThatWritesTheRecordsMarksTheKeyAsItCommits() {
		String key = UUID.randomUUID().toString();
		Claim claim = claim(key);
		assertThat(state(key)).isEqualTo("PENDING");

		keys.within(claim, () -> new TransactionTemplate(transactions).execute(status -> {
			status.setRollbackOnly();
			return null;
		}));
		assertThat(state(key)).as("a transaction that rolled back marks nothing").isEqualTo("PENDING");

		String record = UUID.randomUUID().toString();
		keys.within(claim, () -> {
			write(record);
			return null;
		});
		assertThat(state(key)).isEqualTo("EXECUTED");
		assertThat(written(record)).isTrue();

		keys.finish(claim, new StoredResponse(201, "/api/needs/1", "application/json", "{\"id\":1}"));
		Outcome again = keys.begin("tester", key, FINGERPRINT);
		assertThat(again).isEqualTo(new Replay(new StoredResponse(201, "/api/needs/1", "application/json", "{\"id\":1}")));
		assertThat(keys.begin("tester", key, IdempotencyKeys.fingerprint("POST /api/needs", "other")))
			.isInstanceOf(Mismatch.class);
	}

	@Test
	void aRequestThatStoppedBeforeItCommittedIsRunByTheNextOneWithItsKey() {
		String key = UUID.randomUUID().toString();
		Claim stopped = claim(key);

		minutesPass(2);
		Claim next = claim(key);
		assertThat(next.owner()).isNotEqualTo(stopped.owner());

		// the first request was only slow: its commit now fails, and what it wrote is gone
		String late = UUID.randomUUID().toString();
		assertThatThrownBy(() -> keys.within(stopped, () -> {
			write(late);
			return null;
		})).isInstanceOfSatisfying(ProblemException.class,
				problem -> assertThat(problem.messageKey()).isEqualTo("problem.idempotency.inFlight"));
		assertThat(written(late)).isFalse();
		assertThat(state(key)).isEqualTo("PENDING");

		String record = UUID.randomUUID().toString();
		keys.within(next, () -> {
			write(record);
			return null;
		});
		assertThat(written(record)).isTrue();
		assertThat(state(key)).isEqualTo("EXECUTED");
	}

	@Test
	void aRequestThatCommittedButLostItsAnswerIsNeverRunAgain() {
		String key = UUID.randomUUID().toString();
		Claim claim = claim(key);
		keys.within(claim, () -> {
			write(UUID.randomUUID().toString());
			return null;
		});
		keys.release(claim); // a 5xx after the records were written keeps the key
		assertThat(state(key)).isEqualTo("EXECUTED");

		minutesPass(2);
		assertThat(keys.begin("tester", key, FINGERPRINT)).isInstanceOf(Lost.class);
		assertThat(state(key)).isEqualTo("EXECUTED");
	}

	@Test
	void aReleasedKeyIsFreeAgain() {
		String key = UUID.randomUUID().toString();
		keys.release(claim(key));
		assertThat(state(key)).isNull();
		claim(key);
	}
}
