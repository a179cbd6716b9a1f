package cn.needsloop.intake;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

import cn.needsloop.support.ThrowawayDatabase;

/**
 * The term index on MySQL/MariaDB (127.0.0.1:3306, a database of its own), two connection pools as two nodes
 * ({@link SimilarNeedIndexContract}). Fails (never skips) when the server cannot be reached.
 */
class SimilarNeedIndexMySqlIntegrationTests extends SimilarNeedIndexContract {

	@RegisterExtension
	static final ThrowawayDatabase DATABASE = ThrowawayDatabase.named("similar_it");

	@Override
	protected String url() {
		return DATABASE.url();
	}

	@Override
	protected DataSource node() {
		return DATABASE.pool(4);
	}
}
