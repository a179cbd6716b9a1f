package cn.needsloop.process;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code management.endpoint.health.group.readiness}): a node whose job executor
 * is not running fires no timers (reminders, escalations, deadlines) and takes over no job of a dead
 * node, so it is not ready. UP when job execution is switched off on purpose
 * ({@code camunda.bpm.job-execution.enabled=false}, as in the tests).
 */
@Component("jobExecutionHealthIndicator")
class JobExecutionHealth implements HealthIndicator {

	private final ObjectProvider<JobExecutor> executor;

	private final boolean enabled;

	JobExecutionHealth(ObjectProvider<JobExecutor> executor,
			@Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
		this.executor = executor;
		this.enabled = enabled;
	}

	@Override
	public Health health() {
		if (!enabled) {
			return Health.up().withDetail("enabled", false).build();
		}
		JobExecutor jobExecutor = executor.getIfAvailable();
		if (jobExecutor == null || !jobExecutor.isActive()) {
			return Health.down().withDetail("enabled", true).withDetail("active", false).build();
		}
		return Health.up()
			.withDetail("active", true)
			.withDetail("lockOwner", String.valueOf(jobExecutor.getLockOwner()))
			.withDetail("lockTimeInMillis", jobExecutor.getLockTimeInMillis())
			.build();
	}
}
