package cn.needsloop.evaluation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One rating given in a project's two-way evaluation. */
@Entity
public class Evaluation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long projectId;

	private Long needId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Perspective perspective;

	@Column(name = "evaluation_round")
	private int round;

	private int score;

	private String comment;

	private String rater;

	private Instant createdAt;

	protected Evaluation() {
	}

	public Evaluation(Long projectId, Long needId, Perspective perspective, int round, int score, String comment,
			String rater, Instant createdAt) {
		this.projectId = projectId;
		this.needId = needId;
		this.perspective = perspective;
		this.round = round;
		this.score = score;
		this.comment = comment;
		this.rater = rater;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public Long getProjectId() {
		return projectId;
	}

	public Long getNeedId() {
		return needId;
	}

	public Perspective getPerspective() {
		return perspective;
	}

	public int getRound() {
		return round;
	}

	public int getScore() {
		return score;
	}

	public String getComment() {
		return comment;
	}

	public String getRater() {
		return rater;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}
}
