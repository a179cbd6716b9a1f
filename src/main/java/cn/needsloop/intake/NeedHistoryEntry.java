package cn.needsloop.intake;

import java.util.Locale;

import org.springframework.context.MessageSource;

import cn.needsloop.shared.Wording;

import cn.needsloop.shared.Phase;
import java.time.Instant;

import cn.needsloop.shared.Line;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line of a need's history: what happened, in which phase, on which line, by whom. */
@Entity
@Table(name = "need_history")
public class NeedHistoryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long needId;

	private int round;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Phase phase;

	private String activity;

	/** What happened as a {@link Wording} (JSON), for the reader's language; null in entries older than it. */
	private String wording;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Line line;

	private String actor;

	private Instant at;

	protected NeedHistoryEntry() {
	}

	public NeedHistoryEntry(Long needId, int round, Phase phase, String activity, Line line, String actor, Instant at) {
		this.needId = needId;
		this.round = round;
		this.phase = phase;
		this.activity = activity.length() > 200 ? activity.substring(0, 200) : activity;
		this.line = line;
		this.actor = actor;
		this.at = at;
	}

	/** An entry worded for every reader; {@code activity} keeps its Chinese text. */
	public NeedHistoryEntry(Long needId, int round, Phase phase, Wording wording, String chinese, Line line,
			String actor, Instant at) {
		this(needId, round, phase, chinese, line, actor, at);
		String json = wording.toJson();
		this.wording = json.length() > 2000 ? null : json;
	}

	public Long getId() {
		return id;
	}

	public Long getNeedId() {
		return needId;
	}

	public int getRound() {
		return round;
	}

	public Phase getPhase() {
		return phase;
	}

	public String getActivity() {
		return activity;
	}

	public Wording getWording() {
		return Wording.fromJson(wording);
	}

	/** What happened, in a reader's language (older entries: as written). */
	public String activityIn(MessageSource messages, Locale locale) {
		Wording w = getWording();
		return w == null ? activity : w.render(messages, locale);
	}

	public Line getLine() {
		return line;
	}

	public String getActor() {
		return actor;
	}

	public Instant getAt() {
		return at;
	}
}
