package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.needsloop.support.ThrowawayDatabase;

/**
 * On MySQL/MariaDB (127.0.0.1:3306, as {@code MySqlIntegrationTests}) an emoji is refused with a reason while a
 * text column of the database cannot keep it (as the engine's own {@code utf8} tables cannot), and accepted once
 * every column is {@code utf8mb4}; other characters are unaffected.
 */
class TextColumnsIntegrationTests {

	@RegisterExtension
	final ThrowawayDatabase database = ThrowawayDatabase.named("needsloop_cs");

	@BeforeEach
	void createTables() throws SQLException {
		database.execute("create table need (id bigint primary key, title varchar(200) not null)",
				// as the engine creates its tables on MySQL
				"create table ACT_RU_VARIABLE (ID_ varchar(64) primary key, TEXT_ varchar(4000))"
						+ " default charset=utf8 collate utf8_bin");
	}

	@Test
	void refusesEmojiWhileAColumnCannotKeepThemAndAcceptsThemOnceAllCan() throws SQLException {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), "root", "");

		assertThat(TextColumns.narrowColumns(dataSource)).containsExactly("ACT_RU_VARIABLE.ID_ (utf8mb3)",
				"ACT_RU_VARIABLE.TEXT_ (utf8mb3)");
		TextPolicy.Refusal refusal = new TextColumns(dataSource).refusal("民需 🏠");
		assertThat(refusal).isEqualTo(new TextPolicy.Refusal("problem.field.fourByteCharacter", "U+1F3E0"));
		assertThat(new TextColumns(dataSource).refusal("民需\u200d零宽")).as("no four-byte character").isNull();

		database.execute("alter table ACT_RU_VARIABLE convert to character set utf8mb4 collate utf8mb4_bin");
		assertThat(TextColumns.narrowColumns(dataSource)).isEmpty();
		assertThat(new TextColumns(dataSource).refusal("民需 🏠")).isNull();
		database.execute("insert into ACT_RU_VARIABLE (ID_, TEXT_) values ('1', '民需 🏠😀')");
	}
}
