package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * On MySQL/MariaDB (127.0.0.1:3306, as {@code MySqlIntegrationTests}) the application refuses to start on a
 * database whose text columns cannot keep emoji, and says what to do; on a utf8mb4 database it starts.
 */
class DatabaseCharsetIntegrationTests {

	static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";

	static final String OPTIONS = "?characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC";

	private final String database = "needsloop_cs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@BeforeEach
	void createDatabase() throws SQLException {
		execute(null, "create database `" + database + "` character set utf8mb3 collate utf8mb3_general_ci");
		execute(database, "create table need (id bigint primary key, title varchar(200) not null)");
	}

	@AfterEach
	void dropDatabase() throws SQLException {
		execute(null, "drop database if exists `" + database + "`");
	}

	@Test
	void refusesADatabaseThatCannotKeepEmojiAndSaysWhatToDo() throws SQLException {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(SERVER + database + OPTIONS, "root", "");

		assertThatThrownBy(() -> DatabaseCharsetCheck.check(dataSource)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("need.title (utf8mb3)")
			.hasMessageContaining("CHARACTER SET utf8mb4");

		execute(database, "alter table need convert to character set utf8mb4 collate utf8mb4_bin");
		assertThatCode(() -> DatabaseCharsetCheck.check(dataSource)).doesNotThrowAnyException();
		execute(database, "insert into need (id, title) values (1, '民需 🏠😀')");
	}

	private static void execute(String database, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER + (database == null ? "" : database) + OPTIONS,
				"root", ""); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}
}
