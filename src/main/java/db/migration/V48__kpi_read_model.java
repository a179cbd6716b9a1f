package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import cn.needsloop.intake.NeedCounts;

/**
 * The KPI read model (issue 11): {@code need_kpi_count}, counts of the needs by reported day and month, community
 * and the facets the KPIs read, kept by {@code NeedCountsListener} in the transaction of every change of a need.
 * Built here once from the need table with the same statements as {@link NeedCounts#rebuild} (INSERT … SELECT …
 * GROUP BY, on H2 and MySQL / MariaDB alike); Flyway's lock keeps the other nodes waiting meanwhile.
 */
public class V48__kpi_read_model extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		try (Statement s = context.getConnection().createStatement()) {
			s.execute(NeedCounts.CREATE);
		}
		NeedCounts.rebuild(context.getConnection());
	}
}
