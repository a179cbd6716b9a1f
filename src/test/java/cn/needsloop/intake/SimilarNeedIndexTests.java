package cn.needsloop.intake;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** The term index on H2, the embedded database ({@link SimilarNeedIndexContract}). */
class SimilarNeedIndexTests extends SimilarNeedIndexContract {

	private final String url = "jdbc:h2:mem:similar-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

	@Override
	protected String url() {
		return url;
	}

	@Override
	protected DataSource node() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL(url);
		h2.setUser("sa");
		return h2;
	}
}
