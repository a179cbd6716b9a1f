package cn.needsloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The term index on a real database, as two nodes of a cluster use it: Flyway V42 makes it and indexes the open needs
 * reported before it; needs indexed by two nodes at once are all counted; what one node indexes, the other finds; a
 * closed need is forgotten. Run on H2 ({@link SimilarNeedIndexTests}) and MySQL/MariaDB
 * ({@link SimilarNeedIndexMySqlIntegrationTests}); the subclass gives a fresh, empty database.
 */
abstract class SimilarNeedIndexContract {

	private static final String COMMUNITY = "c1";

	/** A pool of connections to the fresh database: each call is another node. */
	protected abstract DataSource node();

	protected abstract String url();

	private static long need(JdbcTemplate jdbc, String title, String description, String status) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("""
					insert into need (community_code, channel, title, description, reporter_name, reporter_phone,
					  reporter_user, status, phase, pooled, round, reported_at, version)
					values (?, 'ONLINE', ?, ?, '测试', '13800000000', 'resident1', ?, 'DISCOVER', false, 1, ?, 0)""",
					new String[] { "id" });
			ps.setString(1, COMMUNITY);
			ps.setString(2, title);
			ps.setString(3, description);
			ps.setString(4, status);
			ps.setTimestamp(5, Timestamp.from(Instant.parse("2026-11-30T01:00:00Z")));
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	private static long count(JdbcTemplate jdbc, String term) {
		Long n = jdbc.queryForObject("select needs from need_term_count where community_code = ? and term = ?", Long.class,
				COMMUNITY, term);
		return n == null ? 0 : n;
	}

	private static long postings(JdbcTemplate jdbc, String term) {
		return jdbc.queryForObject("select count(*) from need_term where community_code = ? and term = ?", Long.class,
				COMMUNITY, term);
	}

	private static List<Long> found(SimilarNeedIndex index, String title, String description) {
		return index
			.similar(new SimilarNeedIndex.Query(COMMUNITY, null, title, description, "FACILITIES",
					Instant.parse("2026-11-30T02:00:00Z"), null), 0.25, 3)
			.stream()
			.map(SimilarNeedIndex.Found::needId)
			.toList();
	}

	@Test
	void indexesTheOpenNeedsBeforeItAndTwoNodesKeepItTogether() throws Exception {
		DataSource first = node();
		DataSource second = node();
		Flyway.configure().dataSource(first).locations("classpath:db/migration").target("11").load().migrate();
		JdbcTemplate a = new JdbcTemplate(first);
		a.update("insert into community (code, name, kind) values (?, '测试社区', 'URBAN')", COMMUNITY);
		long before = need(a, "7号楼楼道灯坏了", "7号楼一单元的声控灯全坏了，晚上上楼看不见台阶", "OPEN");
		long closed = need(a, "7号楼电梯坏了", "电梯停了", "CLOSED");

		// V42 makes the index and puts the open need reported before it in
		Flyway.configure().dataSource(first).locations("classpath:db/migration").load().migrate();
		assertThat(postings(a, "@b7")).isEqualTo(1);
		assertThat(a.queryForObject("select count(*) from need_term where need_id = ?", Long.class, closed)).isZero();
		assertThat(count(a, SimilarNeedIndex.NEEDS)).isEqualTo(1);

		// two nodes index 40 needs at once, each in a transaction of its own as a report is
		List<Callable<Long>> reports = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			DataSource node = i % 2 == 0 ? first : second;
			String title = (20 + i) + "号楼地下室漏水";
			reports.add(() -> new TransactionTemplate(new DataSourceTransactionManager(node)).execute(status -> {
				JdbcTemplate jdbc = new JdbcTemplate(node);
				long id = need(jdbc, title, "下雨以后地下室进水，楼道里都是水", "OPEN");
				SimilarNeedIndex.index(jdbc, id, COMMUNITY, title, "下雨以后地下室进水，楼道里都是水");
				return id;
			}));
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Long> ids = new ArrayList<>();
		try {
			for (Future<Long> report : pool.invokeAll(reports)) {
				ids.add(report.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(count(a, SimilarNeedIndex.NEEDS)).isEqualTo(41);
		assertThat(count(a, "漏水")).isEqualTo(postings(a, "漏水")).isEqualTo(40);
		assertThat(count(a, "楼道")).isEqualTo(postings(a, "楼道")).isEqualTo(41);

		// what one node indexed, the other finds
		JdbcTemplate b = new JdbcTemplate(second);
		SimilarNeedIndex onSecond = new SimilarNeedIndex(b);
		assertThat(found(onSecond, "7号楼楼梯灯不亮", "一单元晚上楼梯一片漆黑")).startsWith(before);
		assertThat(found(onSecond, "23号楼地下室漏水了", "下雨地下室进水")).startsWith(ids.get(3));

		// a closed need is forgotten, its counts with it, on every node
		Need leaving = org.mockito.Mockito.mock(Need.class);
		org.mockito.Mockito.when(leaving.getId()).thenReturn(ids.get(3));
		org.mockito.Mockito.when(leaving.getCommunityCode()).thenReturn(COMMUNITY);
		new SimilarNeedIndex(a).forget(leaving);
		assertThat(count(b, SimilarNeedIndex.NEEDS)).isEqualTo(40);
		assertThat(count(b, "漏水")).isEqualTo(39);
		assertThat(found(onSecond, "23号楼地下室漏水了", "下雨地下室进水")).doesNotContain(ids.get(3));
	}
}
