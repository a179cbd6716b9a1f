package cn.needsloop.evidence;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The files in the database ({@code evidence_content}, Flyway V19): shared by every node, backed up with the rest. */
@Component
class DatabaseEvidenceStore implements EvidenceStore {

	private final JdbcTemplate jdbc;

	DatabaseEvidenceStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void put(String key, byte[] content, byte[] thumbnail) {
		jdbc.update("insert into evidence_content (storage_key, content, thumbnail) values (?, ?, ?)", key, content,
				thumbnail);
	}

	@Override
	public Optional<byte[]> content(String key) {
		return one("select content from evidence_content where storage_key = ?", key);
	}

	@Override
	public Optional<byte[]> thumbnail(String key) {
		return one("select thumbnail from evidence_content where storage_key = ?", key);
	}

	private Optional<byte[]> one(String sql, String key) {
		List<byte[]> rows = jdbc.query(sql, (rs, i) -> rs.getBytes(1), key);
		return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
	}
}
