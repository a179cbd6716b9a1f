package cn.needsloop.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Whether the database keeps characters beyond the Basic Multilingual Plane (emoji: four bytes in UTF-8), so that
 * {@link TextPolicy} refuses them at the door where it does not: a 400 that says so, not a database error and a
 * 500. H2 keeps them. On MySQL and MariaDB a column keeps them only in {@code utf8mb4}; the engine creates its own
 * tables in {@code utf8} (utf8mb3), and a need's title, a step's note and most other texts also become process
 * variables in those tables, so emoji are refused there until every text column of the database is
 * {@code utf8mb4}. The application says so when it starts, with what an administrator can do.
 */
@Component
public class TextColumns implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(TextColumns.class);

	private final DataSource dataSource;

	private volatile Boolean fourByteCharacters;

	TextColumns(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Why a text may not be kept ({@link TextPolicy}), or null; the database is asked (once) only when the text
	 * holds a four-byte character.
	 */
	public TextPolicy.Refusal refusal(CharSequence text) {
		TextPolicy.Refusal refusal = TextPolicy.refusal(text, true);
		if (refusal == null && text != null && !text.codePoints().allMatch(Character::isBmpCodePoint)) {
			refusal = TextPolicy.refusal(text, keepFourByteCharacters());
		}
		return refusal;
	}

	/** Whether every text column can keep four-byte characters (read from the database once). */
	public boolean keepFourByteCharacters() {
		Boolean known = fourByteCharacters;
		if (known == null) {
			try {
				known = narrowColumns(dataSource).isEmpty();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot read the character sets of the database", ex);
			}
			fourByteCharacters = known;
		}
		return known;
	}

	@Override
	public void run(ApplicationArguments args) throws SQLException {
		List<String> narrow = narrowColumns(dataSource);
		fourByteCharacters = narrow.isEmpty();
		if (!narrow.isEmpty()) {
			LOG.warn("Text with emoji or other four-byte characters is refused (400): these columns cannot keep them: {}."
					+ " To accept them, convert every table of the database, the engine's (ACT_*) included, with"
					+ " ALTER TABLE ... CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin.", String.join(", ", narrow));
		}
	}

	/** Up to five text columns of the current MySQL/MariaDB database that are not utf8mb4; none on other databases. */
	static List<String> narrowColumns(DataSource dataSource) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (!product.contains("mysql") && !product.contains("mariadb")) {
				return columns;
			}
			try (PreparedStatement statement = connection.prepareStatement("select table_name, column_name,"
					+ " character_set_name from information_schema.columns where table_schema = database()"
					+ " and character_set_name is not null and character_set_name <> 'utf8mb4'"
					+ " order by table_name, ordinal_position limit 5");
					ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					columns.add(rows.getString(1) + "." + rows.getString(2) + " (" + rows.getString(3) + ")");
				}
			}
		}
		return columns;
	}
}
