package cn.needsloop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The indexes the engine's schema lacks are added once, and only where missing. */
class EngineIndexesTests {

	@Test
	void theSubTaskIndexIsCreatedOnceAndFoundAfterwards() throws Exception {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:engine-indexes;DB_CLOSE_DELAY=-1");
		try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create table ACT_RU_TASK (ID_ varchar(64) primary key, PARENT_TASK_ID_ varchar(64))");
			assertThat(EngineIndexes.indexed(connection, "ACT_RU_TASK", "PARENT_TASK_ID_")).isFalse();

			assertThat(EngineIndexes.ensure(h2, "")).isEqualTo(1);
			assertThat(EngineIndexes.indexed(connection, "ACT_RU_TASK", "PARENT_TASK_ID_")).isTrue();
			assertThat(EngineIndexes.ensure(h2, "")).as("a second start changes nothing").isZero();
			statement.execute("drop table ACT_RU_TASK");
		}
	}

	@Test
	void aMissingTableIsLeftAlone() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:engine-indexes-empty;DB_CLOSE_DELAY=-1");
		assertThat(EngineIndexes.ensure(h2, "")).isZero();
	}
}
