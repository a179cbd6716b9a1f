package cn.needsloop.process;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.needsloop.shared.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Runs a step that may lose a race with a step beside it, and runs it again when it did. Steps that
 * run side by side in one process instance (the ratings of an evaluation, the milestone reports of a
 * project) all end in the same join: two of them committing at the same moment touch the same engine
 * rows (the multi-instance counters, the join) or the same domain row (the project and its milestones),
 * and the engine's or JPA's optimistic locking rolls the later one back. That is no refusal, only bad
 * timing, so the step is run again from the start in a fresh transaction: it reads the state the
 * winner committed and goes on from there. A loser has lost to a step that committed, so with {@code n}
 * steps sent together none needs more than {@code n} attempts; the bound ({@code needsloop.retry.attempts},
 * 10) covers more than the widest parallel step of the models.
 * <p>
 * Every conflict is counted in {@value #CONFLICTS} (tags {@code step}; {@code outcome} {@code retried},
 * or {@code refused} when the attempts are used up and the caller gets the 409).
 */
@Component
public class ConflictRetry {

	/** The Micrometer counter of optimistic-locking conflicts. */
	public static final String CONFLICTS = "needsloop.engine.optimistic_lock_conflicts";

	private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

	private final TransactionTemplate transaction;

	private final MeterRegistry meters;

	private final int attempts;

	ConflictRetry(PlatformTransactionManager transactions, ObjectProvider<MeterRegistry> meters,
			@Value("${needsloop.retry.attempts:10}") int attempts) {
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// Spring Boot's registry when Actuator is there; otherwise the global one, which tools may add registries to
		this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
		this.attempts = Math.max(1, attempts);
	}

	/**
	 * Runs {@code work} in a transaction of its own, again (up to the bound) when it lost a race. Called
	 * inside a transaction that is already open, it runs once in that transaction: only the one who opened
	 * it can start again from a clean state.
	 */
	public <T> T inTransaction(String step, Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(status -> work.get());
			}
			catch (RuntimeException ex) {
				if (!isConflict(ex)) {
					throw ex;
				}
				boolean again = attempt < attempts;
				count(step, again ? "retried" : "refused");
				log.debug("{}: attempt {} lost a race ({}){}", step, attempt, ex.getClass().getSimpleName(),
						again ? ", running it again" : ", giving up");
				if (!again) {
					throw ex;
				}
				pause(attempt);
			}
		}
	}

	public void inTransaction(String step, Runnable work) {
		inTransaction(step, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Whether the exception says the transaction lost a race, not that the step was refused: an optimistic
	 * lock of the engine or of JPA, or a deadlock or concurrent update the database broke by rolling this
	 * transaction back (SQL state 40001, H2's 90131).
	 */
	static boolean isConflict(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ProblemException) {
				return false;
			}
			if (t instanceof OptimisticLockingException || t instanceof OptimisticLockingFailureException
					|| t instanceof jakarta.persistence.OptimisticLockException
					|| t instanceof org.hibernate.StaleStateException) {
				return true;
			}
			if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "90131".equals(sql.getSQLState())
					|| sql.getErrorCode() == 1213)) {
				return true;
			}
		}
		return false;
	}

	private void count(String step, String outcome) {
		Counter.builder(CONFLICTS)
			.description("Optimistic-locking conflicts between steps that ran at the same moment")
			.tag("step", step)
			.tag("outcome", outcome)
			.register(meters)
			.increment();
	}

	/** A short random pause, longer after each lost attempt, so that the losers do not meet again at once. */
	private static void pause(int attempt) {
		long bound = 20L + Math.min(500L, 25L << Math.min(attempt, 5));
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(5L, bound));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to run a step again", ex);
		}
	}
}
