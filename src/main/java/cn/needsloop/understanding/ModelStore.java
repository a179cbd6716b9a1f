package cn.needsloop.understanding;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The text models deployed after the shipped one ({@code understanding_model}) and the labelled examples stewards'
 * corrections make ({@code labelled_example}). Plain JDBC: a model is a long text kept as it was written.
 */
@Repository
class ModelStore {

	private final JdbcTemplate jdbc;

	ModelStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void saveModel(TextModel model, Instant at, String by, int corrections) {
		StringWriter text = new StringWriter();
		model.write(text);
		jdbc.update("insert into understanding_model (version, trained_at, trained_by, examples, corrections, model) "
				+ "values (?, ?, ?, ?, ?, ?)", model.version(), Timestamp.from(at), by, model.examples(), corrections,
				text.toString());
	}

	/** The newest deployed model, if a manager has deployed one. */
	Optional<TextModel> latestModel() {
		return jdbc.query("select model from understanding_model order by trained_at desc, version desc",
				rs -> rs.next() ? Optional.of(TextModel.read(new StringReader(rs.getString(1)))) : Optional.empty());
	}

	List<ModelVersion> versions(String active) {
		return jdbc.query(
				"select version, trained_at, trained_by, examples, corrections from understanding_model "
						+ "order by trained_at desc, version desc",
				(rs, i) -> new ModelVersion(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
						rs.getInt(4), rs.getInt(5), rs.getString(1).equals(active)));
	}

	int modelCount() {
		Integer count = jdbc.queryForObject("select count(*) from understanding_model", Integer.class);
		return count == null ? 0 : count;
	}

	void saveExample(long needId, LabelledText example, String proposedCategory, String modelVersion, String by,
			Instant at) {
		jdbc.update("insert into labelled_example (need_id, category, urgency, text, proposed_category, model_version, "
				+ "labelled_by, labelled_at) values (?, ?, ?, ?, ?, ?, ?, ?)", needId, example.category(),
				example.urgency(), example.text(), proposedCategory, modelVersion, by, Timestamp.from(at));
	}

	/** The latest correction of each need: a steward who corrects twice leaves one example. */
	List<LabelledText> examples() {
		return jdbc.query("select e.category, e.urgency, e.text from labelled_example e where e.id = "
				+ "(select max(l.id) from labelled_example l where l.need_id = e.need_id) order by e.id",
				(rs, i) -> new LabelledText(rs.getString(1), rs.getString(2), rs.getString(3)));
	}
}
