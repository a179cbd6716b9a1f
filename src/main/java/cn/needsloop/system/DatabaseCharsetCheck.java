package cn.needsloop.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On MySQL or MariaDB, every text column (ours and the engine's) must be {@code utf8mb4}. People write emoji
 * (four bytes in UTF-8) into titles, descriptions and comments, and the application accepts them
 * ({@link TextPolicy}); a column in {@code utf8mb3} or {@code latin1} refuses them with a database error, a 500 on
 * an ordinary request. The database's character set comes from how it was created ({@code CREATE DATABASE ...
 * CHARACTER SET utf8mb4}; Connector/J's {@code createDatabaseIfNotExist} uses the server's default), so the
 * application checks it when it starts and refuses to start, saying what to do, rather than fail on a resident's
 * emoji later. H2 keeps any character and is not checked.
 */
@Component
class DatabaseCharsetCheck implements ApplicationRunner {

	private final DataSource dataSource;

	DatabaseCharsetCheck(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void run(ApplicationArguments args) throws SQLException {
		check(dataSource);
	}

	/** Fails when a text column of the current MySQL/MariaDB database cannot keep four-byte characters. */
	static void check(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (!product.contains("mysql") && !product.contains("mariadb")) {
				return;
			}
			List<String> columns = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement("select table_name, column_name,"
					+ " character_set_name from information_schema.columns where table_schema = database()"
					+ " and character_set_name is not null and character_set_name <> 'utf8mb4'"
					+ " order by table_name, ordinal_position limit 5");
					ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					columns.add(rows.getString(1) + "." + rows.getString(2) + " (" + rows.getString(3) + ")");
				}
			}
			if (!columns.isEmpty()) {
				throw new IllegalStateException("The database " + connection.getCatalog() + " keeps text in a character set"
						+ " that cannot hold emoji: " + String.join(", ", columns) + ". Needs Loop needs utf8mb4: create the"
						+ " database with CREATE DATABASE ... CHARACTER SET utf8mb4 COLLATE utf8mb4_bin (or convert its tables"
						+ " with ALTER TABLE ... CONVERT TO CHARACTER SET utf8mb4) and start again.");
			}
		}
	}
}
