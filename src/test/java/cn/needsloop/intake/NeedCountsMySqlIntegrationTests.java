package cn.needsloop.intake;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

import cn.needsloop.support.ThrowawayDatabase;

/**
 * The KPI read model on MySQL/MariaDB (127.0.0.1:3306, a fresh database for each test, dropped after it), two
 * connection pools as two nodes ({@link NeedCountsContract}). Fails (never skips) when the server cannot be reached.
 */
class NeedCountsMySqlIntegrationTests extends NeedCountsContract {

	@RegisterExtension
	final ThrowawayDatabase database = ThrowawayDatabase.named("kpiread_it").collation("utf8mb4_unicode_ci");

	@Override
	protected DataSource node() {
		return database.pool(4);
	}
}
