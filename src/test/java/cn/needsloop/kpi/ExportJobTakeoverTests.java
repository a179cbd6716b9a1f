package cn.needsloop.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.needsloop.support.ApiTest;

/**
 * An export is a row in the database with what to export (kind and filter) and, once written, its file: when
 * the node writing it dies (lease run out), another node writes it again from the start and keeps the file where
 * every node finds it.
 */
class ExportJobTakeoverTests extends ApiTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ExportJobs exports;

	@Test
	void writesAnExportWhoseNodeDiedAgainOnThisNode() throws Exception {
		api.reportedNeed("接手导出");
		String job = "deadexpt-0000-0000-0000-" + Long.toString(System.nanoTime()).substring(0, 12);
		jdbc.update("insert into export_job (id, owner, kind, query_json, locale, file_name, total, done, created_at,"
				+ " lease_owner, lease_until_ms, runs) values (?, 'manager1', 'needs', '{\"communityCode\":\"xingfu\"}',"
				+ " 'zh-CN', 'needs.xlsx', 40, 17, ?, 'dead-node/1', ?, 1)", job, Timestamp.from(Instant.now()),
				System.currentTimeMillis() - 1000);
		assertThat(exports.find(job, "manager1").orElseThrow().status()).containsEntry("finished", false).containsEntry("done", 17L);

		exports.takeOverAbandoned();
		assertThat(exports.find(job, "manager1").orElseThrow().awaitFinished(Duration.ofSeconds(120))).isTrue();
		assertThat(exports.find(job, "manager1").orElseThrow().status()).containsEntry("finished", true).containsEntry("failed", false);
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		assertThat(exports.copyFile(job, file)).isTrue();
		// an .xlsx is a zip file
		assertThat(file.toByteArray()).startsWith('P', 'K');
		assertThat(jdbc.queryForObject("select runs from export_job where id = ?", Integer.class, job)).isEqualTo(2);
	}

}
