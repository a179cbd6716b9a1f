package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.needsloop.support.Api;
import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;

/**
 * The actuator as an operator and a load balancer use it: probes for everyone without details,
 * Prometheus and the other endpoints for the {@code camunda-admin} group only (problem details for
 * 401 and 403, as on the API), and the figures on {@code /actuator/prometheus} following what happens.
 */
class ActuatorTests extends ApiTest {

	@Autowired
	private ManagementService management;

	@Autowired
	private ProcessEngineConfigurationImpl engine;

	@Autowired
	private JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	// ---------------------------------------------------------------- health and probes

	@Test
	void probesAnswerAnyoneWithoutDetails() {
		for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness", "/actuator/health")) {
			Response health = api.anonymous().get(probe).expect(200);
			assertThat(health.path("status").asText()).as(probe).isEqualTo("UP");
			assertThat(health.json().has("components")).as("components of %s for anonymous", probe).isFalse();
			assertThat(health.json().has("details")).as("details of %s for anonymous", probe).isFalse();
		}
		// a signed-in user outside the admin group sees no more
		assertThat(api.as("steward1").get("/actuator/health").expect(200).json().has("components")).isFalse();
	}

	@Test
	void healthShowsItsPartsToTheAdministrator() {
		Response health = api.as("admin1").get("/actuator/health").expect(200);
		assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
		assertThat(health.path("components").path("jobExecution").path("status").asText()).isEqualTo("UP");
		Response readiness = api.as("admin1").get("/actuator/health/readiness").expect(200);
		assertThat(readiness.path("components").path("readinessState").path("status").asText()).isEqualTo("UP");
		assertThat(readiness.path("components").path("jobExecution").path("status").asText()).isEqualTo("UP");
		assertThat(readiness.path("components").path("db").path("status").asText()).isEqualTo("UP");
	}

	// ---------------------------------------------------------------- who may read the metrics

	@Test
	void prometheusAndMetricsAreForTheAdministratorOnly() {
		for (String endpoint : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator")) {
			Response anonymous = api.anonymous().language("zh-CN").get(endpoint).expectProblem(401);
			assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
			assertThat(anonymous.path("title").asText()).isEqualTo("请先登录");
			Response steward = api.as("steward1").get(endpoint).expectProblem(403);
			assertThat(steward.path("title").asText()).isEqualTo("Not allowed");
			api.as("manager1").get(endpoint).expectProblem(403);
		}
		// (an unknown user: a wrong password would hold admin1 back for a while, Camunda's login throttling)
		assertThat(api.as("nobody").password("wrong").get("/actuator/prometheus").expectProblem(401)
			.header("WWW-Authenticate")).startsWith("Basic");
		api.as("admin1").get("/actuator/metrics").expect(200);
	}

	@Test
	void prometheusShowsTheNamedMeters() {
		Response need = api.as("resident1").post("/api/needs", Api.needBody("xingfu", "路灯坏了 " + Api.unique(), "楼道没有灯", 1))
			.expect(201);
		api.as("steward1").get("/api/needs/" + need.id()).expect(200);

		String metrics = prometheus();
		assertThat(metrics)
			// HTTP timings per endpoint: the URI template, never the id
			.containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*uri=\"/api/needs/\\{id\\}\"")
			.doesNotContain("uri=\"/api/needs/" + need.id() + "\"")
			.containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/needs\"")
			.contains("needsloop_engine_job_events{", "event=\"job-acquired-success\"", "event=\"job-successful\"",
					"event=\"job-failed\"", "event=\"job-acquisition-attempt\"")
			.contains("needsloop_engine_jobs{", "state=\"locked\"", "state=\"lock-expired\"", "state=\"due\"",
					"state=\"no-retries\"")
			.contains("needsloop_tasks_open{", "needsloop_tasks_overdue{", "line=\"STEWARD\"", "line=\"PARTY\"",
					"line=\"SELF_GOVERNANCE\"", "line=\"SOCIAL_ORGANIZATION\"", "line=\"MANAGER\"", "line=\"UNROUTED\"")
			.contains("needsloop_notifications_sent_total{", "recipient=\"group\"", "recipient=\"user\"")
			.containsPattern("needsloop_engine_optimistic_lock_conflicts_total\\{[^}]*outcome=\"retried\"[^}]*step=\"job\"");
	}

	// ---------------------------------------------------------------- the figures follow what happens

	@Test
	void aReportedNeedIsAnOpenStewardTaskAndANotification() {
		Samples before = metrics();

		api.as("resident1").post("/api/needs", Api.needBody("xingfu", "楼道堆物 " + Api.unique(), "消防通道被占", 1)).expect(201);

		Samples after = metrics();
		assertThat(after.value("needsloop_tasks_open", "line=\"STEWARD\""))
			.isEqualTo(before.value("needsloop_tasks_open", "line=\"STEWARD\"") + 1);
		assertThat(after.value("needsloop_tasks_open", "line=\"PARTY\""))
			.isEqualTo(before.value("needsloop_tasks_open", "line=\"PARTY\""));
		assertThat(after.value("needsloop_notifications_sent_total", "recipient=\"group\""))
			.isGreaterThan(before.value("needsloop_notifications_sent_total", "recipient=\"group\""));
	}

	@Test
	void aTaskPastItsDueDateIsOverdueOnItsLine() {
		api.as("resident1").post("/api/needs", Api.needBody("xingfu", "井盖松动 " + Api.unique(), "3号楼前", 1)).expect(201);
		double overdueNow = metrics().value("needsloop_tasks_overdue", "line=\"STEWARD\"");
		// verification is due within 24 hours
		ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(25).toMillis()));
		assertThat(metrics().value("needsloop_tasks_overdue", "line=\"STEWARD\"")).isGreaterThanOrEqualTo(overdueNow + 1);
	}

	@Test
	void aJobLockedByANodeThatIsGoneIsCountedUntilTakenOver() {
		Job job = timerOfNewNeed();
		Samples before = metrics();
		double expired = before.value("needsloop_engine_jobs", "state=\"lock-expired\"");
		double locked = before.value("needsloop_engine_jobs", "state=\"locked\"");
		try {
			// what a node that died leaves behind: its lock on the job, with the lock time run out
			lock(job, "node-that-died", new Date(System.currentTimeMillis() - 60_000));
			Samples deadNode = metrics();
			assertThat(deadNode.value("needsloop_engine_jobs", "state=\"lock-expired\"")).isEqualTo(expired + 1);
			assertThat(deadNode.value("needsloop_engine_jobs", "state=\"locked\"")).isEqualTo(locked);
			// while the lock time runs, the job counts as locked
			lock(job, "node-that-died", new Date(System.currentTimeMillis() + 60_000));
			Samples lockTimeRunning = metrics();
			assertThat(lockTimeRunning.value("needsloop_engine_jobs", "state=\"lock-expired\"")).isEqualTo(expired);
			assertThat(lockTimeRunning.value("needsloop_engine_jobs", "state=\"locked\"")).isEqualTo(locked + 1);
		}
		finally {
			lock(job, null, null);
		}
	}

	@Test
	void anExecutedJobIsCountedAsSuccessful() {
		Job job = timerOfNewNeed();
		double successful = metrics().value("needsloop_engine_job_events", "event=\"job-successful\"");
		management.executeJob(job.getId());
		assertThat(metrics().value("needsloop_engine_job_events", "event=\"job-successful\"")).isEqualTo(successful + 1);
	}

	@Test
	void aJobThatLosesARaceIsCountedAsAConflict() {
		Job job = timerOfNewNeed();
		double conflicts = metrics().value("needsloop_engine_optimistic_lock_conflicts_total", "step=\"job\"");

		// on a job executor thread: counted
		Context.setJobExecutorContext(new JobExecutorContext());
		try {
			assertThatThrownBy(() -> updateAfterAnotherTransaction(job.getId()))
				.isInstanceOf(OptimisticLockingException.class);
		}
		finally {
			Context.removeJobExecutorContext();
		}
		assertThat(metrics().value("needsloop_engine_optimistic_lock_conflicts_total", "step=\"job\"")).isEqualTo(conflicts + 1);

		// elsewhere (an API call): left to the caller, which answers 409 or retries
		assertThatThrownBy(() -> updateAfterAnotherTransaction(job.getId())).isInstanceOf(OptimisticLockingException.class);
		assertThat(metrics().value("needsloop_engine_optimistic_lock_conflicts_total", "step=\"job\"")).isEqualTo(conflicts + 1);
	}

	/** A real conflict: the command read the job, another transaction changed it meanwhile, the command writes. */
	private void updateAfterAnotherTransaction(String jobId) {
		engine.getCommandExecutorTxRequired().execute(context -> {
			JobEntity job = context.getJobManager().findJobById(jobId);
			engine.getCommandExecutorTxRequiresNew().execute(other -> {
				JobEntity same = other.getJobManager().findJobById(jobId);
				same.setRetries(same.getRetries() + 1);
				return null;
			});
			job.setRetries(job.getRetries() + 2);
			return null;
		});
	}

	// ---------------------------------------------------------------- helpers

	private Job timerOfNewNeed() {
		Response need = api.as("resident1").post("/api/needs", Api.needBody("xingfu", "垃圾清运 " + Api.unique(), "无人清运", 1))
			.expect(201);
		return management.createJobQuery().processInstanceId(need.path("processInstanceId").asText()).timers().list()
			.get(0);
	}

	private void lock(Job job, String owner, Date until) {
		jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where ID_ = ?", owner,
				until == null ? null : new Timestamp(until.getTime()), job.getId());
	}

	private String prometheus() {
		Response response = api.as("admin1").header("Accept", "text/plain").get("/actuator/prometheus").expect(200);
		assertThat(response.contentType()).startsWith("text/plain");
		return response.body();
	}

	private Samples metrics() {
		return new Samples(prometheus());
	}

	/** One scrape. */
	private record Samples(String text) {

		/** The value of the one sample of {@code name} whose labels contain {@code label}. */
		double value(String name, String label) {
			Matcher sample = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
				.matcher(text);
			Double found = null;
			while (sample.find()) {
				if (sample.group(1).contains(label)) {
					assertThat(found).as("more than one sample of %s with %s", name, label).isNull();
					found = Double.valueOf(sample.group(2));
				}
			}
			assertThat(found).as("sample of %s with %s", name, label).isNotNull();
			return found;
		}
	}
}
