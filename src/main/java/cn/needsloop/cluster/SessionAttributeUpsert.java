package cn.needsloop.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Two requests of one session at the same moment (a double click, two tabs, a page and its scripts) may both add
 * the same session attribute, such as the flash map of a form's redirect. Spring Session JDBC inserts a new
 * attribute with a plain {@code INSERT}, so the second request failed on the attribute table's primary key and the
 * user saw a 500 although their request had been carried out. Here a new attribute is written as an upsert in the
 * database's own words (MySQL and MariaDB: {@code ON DUPLICATE KEY UPDATE}; H2: {@code MERGE … KEY}): the later
 * request's value wins, as it would in a servlet container's session.
 */
@Component
class SessionAttributeUpsert implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

	private static final Logger LOG = LoggerFactory.getLogger(SessionAttributeUpsert.class);

	static final String MYSQL = """
			INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			VALUES (?, ?, ?)
			ON DUPLICATE KEY UPDATE ATTRIBUTE_BYTES = VALUES(ATTRIBUTE_BYTES)
			""";

	static final String H2 = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			VALUES (?, ?, ?)
			""";

	private final DataSource dataSource;

	SessionAttributeUpsert(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void customize(JdbcIndexedSessionRepository repository) {
		String product = product();
		if (product.contains("mysql") || product.contains("mariadb")) {
			repository.setCreateSessionAttributeQuery(MYSQL);
		}
		else if (product.contains("h2")) {
			repository.setCreateSessionAttributeQuery(H2);
		}
		else {
			LOG.warn("Session attributes are inserted without an upsert on {}: two requests of one session adding the "
					+ "same attribute at once may fail", product);
		}
	}

	private String product() {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read which database holds the sessions", ex);
		}
	}
}
