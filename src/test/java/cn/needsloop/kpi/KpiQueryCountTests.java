package cn.needsloop.kpi;

import cn.needsloop.shared.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.needsloop.intake.NeedCounts;
import cn.needsloop.shared.Actor;
import cn.needsloop.support.AppContext;
import cn.needsloop.support.StatementCounter;

/**
 * The KPIs are counted in the database in a fixed number of queries: as many for a period with 2 needs as for one
 * with 62 needs in every channel, category and grid (no query a need, a channel, a grid or a project). Counts the
 * SQL statements Hibernate sends on this thread ({@link StatementCounter}) while the KPIs, trends, phases and
 * ranking are computed. In the shared context: the needs it counts are in 2003, where no other test reports any.
 */
@AppContext
class KpiQueryCountTests {

	static final Actor MANAGER = new Actor("manager1", List.of("manager"));

	static final String[] CHANNELS = { "STEWARD_STATION", "ONLINE", "ONE_WINDOW", "PARTY", "SELF_GOVERNANCE" };

	static final String[] CATEGORIES = { "ELDERLY_CARE", "CHILD_CARE", "SAFETY", "ENVIRONMENT", "FACILITIES",
			"LEGAL_AID" };

	@Autowired
	KpiService kpis;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void countsAPeriodInTheSameNumberOfQueriesWhateverItsNeeds() {
		LocalDate small = LocalDate.of(2003, 1, 6);
		LocalDate large = LocalDate.of(2003, 2, 3);
		insertNeeds(small, 2);
		insertNeeds(large, 62);
		// written past the app: recount the KPI read model as the benchmark generator does
		jdbc.execute((ConnectionCallback<Void>) c -> {
			NeedCounts.rebuild(c);
			return null;
		});

		int forSmall = queries(small);
		int forLarge = queries(large);

		assertThat(kpis.compute(null, large, large.plusDays(6), MANAGER).needsDiscovered()).isEqualTo(62);
		assertThat(kpis.compute(null, large, large.plusDays(6), MANAGER).needsByChannel()).hasSize(CHANNELS.length);
		assertThat(forLarge).isEqualTo(forSmall);
	}

	private int queries(LocalDate from) {
		LocalDate to = from.plusDays(6);
		StatementCounter.reset();
		kpis.compute(null, from, to, MANAGER);
		kpis.needsOverTime(null, from, to, MANAGER);
		kpis.needsByPhase(null, from, to, MANAGER);
		kpis.ranking(null, from, to, MANAGER);
		return StatementCounter.count();
	}

	/** Needs of xingfu reported on the days of the week from {@code day}, closed, in every channel, category, grid. */
	private void insertNeeds(LocalDate day, int count) {
		List<String> grids = jdbc.queryForList("select code from grid where community_code = 'xingfu'", String.class);
		for (int i = 0; i < count; i++) {
			Instant reported = day.plusDays(i % 7).atStartOfDay(ChinaTime.ZONE).toInstant().plusSeconds(3600 + i);
			jdbc.update("insert into need (community_code, grid_code, channel, title, description, reporter_name,"
					+ " reporter_phone, reporter_user, status, phase, category, pooled, outcome, round,"
					+ " verification_verdict, need_score, reported_at, verification_due_at, verified_at, categorized_at,"
					+ " evaluated_at, closed_at, version) values ('xingfu', ?, ?, '查询计数', '查询计数', '居民', '13800000000',"
					+ " 'resident1', 'CLOSED', 'EVALUATE', ?, false, 'RESOLVED', 1, 'GENUINE', ?, ?, ?, ?, ?, ?, ?, 0)",
					grids.isEmpty() || i % (grids.size() + 1) == grids.size() ? null : grids.get(i % (grids.size() + 1)),
					CHANNELS[i % CHANNELS.length], CATEGORIES[i % CATEGORIES.length], 1 + i % 5, ts(reported),
					ts(reported.plusSeconds(86_400)), ts(reported.plusSeconds(600)), ts(reported.plusSeconds(3600 + 60 * i)),
					ts(reported.plusSeconds(7200)), ts(reported.plusSeconds(7200)));
		}
	}

	private static Timestamp ts(Instant at) {
		// as Hibernate writes an Instant (hibernate.jdbc.time_zone UTC): the UTC wall clock
		return Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
	}
}
