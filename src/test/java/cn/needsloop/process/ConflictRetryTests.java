package cn.needsloop.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.needsloop.support.ApiTest;
import cn.needsloop.shared.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A step that lost a race is run again from the start in a fresh transaction, a bounded number of times, and
 * every conflict is counted; a refusal is never run again.
 */
class ConflictRetryTests extends ApiTest {

	@Autowired
	private ConflictRetry retry;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private ObjectProvider<MeterRegistry> registries;

	private SimpleMeterRegistry added;

	private MeterRegistry meters;

	/** Spring Boot's registry when Actuator provides one, otherwise one added to the global registry. */
	@BeforeEach
	void meters() {
		meters = registries.getIfAvailable(() -> {
			added = new SimpleMeterRegistry();
			Metrics.addRegistry(added);
			return added;
		});
	}

	@AfterEach
	void removeMeters() {
		if (added != null) {
			Metrics.removeRegistry(added);
		}
	}

	private double conflicts(String step, String outcome) {
		Counter counter = meters.find(ConflictRetry.CONFLICTS).tags("step", step, "outcome", outcome).counter();
		return counter == null ? 0 : counter.count();
	}

	@Test
	void runsAStepThatLostARaceAgainInAFreshTransactionAndCountsTheConflicts() {
		AtomicInteger attempts = new AtomicInteger();
		List<Integer> endings = new ArrayList<>();
		String result = retry.inTransaction("test-lost-twice", () -> {
			assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					endings.add(status);
				}
			});
			if (attempts.incrementAndGet() < 3) {
				throw new OptimisticLockingException("the join moved on");
			}
			return "recorded";
		});

		assertThat(result).isEqualTo("recorded");
		assertThat(attempts).hasValue(3);
		assertThat(endings).containsExactly(TransactionSynchronization.STATUS_ROLLED_BACK,
				TransactionSynchronization.STATUS_ROLLED_BACK, TransactionSynchronization.STATUS_COMMITTED);
		assertThat(conflicts("test-lost-twice", "retried")).isEqualTo(2);
		assertThat(conflicts("test-lost-twice", "refused")).isZero();
	}

	@Test
	void givesUpAfterTheBoundAndCountsTheRefusal() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> retry.inTransaction("test-always-lost", () -> {
			attempts.incrementAndGet();
			throw new ObjectOptimisticLockingFailureException("ServiceProject", 1L);
		})).isInstanceOf(ObjectOptimisticLockingFailureException.class);

		assertThat(attempts).hasValue(10);
		assertThat(conflicts("test-always-lost", "retried")).isEqualTo(9);
		assertThat(conflicts("test-always-lost", "refused")).isEqualTo(1);
	}

	@Test
	void neverRunsARefusalAgain() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> retry.inTransaction("test-refused", () -> {
			attempts.incrementAndGet();
			throw new ProcessEngineException("a listener refused", ProblemException.conflict("problem.evaluation.notOpen", 1));
		})).isInstanceOf(ProcessEngineException.class);
		assertThat(attempts).hasValue(1);
		assertThat(conflicts("test-refused", "retried")).isZero();
	}

	@Test
	void runsOnceInsideATransactionItDidNotOpen() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(
				status -> retry.inTransaction("test-inside", () -> {
					attempts.incrementAndGet();
					throw new OptimisticLockingException("the join moved on");
				}))).isInstanceOf(OptimisticLockingException.class);
		assertThat(attempts).hasValue(1);
	}

	@Test
	void tellsARaceFromARefusal() {
		assertThat(ConflictRetry.isConflict(new ProcessEngineException("flush failed",
				new SQLException("Deadlock found when trying to get lock", "40001", 1213)))).isTrue();
		assertThat(ConflictRetry.isConflict(new ProcessEngineException("flush failed",
				new SQLException("Concurrent update", "90131", 90131)))).isTrue();
		assertThat(ConflictRetry.isConflict(new OptimisticLockingException("moved on"))).isTrue();
		assertThat(ConflictRetry.isConflict(new ProcessEngineException("flush failed",
				new SQLException("Duplicate entry", "23000", 1062)))).isFalse();
		assertThat(ConflictRetry.isConflict(new IllegalStateException("bug"))).isFalse();
		assertThat(ConflictRetry.isConflict(ProblemException.conflict("problem.claim.taken", 1))).isFalse();
	}
}
