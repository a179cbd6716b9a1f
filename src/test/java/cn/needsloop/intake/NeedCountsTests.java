package cn.needsloop.intake;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** The KPI read model on H2, the embedded database ({@link NeedCountsContract}). */
class NeedCountsTests extends NeedCountsContract {

	private final String url = "jdbc:h2:mem:need-counts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

	@Override
	protected DataSource node() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL(url);
		h2.setUser("sa");
		return h2;
	}
}
