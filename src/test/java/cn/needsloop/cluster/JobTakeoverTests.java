package cn.needsloop.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.workbench.BulkJobs;
import cn.needsloop.support.ApiTest;

/**
 * Bulk jobs are rows in the database: a job whose node died (its lease ran out, the rows as that
 * node left them) is taken up by another node and finished there, without doing again what was done (export jobs: ExportJobTakeoverTests); its
 * progress reads the same from any node. A job id that never existed is a 404 that says so.
 */
class JobTakeoverTests extends ApiTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BulkJobs bulkJobs;

	@Autowired
	TaskService tasks;

	@Test
	void takesUpABulkJobWhoseNodeDiedWhereItStopped() throws Exception {
		String first = task(api.reportedNeed("接手批量一"));
		String second = task(api.reportedNeed("接手批量二"));
		String third = task(api.reportedNeed("接手批量三"));
		// a node claimed the first task for steward1, wrote it down, then died with its lease still running
		tasks.claim(first, "steward1");
		String job = "dead0000-0000-0000-0000-" + Long.toString(System.nanoTime()).substring(0, 12);
		long leaseGone = System.currentTimeMillis() - 1000;
		jdbc.update("insert into bulk_job (id, owner, action, locale, total, done, created_at, lease_owner, lease_until_ms,"
				+ " runs) values (?, 'steward1', 'CLAIM', 'zh-CN', 3, 1, ?, 'dead-node/1', ?, 1)", job,
				Timestamp.from(Instant.now()), leaseGone);
		jdbc.update("insert into bulk_job_item (job_id, idx, task_id, label, state) values (?, 0, ?, 'a', 'SUCCEEDED')", job, first);
		jdbc.update("insert into bulk_job_item (job_id, idx, task_id, label, state) values (?, 1, ?, 'b', 'PENDING')", job, second);
		jdbc.update("insert into bulk_job_item (job_id, idx, task_id, label, state) values (?, 2, ?, 'c', 'PENDING')", job, third);

		JsonNode before = api.as("steward1").get("/api/tasks/bulk-actions/" + job).expect(200).json();
		assertThat(before.path("finished").asBoolean()).isFalse();
		assertThat(before.path("done").asInt()).isEqualTo(1);

		bulkJobs.takeOverAbandoned();
		assertThat(bulkJobs.find(job, "steward1").orElseThrow().awaitFinished(Duration.ofSeconds(60))).isTrue();
		JsonNode after = api.as("steward1").get("/api/tasks/bulk-actions/" + job).expect(200).json();
		assertThat(after.path("finished").asBoolean()).isTrue();
		assertThat(after.path("succeededTaskIds")).extracting(JsonNode::asText).containsExactly(first, second, third);
		assertThat(after.path("failed").asInt()).isZero();
		assertThat(bulkJobs.find(job, "steward1").orElseThrow().runs()).isEqualTo(2);
		for (String t : List.of(first, second, third)) {
			assertThat(tasks.createTaskQuery().taskId(t).singleResult().getAssignee()).isEqualTo("steward1");
		}
		// a finished job is nobody's to take
		bulkJobs.takeOverAbandoned();
		assertThat(bulkJobs.find(job, "steward1").orElseThrow().runs()).isEqualTo(2);
	}

	@Test
	void leavesAJobWhoseNodeIsAliveAlone() {
		String job = "live0000-0000-0000-0000-" + Long.toString(System.nanoTime()).substring(0, 12);
		jdbc.update("insert into bulk_job (id, owner, action, locale, total, done, created_at, lease_owner, lease_until_ms,"
				+ " runs) values (?, 'steward1', 'CLAIM', 'zh-CN', 1, 0, ?, 'other-node/1', ?, 1)", job,
				Timestamp.from(Instant.now()), System.currentTimeMillis() + 600_000);
		jdbc.update("insert into bulk_job_item (job_id, idx, task_id, label, state) values (?, 0, 'no-task', 'a', 'PENDING')", job);
		bulkJobs.takeOverAbandoned();
		assertThat(jdbc.queryForObject("select lease_owner from bulk_job where id = ?", String.class, job)).isEqualTo("other-node/1");
		assertThat(bulkJobs.find(job, "steward1").orElseThrow().runs()).isEqualTo(1);
		jdbc.update("delete from bulk_job where id = ?", job);
	}

	@Test
	void saysAJobThatNeverExistedDoesNot() {
		JsonNode problem = api.as("steward1").language("en").get("/api/tasks/bulk-actions/never-was").expectProblem(404).json();
		assertThat(problem.path("detail").asText()).contains("never started by you")
			.contains("A job whose node stopped is not lost");
	}

	private String task(long needId) {
		for (JsonNode t : api.as("steward1").get("/api/tasks?max=1000").expect(200).json()) {
			if (t.path("needId").asLong() == needId) {
				return t.path("id").asText();
			}
		}
		throw new AssertionError("no task of need " + needId);
	}
}
