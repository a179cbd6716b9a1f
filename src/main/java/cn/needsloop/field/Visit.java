package cn.needsloop.field;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A visit to a household on a patrol: at home or by phone, its result and note, and the need it found, if any. */
@Entity
public class Visit {

	/** How a visit went. */
	public enum Result {
		/** Met the household, all well. */
		WELL,
		/** Met the household; something needs following up (a need is reported). */
		NEEDS_HELP,
		/** Nobody at home / did not answer. */
		NOT_REACHED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long patrolId;

	private Long householdId;

	private String workerUser;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private VisitKind kind;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Result result;

	private String note;

	private Long needId;

	private Instant visitedAt;

	protected Visit() {
	}

	Visit(Long patrolId, Long householdId, String workerUser, VisitKind kind, Result result, String note,
			Instant visitedAt) {
		this.patrolId = patrolId;
		this.householdId = householdId;
		this.workerUser = workerUser;
		this.kind = kind;
		this.result = result;
		this.note = note;
		this.visitedAt = visitedAt;
	}

	void found(Long needId) {
		this.needId = needId;
	}

	public Long getId() {
		return id;
	}

	public Long getPatrolId() {
		return patrolId;
	}

	public Long getHouseholdId() {
		return householdId;
	}

	public String getWorkerUser() {
		return workerUser;
	}

	public VisitKind getKind() {
		return kind;
	}

	public Result getResult() {
		return result;
	}

	public String getNote() {
		return note;
	}

	public Long getNeedId() {
		return needId;
	}

	public Instant getVisitedAt() {
		return visitedAt;
	}
}
