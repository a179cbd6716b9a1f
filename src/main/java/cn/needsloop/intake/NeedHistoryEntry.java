package cn.needsloop.intake;

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
