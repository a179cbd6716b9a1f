package cn.needsloop.process;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.needsloop.shared.Cached;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The job executor as an operator watches it, on {@code /actuator/prometheus}:
 * <ul>
 * <li>{@code needsloop.engine.job.events{event}}: the engine's own job metrics ({@link Metrics}: acquisition
 * attempts, jobs acquired, acquisitions lost to another node, rejected, successful, failed, locked
 * exclusively), totals of all nodes as reported to the database (every 15 minutes) plus what this node has
 * not reported yet; the same figures as Cockpit's.</li>
 * <li>{@code needsloop.engine.jobs{state}}: jobs now {@code locked} by a node, {@code lock-expired} (locked
 * by a node that is gone: its lock time ran out and no node has taken the job over yet), {@code due}
 * (waiting for any node), {@code no-retries} (failed for good: an incident in Cockpit).</li>
 * </ul>
 * Read at most once per {@code needsloop.metrics.refresh-interval} (the events, one query each; the job
 * states, one query), not per scrape.
 */
@Component
class EngineMetrics implements MeterBinder {

	/** The engine's job metrics, by the tag value they get (the engine's own metric name). */
	static final List<String> JOB_EVENTS = List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
			Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
			Metrics.JOB_LOCKED_EXCLUSIVE);

	enum JobState {

		LOCKED("locked"), LOCK_EXPIRED("lock-expired"), DUE("due"), NO_RETRIES("no-retries");

		final String tag;

		JobState(String tag) {
			this.tag = tag;
		}
	}

	private final ManagementService management;

	private final String prefix;

	private final JdbcTemplate jdbc;

	private final Cached<Map<String, Long>> events;

	private final Cached<Map<JobState, Long>> jobs;

	EngineMetrics(ManagementService management, ProcessEngineConfigurationImpl engine, JdbcTemplate jdbc,
			@Value("${needsloop.metrics.refresh-interval:PT30S}") Duration refresh) {
		this.management = management;
		this.prefix = engine.getDatabaseTablePrefix();
		this.jdbc = jdbc;
		this.events = new Cached<>(this::events, refresh);
		this.jobs = new Cached<>(this::jobs, refresh);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String event : JOB_EVENTS) {
			Gauge.builder("needsloop.engine.job.events", events, e -> e.get().get(event))
				.tag("event", event)
				.description("Job executor events of all nodes (the engine's metrics, as in Cockpit)")
				.strongReference(true)
				.register(registry);
		}
		for (JobState state : JobState.values()) {
			Gauge.builder("needsloop.engine.jobs", jobs, j -> j.get().get(state))
				.tag("state", state.tag)
				.description("Jobs by state; lock-expired: locked by a node that is gone, not yet taken over")
				.strongReference(true)
				.register(registry);
		}
	}

	private Map<String, Long> events() {
		Map<String, Long> events = new LinkedHashMap<>();
		for (String event : JOB_EVENTS) {
			// the engine adds what this node has counted but not yet written to the database
			events.put(event, management.createMetricsQuery().name(event).sum());
		}
		return events;
	}

	/** One pass over the job table; the engine's clock, so that tests that move it agree with the job executor. */
	private Map<JobState, Long> jobs() {
		Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
		String table = prefix + "ACT_RU_JOB";
		return jdbc.queryForObject("""
				select
				  coalesce(sum(case when LOCK_EXP_TIME_ is not null and LOCK_EXP_TIME_ > ? then 1 else 0 end), 0),
				  coalesce(sum(case when LOCK_EXP_TIME_ is not null and LOCK_EXP_TIME_ <= ? then 1 else 0 end), 0),
				  coalesce(sum(case when LOCK_EXP_TIME_ is null and RETRIES_ > 0 and SUSPENSION_STATE_ = 1
				    and (DUEDATE_ is null or DUEDATE_ <= ?) then 1 else 0 end), 0),
				  coalesce(sum(case when RETRIES_ = 0 then 1 else 0 end), 0)
				from %s""".formatted(table), (row, i) -> {
			Map<JobState, Long> jobs = new LinkedHashMap<>();
			jobs.put(JobState.LOCKED, row.getLong(1));
			jobs.put(JobState.LOCK_EXPIRED, row.getLong(2));
			jobs.put(JobState.DUE, row.getLong(3));
			jobs.put(JobState.NO_RETRIES, row.getLong(4));
			return jobs;
		}, now, now, now);
	}
}
